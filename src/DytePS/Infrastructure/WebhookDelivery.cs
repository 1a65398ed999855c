using System;
using System.Collections;
using System.Management.Automation;
using System.Text;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// What a receiver got: the body exactly as sent and the delivery headers (dyte-* from Dyte,
    /// rtk-* from RealtimeKit), read from whatever the hosting framework hands a script.
    /// </summary>
    internal sealed class WebhookDelivery
    {
        private static readonly string[] Prefixes = { "dyte-", "rtk-" };

        public WebhookDelivery(object body, IDictionary? headers, string? signature)
        {
            Body = BodyBytes(body);
            if (headers != null)
            {
                foreach (var prefix in Prefixes)
                {
                    var found = Header(headers, prefix + "signature");
                    if (found is null) continue;
                    Signature = found;
                    Uuid = Header(headers, prefix + "uuid");
                    WebhookId = Header(headers, prefix + "webhook-id");
                    Prefix = prefix.TrimEnd('-');
                    break;
                }
            }
            if (signature != null) Signature = signature;
        }

        public byte[] Body { get; }
        public string? Signature { get; }
        public string? Uuid { get; }
        public string? WebhookId { get; }

        /// <summary>"dyte" or "rtk": which header set carried the signature.</summary>
        public string? Prefix { get; }

        /// <summary>The exact bytes to verify: a string is taken as UTF-8 text as received.</summary>
        private static byte[] BodyBytes(object body)
        {
            var value = body is PSObject wrapped ? wrapped.BaseObject : body;
            switch (value)
            {
                case byte[] bytes:
                    return bytes;
                case string text:
                    return Encoding.UTF8.GetBytes(text);
                case IDictionary _:
                case PSCustomObject _:
                    throw new ArgumentException(
                        "The body was already parsed; a signature covers the raw text or bytes as received (in Azure Functions, $Request.RawBody).");
                default:
                    throw new ArgumentException($"The body must be the raw text or bytes as received, not {value?.GetType().Name ?? "null"}.");
            }
        }

        /// <summary>A header value by name in any letter case; a list of values yields the first.</summary>
        private static string? Header(IDictionary headers, string name)
        {
            foreach (DictionaryEntry entry in headers)
            {
                if (!string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) continue;
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is string text) return text;
                if (value is IEnumerable values)
                {
                    foreach (var item in values) return item?.ToString();
                }
                return value?.ToString();
            }
            return null;
        }
    }
}
