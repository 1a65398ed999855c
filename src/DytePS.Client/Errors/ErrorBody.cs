using System;
using System.Text.Json;

namespace DytePS.Client
{
    /// <summary>
    /// Reads the service's error bodies. Dyte answers both
    /// <c>{"success":false,"error":{"code":N,"message":"..."}}</c> and <c>{"message":"..."}</c>
    /// (seen on 401), and proxies in front of it answer HTML or nothing at all.
    /// </summary>
    internal static class ErrorBody
    {
        /// <summary>The message and code from <paramref name="body"/>, or the status text when it has none.</summary>
        public static (string Message, string? Code) Parse(byte[]? body, int status, string? reasonPhrase)
        {
            var fallback = string.IsNullOrEmpty(reasonPhrase) ? StatusText(status) : reasonPhrase!;
            if (body is null || body.Length == 0) return (fallback, null);
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return (fallback, null);
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object)
                        return (StringOf(error, "message") ?? fallback, StringOf(error, "code"));
                    if (error.ValueKind == JsonValueKind.String)
                        return (error.GetString() ?? fallback, null);
                }
                return (StringOf(root, "message") ?? fallback, null);
            }
            catch (JsonException)
            {
                return (fallback, null);
            }
        }

        private static string? StringOf(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString();
                    return string.IsNullOrWhiteSpace(text) ? null : text;
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    return null;
            }
        }

        /// <summary>"Not Found" for 404: the enum name split into words, or "HTTP 599" when unknown.</summary>
        public static string StatusText(int status)
        {
            var name = ((System.Net.HttpStatusCode)status).ToString();
            if (name == status.ToString(System.Globalization.CultureInfo.InvariantCulture)) return "HTTP " + name;
            var words = new System.Text.StringBuilder(name.Length + 4);
            foreach (var c in name)
            {
                if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
                words.Append(c);
            }
            return words.ToString();
        }
    }
}
