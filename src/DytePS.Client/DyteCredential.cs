using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace DytePS.Client
{
    /// <summary>
    /// A secret that authenticates requests. The secret stays in a read-only <see cref="SecureString"/>
    /// copy and is only turned into text while a request's Authorization header is built; nothing
    /// here overrides <see cref="object.ToString"/> with secret material.
    /// </summary>
    public abstract class DyteCredential
    {
        /// <summary>Who is authenticating, safe to display (an organization id, or a RealtimeKit app id).</summary>
        public abstract string Principal { get; }

        /// <summary>Which service the credential belongs to.</summary>
        public abstract DyteBackend Backend { get; }

        /// <summary>The API root used when none is given.</summary>
        internal abstract Uri DefaultRoot { get; }

        /// <summary>The base URI of the API for <paramref name="root"/>: the root itself for Dyte, the app's path below it for RealtimeKit.</summary>
        internal abstract Uri ApiBase(Uri root);

        /// <summary>The value of the Authorization header, built fresh for each request.</summary>
        internal abstract string CreateAuthorizationHeader();

        /// <summary>Returns a private, read-only copy so callers may dispose their own instance.</summary>
        protected static SecureString Protect(SecureString secret, string parameterName)
        {
            if (secret is null) throw new ArgumentNullException(parameterName);
            if (secret.Length == 0) throw new ArgumentException("The secret must not be empty.", parameterName);
            var copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        /// <summary>Decodes a secure string; callers keep the result only as long as one header takes.</summary>
        protected static string Reveal(SecureString secret)
        {
            IntPtr buffer = IntPtr.Zero;
            try
            {
                buffer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(buffer, secret.Length);
            }
            finally
            {
                if (buffer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }

        public override string ToString() => Principal;
    }

    /// <summary>Dyte v2 credentials: HTTP Basic with organizationId:apiKey.</summary>
    public sealed class DyteApiKeyCredential : DyteCredential
    {
        private readonly SecureString _apiKey;

        public DyteApiKeyCredential(string organizationId, SecureString apiKey)
        {
            if (string.IsNullOrWhiteSpace(organizationId))
                throw new ArgumentException("The organization id must not be empty.", nameof(organizationId));
            if (organizationId.IndexOf(':') >= 0)
                throw new ArgumentException("The organization id must not contain ':'.", nameof(organizationId));
            OrganizationId = organizationId;
            _apiKey = Protect(apiKey, nameof(apiKey));
        }

        public string OrganizationId { get; }

        public override string Principal => OrganizationId;

        public override DyteBackend Backend => DyteBackend.Dyte;

        internal override Uri DefaultRoot => new Uri("https://api.dyte.io/v2");

        internal override Uri ApiBase(Uri root) => root;

        internal override string CreateAuthorizationHeader()
        {
            var pair = Encoding.UTF8.GetBytes(OrganizationId + ":" + Reveal(_apiKey));
            try { return "Basic " + Convert.ToBase64String(pair); }
            finally { Array.Clear(pair, 0, pair.Length); }
        }
    }

    /// <summary>
    /// Cloudflare RealtimeKit credentials: a Cloudflare API token (Bearer) for one account and app.
    /// The same paths as Dyte v2 live under accounts/{account}/realtime/kit/{app} of the Cloudflare API.
    /// </summary>
    public sealed class RealtimeKitCredential : DyteCredential
    {
        private readonly SecureString _apiToken;

        public RealtimeKitCredential(string accountId, string appId, SecureString apiToken)
        {
            AccountId = RequireSegment(accountId, nameof(accountId));
            AppId = RequireSegment(appId, nameof(appId));
            _apiToken = Protect(apiToken, nameof(apiToken));
        }

        public string AccountId { get; }

        public string AppId { get; }

        public override string Principal => AppId;

        public override DyteBackend Backend => DyteBackend.RealtimeKit;

        internal override Uri DefaultRoot => new Uri("https://api.cloudflare.com/client/v4");

        internal override Uri ApiBase(Uri root) =>
            new Uri(root.AbsoluteUri.TrimEnd('/') + "/" + DyteRequest.PathOf("accounts", AccountId, "realtime", "kit", AppId));

        internal override string CreateAuthorizationHeader() => "Bearer " + Reveal(_apiToken);

        private static string RequireSegment(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("The value must not be empty.", name);
            return value.Trim();
        }
    }

    /// <summary>The service behind a connection.</summary>
    public enum DyteBackend
    {
        /// <summary>Dyte v2 (api.dyte.io), HTTP Basic with organization id and API key.</summary>
        Dyte,

        /// <summary>Cloudflare RealtimeKit, the successor: same paths and envelopes, Bearer token.</summary>
        RealtimeKit,
    }
}
