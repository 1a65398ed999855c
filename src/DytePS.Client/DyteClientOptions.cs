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
        /// <summary>The Dyte v2 production endpoint.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.dyte.io/v2");

        /// <summary>API root, for example https://api.dyte.io/v2 or the emulator's http://127.0.0.1:port/v2.</summary>
        public Uri BaseUri { get; set; } = DefaultBaseUri;

        /// <summary>How requests are authenticated (organization id and API key for Dyte).</summary>
        public DyteCredential? Credential { get; set; }

        /// <summary>How long one HTTP attempt may take before it fails with a timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>A proxy to use instead of the system proxy; null uses the system proxy.</summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>Which failures are retried, how often and for how long in total.</summary>
        public DyteRetryOptions Retry { get; set; } = new DyteRetryOptions();

        /// <summary>Sent as the User-Agent header.</summary>
        public string UserAgent { get; set; } = "DytePS";

        /// <summary>Throws <see cref="ArgumentException"/> when the options cannot make a safe client.</summary>
        public void Validate()
        {
            if (BaseUri is null || !BaseUri.IsAbsoluteUri)
                throw new ArgumentException("The base URI must be an absolute http or https URI.", nameof(BaseUri));
            if (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"The base URI must use http or https, not '{BaseUri.Scheme}'.", nameof(BaseUri));
            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
                throw new ArgumentException(
                    $"Refusing to send credentials over plain http to '{BaseUri.Host}'. Use https, or a loopback address for the local emulator.",
                    nameof(BaseUri));
            if (Credential is null)
                throw new ArgumentException("A credential is required.", nameof(Credential));
            if (Timeout <= TimeSpan.Zero)
                throw new ArgumentException("The timeout must be positive.", nameof(Timeout));
            if (Retry is null) throw new ArgumentException("Retry options are required.", nameof(Retry));
            Retry.Validate();
        }
    }
}
