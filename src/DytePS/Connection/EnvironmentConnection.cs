using System;
using System.Security;
using DytePS.Client;

namespace DytePS
{
    /// <summary>
    /// Credentials from environment variables, for scheduled tasks and CI:
    /// Dyte: DYTE_ORG_ID and DYTE_API_KEY (and DYTE_BASE_URI for another endpoint, such as the
    /// emulator); RealtimeKit: DYTE_ACCOUNT_ID, DYTE_APP_ID and DYTE_API_TOKEN (and
    /// DYTE_RTK_BASE_URI for another Cloudflare API root). Each backend reads only its own base URI,
    /// so a Dyte emulator address never redirects a RealtimeKit connection.
    /// </summary>
    internal static class EnvironmentConnection
    {
        public const string OrganizationIdVariable = "DYTE_ORG_ID";
        public const string ApiKeyVariable = "DYTE_API_KEY";
        public const string AccountIdVariable = "DYTE_ACCOUNT_ID";
        public const string AppIdVariable = "DYTE_APP_ID";
        public const string ApiTokenVariable = "DYTE_API_TOKEN";
        public const string BaseUriVariable = "DYTE_BASE_URI";
        public const string RealtimeKitBaseUriVariable = "DYTE_RTK_BASE_URI";

        private static bool DyteConfigured => Has(OrganizationIdVariable) && Has(ApiKeyVariable);

        private static bool RealtimeKitConfigured => Has(AccountIdVariable) && Has(AppIdVariable) && Has(ApiTokenVariable);

        /// <summary>The backend's base URI variable when it is set, else null. Throws when it is set but not an absolute URI.</summary>
        public static Uri? BaseUri(DyteBackend backend)
        {
            var variable = backend == DyteBackend.RealtimeKit ? RealtimeKitBaseUriVariable : BaseUriVariable;
            var text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri))
                throw new ArgumentException($"The environment variable {variable} is not an absolute URI.");
            return uri;
        }

        /// <summary>The credential from the environment, or null when neither set of variables is complete.</summary>
        public static DyteCredential? Credential()
        {
            if (DyteConfigured && RealtimeKitConfigured)
                throw new ArgumentException(
                    $"Both Dyte ({OrganizationIdVariable}, {ApiKeyVariable}) and RealtimeKit ({AccountIdVariable}, {AppIdVariable}, {ApiTokenVariable}) environment variables are set; keep one set.");
            if (RealtimeKitConfigured)
            {
                using var token = ToSecureString(Environment.GetEnvironmentVariable(ApiTokenVariable)!);
                return new RealtimeKitCredential(Value(AccountIdVariable), Value(AppIdVariable), token);
            }
            if (DyteConfigured)
            {
                using var key = ToSecureString(Environment.GetEnvironmentVariable(ApiKeyVariable)!);
                return new DyteApiKeyCredential(Value(OrganizationIdVariable), key);
            }
            return null;
        }

        private static bool Has(string name) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));

        private static string Value(string name) => Environment.GetEnvironmentVariable(name)!.Trim();

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
