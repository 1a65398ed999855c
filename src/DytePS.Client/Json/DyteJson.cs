using System.Text.Json;
using System.Text.Json.Serialization;

namespace DytePS.Client
{
    /// <summary>
    /// The one serializer configuration: snake_case names, unknown fields ignored (the service adds
    /// fields the document does not list), nulls left out of request bodies. Shared so that
    /// System.Text.Json builds its metadata once per type, not once per call.
    /// </summary>
    public static class DyteJson
    {
        public static JsonSerializerOptions Options { get; } = Create();

        private static JsonSerializerOptions Create()
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
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
