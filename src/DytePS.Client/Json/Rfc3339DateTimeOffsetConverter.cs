using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DytePS.Client
{
    /// <summary>
    /// Reads the document's date-time (RFC 3339) into DateTimeOffset, including what
    /// System.Text.Json's ISO 8601 reader refuses but RFC 3339 allows: a lower-case t or z and
    /// more than seven fraction digits (the extra digits are below DateTimeOffset's precision).
    /// What DateTimeOffset cannot hold (a leap second, an offset beyond ±14:00, a year before 1
    /// after the offset) still fails, and <see cref="TolerantObjectConverter{T}"/> keeps the text.
    /// </summary>
    internal sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)) return value;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"A date-time is a JSON string, not {reader.TokenType}.");
            var text = reader.GetString()!;
            if (DateTimeOffset.TryParseExact(Normalized(text), "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out value))
                return value;
            throw new JsonException($"'{text}' is not a date-time this module can represent.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        /// <summary>Upper-case T and Z, and at most seven fraction digits.</summary>
        private static string Normalized(string text)
        {
            var upper = text.Length > 10 && text[10] == 't' ? text.Substring(0, 10) + "T" + text.Substring(11) : text;
            if (upper.EndsWith("z", StringComparison.Ordinal)) upper = upper.Substring(0, upper.Length - 1) + "Z";
            var dot = upper.IndexOf('.');
            if (dot < 0) return upper;
            var end = dot + 1;
            while (end < upper.Length && char.IsDigit(upper[end])) end++;
            return end - dot - 1 > 7 ? upper.Substring(0, dot + 8) + upper.Substring(end) : upper;
        }
    }
}
