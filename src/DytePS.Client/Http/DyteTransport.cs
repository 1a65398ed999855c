using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace DytePS.Client
{
    /// <summary>
    /// The one place that performs HTTP: one HttpClient per connection (so TCP connections are
    /// pooled), driven by RestSharp for API calls and used directly to stream downloads. One call
    /// of <see cref="SendOnceAsync"/> is one attempt; it either returns a complete response (any
    /// status) or throws <see cref="DyteException"/> for timeouts and network failures, or
    /// <see cref="OperationCanceledException"/> when the caller cancelled.
    /// </summary>
    internal sealed partial class DyteTransport : IDisposable
    {
        private readonly HttpClient _http;
        private readonly RestClient _rest;
        private readonly DyteCredential _credential;
        private readonly TimeSpan _timeout;
        private readonly string _userAgent;

        public DyteTransport(DyteClientOptions options)
        {
            _credential = options.Credential!;
            _timeout = options.Timeout;
            var handler = new HttpClientHandler
            {
                // Redirects are not followed here: RedirectPolicy decides (API calls never, downloads within their host).
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            // Null keeps the system proxy (HttpClientHandler's default).
            if (options.Proxy != null) handler.Proxy = options.Proxy;
            handler.RequireTls12OnFramework();
            _http = new HttpClient(new SizeLimitHandler(handler, options.MaxResponseSize)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _userAgent = options.UserAgent;
            var restOptions = new RestClientOptions(options.ApiBaseUri)
            {
                UserAgent = options.UserAgent,
                // Our own per-attempt token enforces the timeout, so a timeout and a caller's
                // cancellation can be told apart.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                // RestSharp follows redirects by itself, even with AllowAutoRedirect off, re-sending
                // the body (and a create's secrets) to wherever Location points: never.
                FollowRedirects = false,
                // Any response that arrived is complete; statuses are judged by DyteClient.
                CalculateResponseStatus = _ => ResponseStatus.Completed,
                Interceptors = { new ApiHeaders(_credential) },
            };
            _rest = new RestClient(_http, restOptions, disposeHttpClient: false);
        }

        public async Task<DyteResponse> SendOnceAsync(DyteRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DyteResponse? received = null;
            var rest = new RestRequest(request.Path, ToRestMethod(request.Method))
            {
                // HttpClient buffers the body under the attempt's token; the writer then takes the
                // bytes as they are, skipping RestSharp's response model (header lists, cookies, a
                // decoded string copy of the body), which the client never reads.
                CompletionOption = HttpCompletionOption.ResponseContentRead,
                AdvancedResponseWriter = (message, restRequest) =>
                {
                    received = Received(message);
                    return new RestResponse(restRequest) { StatusCode = message.StatusCode, ResponseStatus = ResponseStatus.Completed };
                },
            };
            foreach (var pair in request.Query) rest.AddQueryParameter(pair.Key, pair.Value);
            if (request.JsonBody != null) rest.AddStringBody(request.JsonBody, ContentType.Json);

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_timeout);
            var clock = Stopwatch.StartNew();
            RestResponse response;
            try
            {
                response = await _rest.ExecuteAsync(rest, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attempt.IsCancellationRequested)
            {
                throw Timeout(request, clock.Elapsed, null);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (attempt.IsCancellationRequested || response.ResponseStatus == ResponseStatus.TimedOut)
                throw Timeout(request, clock.Elapsed, response.ErrorException);

            if (received == null)
            {
                Report(request, null, clock.Elapsed);
                if (Failures.Find<ResponseTooLargeException>(response.ErrorException) is { } tooLarge)
                    throw new DyteException(DyteErrorKind.ResponseTooLarge, request.Method, request.DisplayPath(), tooLarge.Status,
                        $"the answer is more than {ResponseTooLargeException.Describe(tooLarge.Limit)} once decompressed", innerException: tooLarge);
                if (response.ErrorException is null)
                    throw new DyteException(DyteErrorKind.Network, request.Method, request.DisplayPath(), null,
                        response.ErrorMessage ?? "the connection failed");
                throw Failures.Network(request.Method, request.DisplayPath(), response.ErrorException);
            }

            Report(request, received.StatusCode, clock.Elapsed);
            return received;
        }

        /// <summary>A complete response; its body is already buffered, so reading it does not block.</summary>
        private static DyteResponse Received(HttpResponseMessage message)
        {
            var body = message.Content == null ? Array.Empty<byte>() : message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            // Only a refusal carries a Retry-After worth reading (and parsing headers is not free).
            string? retryAfter = null;
            if (!message.IsSuccessStatusCode && message.Headers.TryGetValues("Retry-After", out var values)) retryAfter = values.FirstOrDefault();
            var status = (int)message.StatusCode;
            var location = RedirectPolicy.IsRedirect(status) ? message.Headers.Location : null;
            if (location != null && message.RequestMessage?.RequestUri is { } from) location = new Uri(from, location);
            return new DyteResponse(status, message.ReasonPhrase, body, RetryAfterHeader.Parse(retryAfter, DateTimeOffset.UtcNow), location);
        }

        private DyteException Timeout(DyteRequest request, TimeSpan elapsed, Exception? inner)
        {
            Report(request, null, elapsed);
            return new DyteException(DyteErrorKind.Timeout, request.Method, request.DisplayPath(), null,
                $"no complete response within {_timeout.TotalSeconds:0.###} s", innerException: inner);
        }

        private static void Report(DyteRequest request, int? status, TimeSpan elapsed) =>
            Report(request.Method, request.DisplayPath(), status, elapsed);

        private static void Report(string method, string path, int? status, TimeSpan elapsed) =>
            DyteClientListenerScope.Listener?.RequestCompleted(new DyteRequestRecord(method, path, status, elapsed));

        private static Method ToRestMethod(string method)
        {
            switch (method)
            {
                case "GET": return Method.Get;
                case "POST": return Method.Post;
                case "PUT": return Method.Put;
                case "PATCH": return Method.Patch;
                case "DELETE": return Method.Delete;
                case "HEAD": return Method.Head;
                case "OPTIONS": return Method.Options;
                default: throw new ArgumentException($"The HTTP method '{method}' is not supported.", nameof(method));
            }
        }

        public void Dispose()
        {
            _rest.Dispose();
            _http.Dispose();
        }
    }
}
