using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// A client for one organization of the Dyte v2 API. Thread-safe; create one per set of
    /// credentials and reuse it. The area properties (<see cref="Meetings"/>, ...) hold the typed
    /// operations; <see cref="SendAsync"/> and <see cref="PagesAsync{T}"/> are the shared core they
    /// stand on, public so that scripts can reach any path the typed surface does not cover.
    /// </summary>
    public sealed class DyteClient : IDisposable
    {
        private readonly DyteTransport _transport;
        private readonly RetryPipeline _retry;
        private readonly RequestGate _gate;
        private readonly WebhookKeys _webhookKeys;

        public DyteClient(DyteClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            BaseUri = options.ApiBaseUri;
            Credential = options.Credential!;
            Timeout = options.Timeout;
            UserAgent = options.UserAgent;
            Retry = options.Retry.Copy();
            _transport = new DyteTransport(options);
            RequestsPerMinute = options.RequestsPerMinute;
            MaxResponseSize = options.MaxResponseSize;
            _gate = new RequestGate(options.RequestsPerMinute);
            _retry = new RetryPipeline(Retry, _gate);
            Meetings = new MeetingsApi(this);
            Participants = new ParticipantsApi(this);
            Sessions = new SessionsApi(this);
            Recordings = new RecordingsApi(this);
            Livestreams = new LivestreamsApi(this);
            Webhooks = new WebhooksApi(this);
            _webhookKeys = new WebhookKeys(this, WebhookKeys.LocationFor(Backend, BaseUri));
        }

        /// <summary>Where requests go: the API root, or for RealtimeKit the app's base below it.</summary>
        public Uri BaseUri { get; }

        public DyteBackend Backend => Credential.Backend;

        /// <summary>The credential's public part is <see cref="DyteCredential.Principal"/>; the secret never leaves it.</summary>
        public DyteCredential Credential { get; }

        public TimeSpan Timeout { get; }

        /// <summary>The User-Agent header every request carries.</summary>
        public string UserAgent { get; }

        /// <summary>This client's own budget of requests per minute, or null for none.</summary>
        public int? RequestsPerMinute { get; }

        /// <summary>The most bytes one API answer may have once decompressed.</summary>
        public long MaxResponseSize { get; }

        /// <summary>The retry settings in force (a copy: changing it changes nothing).</summary>
        public DyteRetryOptions Retry { get; }

        public MeetingsApi Meetings { get; }
        public ParticipantsApi Participants { get; }
        public SessionsApi Sessions { get; }
        public RecordingsApi Recordings { get; }
        public LivestreamsApi Livestreams { get; }
        public WebhooksApi Webhooks { get; }

        /// <summary>
        /// Sends a request, retrying transient failures, and returns the successful (2xx) response.
        /// Any other outcome throws <see cref="DyteException"/> carrying the server's message, or
        /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fired.
        /// </summary>
        public async Task<DyteResponse> SendAsync(DyteRequest request, CancellationToken cancellationToken)
        {
            var answerLost = false;
            var response = await _retry.ExecuteAsync(request, async token =>
            {
                try
                {
                    return await SendThroughGateAsync(request, token).ConfigureAwait(false);
                }
                catch (DyteException e) when (e.RequestSent && (e.Kind == DyteErrorKind.Network || e.Kind == DyteErrorKind.Timeout))
                {
                    answerLost = true;
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);

            // A DELETE whose earlier answer was lost may have worked already: "not found" on the retry
            // means the goal is reached, not that it failed.
            if (answerLost && response.StatusCode == 404 && request.Method == "DELETE")
                return new DyteResponse(204, "No Content", Array.Empty<byte>(), null);
            if (!response.IsSuccess) throw StatusError(request, response);
            return response;
        }

        private async Task<DyteResponse> SendThroughGateAsync(DyteRequest request, CancellationToken cancellationToken)
        {
            // A 429 pauses the gate for the others only when this call decides to wait it out (RetryPipeline).
            await _gate.WaitAsync(request, cancellationToken).ConfigureAwait(false);
            return await _transport.SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends a request and returns the <c>data</c> of its response envelope.</summary>
        public async Task<T> GetDataAsync<T>(DyteRequest request, CancellationToken cancellationToken)
        {
            var envelope = await GetEnvelopeAsync<T>(request, cancellationToken).ConfigureAwait(false);
            if (envelope.Data is null)
                throw new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(), 200,
                    "the response has no 'data'");
            return envelope.Data;
        }

        /// <summary>Proves the base URI and credentials with the cheapest authenticated request (one meeting).</summary>
        public async Task<bool> VerifyAsync(CancellationToken cancellationToken)
        {
            var request = new DyteRequest("GET", "meetings").WithQuery("page_no", 1).WithQuery("per_page", 1);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>Pages through a list, yielding each page as it arrives (see <see cref="PageRequest"/>).</summary>
        public IAsyncEnumerable<DytePage<T>> PagesAsync<T>(Func<DyteRequest> newRequest, PageRequest slice, CancellationToken cancellationToken) =>
            Pager.PagesAsync(newRequest, GetEnvelopeAsync<List<T>>, slice, cancellationToken);

        /// <summary>Where this backend publishes the public key its webhook deliveries are signed with.</summary>
        public Uri WebhookPublicKeyUri => _webhookKeys.Location;

        /// <summary>The PEM public key of this backend's webhook signatures, fetched once an hour at most.</summary>
        public Task<string> GetWebhookPublicKeyAsync(CancellationToken cancellationToken) => _webhookKeys.GetAsync(cancellationToken);

        /// <summary>Streams a file from an absolute (presigned) URL; see <see cref="RecordingsApi.DownloadAsync"/>.</summary>
        internal Task<long> DownloadAsync(Uri url, System.IO.Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken) =>
            _transport.DownloadAsync(url, destination, progress, cancellationToken);

        /// <summary>Pages through any list, each item as a <see cref="JsonGraph"/> value.</summary>
        public IAsyncEnumerable<DytePage<object?>> JsonPagesAsync(Func<DyteRequest> newRequest, PageRequest slice, CancellationToken cancellationToken) =>
            PagesAsync<JsonElement>(newRequest, slice, cancellationToken).Map(JsonGraph.From, cancellationToken);

        internal async Task<ApiEnvelope<T>> GetEnvelopeAsync<T>(DyteRequest request, CancellationToken cancellationToken)
        {
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadEnvelope<T>(request, response);
        }

        private static ApiEnvelope<T> ReadEnvelope<T>(DyteRequest request, DyteResponse response)
        {
            if (response.Body.Length == 0)
                throw new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(),
                    response.StatusCode, "the response body is empty");
            ApiEnvelope<T> envelope;
            try
            {
                envelope = JsonSerializer.Deserialize<ApiEnvelope<T>>(response.Body, DyteJson.Options)
                    ?? throw new JsonException("the body is JSON null");
            }
            catch (JsonException e)
            {
                throw new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(),
                    response.StatusCode, e.Message, innerException: e);
            }
            // A 2xx that says it failed: its data (often an empty list) is not an answer.
            if (envelope.Success == false)
            {
                var (message, code) = ErrorBody.Parse(response.Body, response.StatusCode, response.ReasonPhrase);
                throw new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(),
                    response.StatusCode, "the envelope says \"success\": false: " + message, code);
            }
            return envelope;
        }

        private static DyteException StatusError(DyteRequest request, DyteResponse response)
        {
            if (RedirectPolicy.IsRedirect(response.StatusCode))
                return RedirectPolicy.ApiRedirect(request.Method, request.DisplayPath(), response.StatusCode, response.Location);
            var (message, code) = ErrorBody.Parse(response.Body, response.StatusCode, response.ReasonPhrase);
            return new DyteException(DyteErrorKind.HttpStatus, request.Method, request.DisplayPath(),
                response.StatusCode, message, code, response.RetryAfter);
        }

        public void Dispose()
        {
            _transport.Dispose();
            _gate.Dispose();
        }
    }
}
