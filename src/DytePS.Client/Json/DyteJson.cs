using System.Text.Json;
using System.Text.Json.Serialization;

namespace DytePS.Client
{
    /// <summary>
    /// The one serializer configuration: snake_case names, unknown fields ignored (the service adds
    /// fields the document does not list), nulls left out of request bodies, and a value the module
    /// cannot read kept aside rather than failing its object (<see cref="DyteObject.UnreadValues"/>). Shared so that
    /// System.Text.Json builds its metadata once per type, not once per call.
    /// </summary>
    public static class DyteJson
    {
        public static JsonSerializerOptions Options { get; } = Create(tolerant: true);

        /// <param name="tolerant">
        /// Read the service's objects with <see cref="TolerantObjectConverterFactory"/>, which needs the
        /// same settings without itself (tolerant: false) for its first, strict attempt.
        /// </param>
        private static JsonSerializerOptions Create(bool tolerant)
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                PropertyNameCaseInsensitive = true,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            options.Converters.Add(new Rfc3339DateTimeOffsetConverter());
            if (tolerant) options.Converters.Add(new TolerantObjectConverterFactory(Create(tolerant: false)));
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
