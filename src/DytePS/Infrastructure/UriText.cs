using System;
using System.Linq;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// URLs as the API document's <c>uri</c> format wants them (RFC 3986: ASCII only). A URL given
    /// in that form is sent exactly as given; one with other characters (a space, an international
    /// domain name, a path in another script) is sent in its equivalent ASCII form: the host in
    /// punycode, the rest percent-encoded.
    /// </summary>
    internal static class UriText
    {
        public static string? ForApi(string? text)
        {
            if (text is null || text.All(c => c > ' ' && c < 127)) return text;
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) return text;
            return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        }
    }
}
