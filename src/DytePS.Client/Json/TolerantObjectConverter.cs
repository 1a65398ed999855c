using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DytePS.Client
{
    /// <summary>
    /// Reads the service's objects (<see cref="DyteObject"/>) so that one value the module cannot
    /// interpret never fails the whole answer (and with it a listing): the object is read as usual
    /// and, only when that fails, again field by field; a field that still fails keeps its default
    /// and its text goes to <see cref="DyteObject.UnreadValues"/>. JSON null for a property that
    /// cannot hold it leaves the default, as a missing field does.
    /// </summary>
    internal sealed class TolerantObjectConverterFactory : JsonConverterFactory
    {
        private readonly JsonSerializerOptions _strict;

        /// <param name="strict">The same settings without this factory: how each object and field is read first.</param>
        public TolerantObjectConverterFactory(JsonSerializerOptions strict) => _strict = strict;

        public override bool CanConvert(Type typeToConvert) => typeof(DyteObject).IsAssignableFrom(typeToConvert) && !typeToConvert.IsAbstract;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(TolerantObjectConverter<>).MakeGenericType(typeToConvert), _strict)!;
    }

    internal sealed class TolerantObjectConverter<T> : JsonConverter<T> where T : DyteObject
    {
        private readonly JsonSerializerOptions _strict;
        private readonly Dictionary<string, JsonPropertyInfo> _properties;

        public TolerantObjectConverter(JsonSerializerOptions strict)
        {
            _strict = strict;
            _properties = new Dictionary<string, JsonPropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in strict.GetTypeInfo(typeof(T)).Properties)
            {
                if (property.Set != null) _properties[property.Name] = property;
            }
        }

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            // The whole value is buffered when a converter is called, so the reader can be rewound.
            var start = reader;
            try
            {
                return JsonSerializer.Deserialize<T>(ref reader, _strict);
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException)
            {
                reader = start;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException($"Expected a JSON object for {typeof(T).Name}, not {reader.TokenType}.");
            using var document = JsonDocument.ParseValue(ref reader);
            return FieldByField(document.RootElement);
        }

        private T FieldByField(JsonElement element)
        {
            var result = (T)_strict.GetTypeInfo(typeof(T)).CreateObject!();
            Dictionary<string, string>? unread = null;
            foreach (var field in element.EnumerateObject())
            {
                // Unknown fields are ignored, as the strict read ignores them.
                if (!_properties.TryGetValue(field.Name, out var property)) continue;
                if (field.Value.ValueKind == JsonValueKind.Null)
                {
                    if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) != null)
                        property.Set!(result, null);
                    continue;
                }
                try
                {
                    property.Set!(result, field.Value.Deserialize(property.PropertyType, _strict));
                }
                catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is FormatException || e is OverflowException)
                {
                    unread ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    unread[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
                }
            }
            result.UnreadValues = unread;
            return result;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _strict);
    }
}
