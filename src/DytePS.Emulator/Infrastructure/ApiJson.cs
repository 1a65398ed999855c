using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DytePS.Emulator.Infrastructure;

/// <summary>The emulator's JSON: snake_case like the service, nulls omitted.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Messages quote field names ('title'); keep them readable instead of \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
