using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// The public key a backend signs webhooks with, fetched from its /.well-known/webhooks.json
    /// (without credentials: it is public, and on RealtimeKit another host) and kept for an hour.
    /// </summary>
    internal sealed class WebhookKeys
    {
        private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

        private readonly DyteClient _client;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private string? _pem;
        private DateTimeOffset _expires;

        public WebhookKeys(DyteClient client, Uri location)
        {
            _client = client;
            Location = location;
        }

        public Uri Location { get; }

        /// <summary>Where a backend publishes its key: api.dyte.io for Dyte, api.realtime.cloudflare.com for RealtimeKit, the emulator's own root otherwise.</summary>
        public static Uri LocationFor(DyteBackend backend, Uri apiBase)
        {
            var host = backend == DyteBackend.RealtimeKit && apiBase.Host.Equals("api.cloudflare.com", StringComparison.OrdinalIgnoreCase)
                ? "https://api.realtime.cloudflare.com"
                : apiBase.GetLeftPart(UriPartial.Authority);
            return new Uri(host + "/.well-known/webhooks.json");
        }

        public async Task<string> GetAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_pem != null && DateTimeOffset.UtcNow < _expires) return _pem;
                using var body = new MemoryStream();
                await _client.DownloadAsync(Location, body, null, cancellationToken).ConfigureAwait(false);
                _pem = FindKey(body.ToArray()) ?? throw new DyteException(DyteErrorKind.InvalidResponse, "GET", Location.GetLeftPart(UriPartial.Path), 200,
                    "the document has no PEM public key");
                _expires = DateTimeOffset.UtcNow + CacheFor;
                return _pem;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>The first string in the document that holds a PEM block ("publicKey" in Dyte's).</summary>
        private string? FindKey(byte[] json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return Search(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new DyteException(DyteErrorKind.InvalidResponse, "GET", Location.GetLeftPart(UriPartial.Path), 200, e.Message, innerException: e);
            }
        }

        private static string? Search(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    var text = element.GetString();
                    return text != null && text.Contains("-----BEGIN") ? text : null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var found = Search(property.Value);
                        if (found != null) return found;
                    }
                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        var found = Search(item);
                        if (found != null) return found;
                    }
                    return null;
                default:
                    return null;
            }
        }
    }
}
