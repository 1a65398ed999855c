using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    internal sealed partial class DyteTransport
    {
        /// <summary>
        /// Streams <paramref name="url"/> into <paramref name="destination"/>, reporting bytes
        /// copied (and the total when known). Download links are presigned, so no Authorization
        /// header is sent, and their query (the signature) never appears in logs or errors.
        /// <see cref="DyteClientOptions.Timeout"/> bounds the wait for the headers, each silence of
        /// the body, and the whole read of an error body (of which 64 KB at most are read);
        /// <paramref name="cancellationToken"/> ends any of them at once. Redirects follow
        /// <see cref="RedirectPolicy"/>: a few hops, within the link's host, over https.
        /// </summary>
        public async Task<long> DownloadAsync(Uri url, Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            RedirectPolicy.CheckDownloadLink(url);
            var named = url;
            for (var hops = 0; ; hops++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await HeadersAsync(url, clock, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (RedirectPolicy.IsRedirect(status))
                {
                    Report("GET", RedirectPolicy.Display(url), status, clock.Elapsed);
                    url = RedirectPolicy.NextDownloadHop(named, url, status, response.Headers.Location, hops);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var body = await BoundedRead.ErrorBodyAsync(response.Content, _timeout, cancellationToken).ConfigureAwait(false);
                    Report("GET", RedirectPolicy.Display(url), status, clock.Elapsed);
                    var (message, code) = ErrorBody.Parse(body, status, response.ReasonPhrase);
                    throw new DyteException(DyteErrorKind.HttpStatus, "GET", RedirectPolicy.Display(url), status, message, code);
                }
                var copied = await CopyAsync(response, destination, progress, RedirectPolicy.Display(url), cancellationToken).ConfigureAwait(false);
                Report("GET", RedirectPolicy.Display(url), status, clock.Elapsed);
                return copied;
            }
        }

        /// <summary>Sends the GET and waits for the headers, at most the timeout.</summary>
        private async Task<HttpResponseMessage> HeadersAsync(Uri url, Stopwatch clock, CancellationToken cancellationToken)
        {
            using var request = new SizeLimitHandler.StreamedRequest(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(_userAgent);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_timeout);
            try
            {
                return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Report("GET", RedirectPolicy.Display(url), null, clock.Elapsed);
                throw new DyteException(DyteErrorKind.Timeout, "GET", RedirectPolicy.Display(url), null,
                    $"no response within {_timeout.TotalSeconds:0.###} s");
            }
            catch (HttpRequestException e)
            {
                Report("GET", RedirectPolicy.Display(url), null, clock.Elapsed);
                throw Failures.Network("GET", RedirectPolicy.Display(url), e);
            }
        }

        private async Task<long> CopyAsync(HttpResponseMessage response, Stream destination, Action<long, long?>? progress, string display, CancellationToken cancellationToken)
        {
            var total = response.Content.Headers.ContentLength;
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[81920];
            long copied = 0;
            while (true)
            {
                int read;
                try
                {
                    read = await BoundedRead.ReadAsync(source, buffer, buffer.Length, _timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (IdleTimeoutException)
                {
                    throw new DyteException(DyteErrorKind.Timeout, "GET", display, null,
                        $"no data for {_timeout.TotalSeconds:0.###} s after {copied} bytes");
                }
                catch (IOException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Failures.Network("GET", display, e);
                }
                if (read == 0) break;
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                copied += read;
                progress?.Invoke(copied, total);
            }
            if (total.HasValue && copied != total.Value)
                throw new DyteException(DyteErrorKind.Network, "GET", display, null, $"the download ended after {copied} of {total} bytes");
            return copied;
        }
    }
}
