using System;
using System.Collections.Generic;
using System.Text.Json;

namespace DytePS.Client
{
    /// <summary>
    /// JSON as plain .NET values, for callers that should not depend on a JSON library (the
    /// cmdlets, which may load in a different context than this library's System.Text.Json):
    /// an object is a <see cref="JsonObjectGraph"/> (properties in document order), an array an
    /// <c>object?[]</c>, then string, long or double, bool and null.
    /// </summary>
    public static class JsonGraph
    {
        /// <summary>Parses UTF-8 JSON; throws <see cref="FormatException"/> when it is not JSON.</summary>
        public static object? Parse(byte[] utf8)
        {
            try
            {
                using var document = JsonDocument.Parse(utf8);
                return From(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new FormatException("The body is not valid JSON: " + e.Message, e);
            }
        }

        internal static object? From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = new JsonObjectGraph();
                    foreach (var property in element.EnumerateObject())
                        properties.Add(new KeyValuePair<string, object?>(property.Name, From(property.Value)));
                    return properties;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) items[i++] = From(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>Checks that <paramref name="json"/> is JSON text; throws <see cref="ArgumentException"/> otherwise.</summary>
        internal static void Validate(string json)
        {
            try
            {
                using (JsonDocument.Parse(json)) { }
            }
            catch (JsonException e)
            {
                throw new ArgumentException("The body is not valid JSON: " + e.Message, e);
            }
        }
    }

    /// <summary>A JSON object's properties in document order (see <see cref="JsonGraph"/>).</summary>
    public sealed class JsonObjectGraph : List<KeyValuePair<string, object?>>
    {
    }
}
