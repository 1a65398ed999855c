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
        private const int MaxRedirects = 5;

        /// <summary>
        /// Streams <paramref name="url"/> into <paramref name="destination"/>, reporting bytes
        /// copied (and the total when known). Download links are presigned, so no Authorization
        /// header is sent, and their query (the signature) never appears in logs or errors.
        /// <see cref="DyteClientOptions.Timeout"/> bounds how long the stream may stay silent.
        /// </summary>
        public async Task<long> DownloadAsync(Uri url, Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            for (var redirect = 0; ; redirect++)
            {
                if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                    throw new DyteException(DyteErrorKind.NotSupported, "GET", Display(url), null, $"download links must be http or https, not '{url.Scheme}'");
                var clock = Stopwatch.StartNew();
                HttpResponseMessage response;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.UserAgent.ParseAdd(_userAgent);
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    throw new DyteException(DyteErrorKind.Network, "GET", Display(url), null, Innermost(e).Message, innerException: e);
                }
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status >= 300 && status < 400 && response.Headers.Location != null && redirect < MaxRedirects)
                    {
                        Report("GET", Display(url), status, clock.Elapsed);
                        url = new Uri(url, response.Headers.Location);
                        continue;
                    }
                    if (!response.IsSuccessStatusCode)
                    {
                        Report("GET", Display(url), status, clock.Elapsed);
                        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var (message, code) = ErrorBody.Parse(body, status, response.ReasonPhrase);
                        throw new DyteException(DyteErrorKind.HttpStatus, "GET", Display(url), status, message, code);
                    }
                    var copied = await CopyAsync(response, destination, progress, Display(url), cancellationToken).ConfigureAwait(false);
                    Report("GET", Display(url), status, clock.Elapsed);
                    return copied;
                }
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
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    idle.CancelAfter(_timeout);
                    try
                    {
                        read = await source.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new DyteException(DyteErrorKind.Timeout, "GET", display, null,
                            $"no data for {_timeout.TotalSeconds:0.###} s after {copied} bytes");
                    }
                    catch (IOException e)
                    {
                        throw new DyteException(DyteErrorKind.Network, "GET", display, null, Innermost(e).Message, innerException: e);
                    }
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

        /// <summary>scheme://host/path: the query of a presigned link is a credential.</summary>
        private static string Display(Uri url) => url.GetLeftPart(UriPartial.Path);

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }
}
