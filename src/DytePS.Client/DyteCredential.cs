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
        /// <summary>Who is authenticating, safe to display (an organization id).</summary>
        public abstract string Principal { get; }

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

        internal override string CreateAuthorizationHeader()
        {
            var pair = Encoding.UTF8.GetBytes(OrganizationId + ":" + Reveal(_apiKey));
            try { return "Basic " + Convert.ToBase64String(pair); }
            finally { Array.Clear(pair, 0, pair.Length); }
        }
    }
}
