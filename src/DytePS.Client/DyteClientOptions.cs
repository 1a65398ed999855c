using System;
using System.Net;
using System.Security;

namespace DytePS.Client
{
    /// <summary>
    /// Everything a <see cref="DyteClient"/> needs to reach one organization. Immutable once the
    /// client is built: the client validates and copies what it uses.
    /// </summary>
    public sealed class DyteClientOptions
    {
        /// <summary>
        /// The API root: for Dyte https://api.dyte.io/v2 (the default) or the emulator's
        /// http://127.0.0.1:port/v2; for RealtimeKit the Cloudflare API root
        /// https://api.cloudflare.com/client/v4 (the default), below which the client adds the
        /// account and app. Null uses the credential's default.
        /// </summary>
        public Uri? BaseUri { get; set; }

        /// <summary>How requests are authenticated (organization id and API key for Dyte).</summary>
        public DyteCredential? Credential { get; set; }

        /// <summary>How long one HTTP attempt may take before it fails with a timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>A proxy to use instead of the system proxy; null uses the system proxy.</summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>Which failures are retried, how often and for how long in total.</summary>
        public DyteRetryOptions Retry { get; set; } = new DyteRetryOptions();

        /// <summary>
        /// A budget of requests per minute shared by every call of the client (for example 2000,
        /// Dyte's limit); null sends as fast as callers ask and relies on retrying 429s.
        /// </summary>
        public int? RequestsPerMinute { get; set; }

        /// <summary>
        /// The most bytes one API answer may have once decompressed (default 64 MB); a larger
        /// answer fails with <see cref="DyteErrorKind.ResponseTooLarge"/> instead of filling memory.
        /// Downloads (<see cref="RecordingsApi.DownloadAsync"/>) stream to their destination and are not limited.
        /// </summary>
        public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

        /// <summary>64 MB: far above any page of 1,000 objects, far below what hurts a PowerShell host.</summary>
        public const long DefaultMaxResponseSize = 64L * 1024 * 1024;

        /// <summary>Sent as the User-Agent header.</summary>
        public string UserAgent { get; set; } = "DytePS";

        /// <summary>The base URI requests go to: the root, plus the app's path for RealtimeKit.</summary>
        internal Uri ApiBaseUri => Credential!.ApiBase(BaseUri ?? Credential.DefaultRoot);

        /// <summary>Throws <see cref="ArgumentException"/> when the options cannot make a safe client.</summary>
        public void Validate()
        {
            if (Credential is null)
                throw new ArgumentException("A credential is required.", nameof(Credential));
            var root = BaseUri ?? Credential.DefaultRoot;
            if (!root.IsAbsoluteUri)
                throw new ArgumentException("The base URI must be an absolute http or https URI.", nameof(BaseUri));
            if (root.Scheme != Uri.UriSchemeHttps && root.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"The base URI must use http or https, not '{root.Scheme}'.", nameof(BaseUri));
            if (root.Scheme == Uri.UriSchemeHttp && !root.IsLoopback)
                throw new ArgumentException(
                    $"Refusing to send credentials over plain http to '{root.Host}'. Use https, or a loopback address for the local emulator.",
                    nameof(BaseUri));
            if (Timeout <= TimeSpan.Zero)
                throw new ArgumentException("The timeout must be positive.", nameof(Timeout));
            if (Retry is null) throw new ArgumentException("Retry options are required.", nameof(Retry));
            if (RequestsPerMinute < 1) throw new ArgumentException("RequestsPerMinute must be at least 1.", nameof(RequestsPerMinute));
            Retry.Validate();
        }
    }
}
