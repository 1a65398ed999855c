using System;
using System.Security;
using DytePS.Client;

namespace DytePS
{
    /// <summary>
    /// Credentials from environment variables, for scheduled tasks and CI:
    /// DYTE_ORG_ID, DYTE_API_KEY and optionally DYTE_BASE_URI.
    /// </summary>
    internal static class EnvironmentConnection
    {
        public const string OrganizationIdVariable = "DYTE_ORG_ID";
        public const string ApiKeyVariable = "DYTE_API_KEY";
        public const string BaseUriVariable = "DYTE_BASE_URI";

        public static bool IsConfigured =>
            !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OrganizationIdVariable))
            && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable));

        /// <summary>DYTE_BASE_URI when it is set, else null. Throws when it is set but not an absolute URI.</summary>
        public static Uri? BaseUri()
        {
            var text = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri))
                throw new ArgumentException($"The environment variable {BaseUriVariable} is not an absolute URI.");
            return uri;
        }

        /// <summary>The credential from the environment, or null when the variables are not set.</summary>
        public static DyteCredential? Credential()
        {
            if (!IsConfigured) return null;
            var organizationId = Environment.GetEnvironmentVariable(OrganizationIdVariable)!.Trim();
            using var key = ToSecureString(Environment.GetEnvironmentVariable(ApiKeyVariable)!);
            return new DyteApiKeyCredential(organizationId, key);
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
