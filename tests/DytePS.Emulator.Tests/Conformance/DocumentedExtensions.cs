using System.Text.Json.Nodes;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// Every way the emulator's answers may go beyond dyte-v2.openapi.yaml, and nothing else: the
/// validator is strict (no undeclared field, no undeclared enum value) except for what is listed
/// here. Each entry is a documented behaviour of the real service, from
/// spec/dyte-api-facts.md, or an extra field docs/emulator.md lists for the emulator under
/// the facts file's rule "Extra fields appear in responses ... Unknown fields must never break
/// deserialization" (section Paging).
/// </summary>
public static class DocumentedExtensions
{
    /// <summary>Enum values beyond the document's, by component schema and property.</summary>
    public static readonly (string Schema, string Property, string[] Values)[] EnumValues =
    [
        // Facts, Lifecycles: "PAUSED exists on the real service" (updateRecording's pause/resume produce it).
        ("Recording", "status", ["PAUSED"]),
        // Facts, Lifecycles: "the real service also uses IDLE, ERRORED, INVOKED" for livestreams.
        ("Livestream", "status", ["IDLE", "ERRORED", "INVOKED"]),
    ];

    /// <summary>
    /// Properties beyond the document's, by component schema and property, with their JSON Schema;
    /// <c>Operation</c> limits an entry to one operation (null: wherever the schema is used).
    /// </summary>
    public static readonly (string Schema, string Property, string? Operation, JsonObject Json)[] Properties =
    [
        // Facts, Paging: "persist_chat, summarize_on_end on meetings".
        ("Meeting", "persist_chat", null, Type("boolean")),
        ("Meeting", "summarize_on_end", null, Type("boolean")),
        // Facts, Paging: "enabled, created_at on webhooks" (and updated_at beside it).
        ("Webhook", "enabled", null, Type("boolean")),
        ("Webhook", "created_at", null, Type("string", "date-time")),
        ("Webhook", "updated_at", null, Type("string", "date-time")),
        // Facts, Paging: "download_url_expiry, file_size on recordings"; the configuration a
        // recording was started with is echoed without its storage credentials (docs/emulator.md).
        ("Recording", "download_url_expiry", null, Type("string", "date-time")),
        ("Recording", "file_size", null, Type("integer")),
        ("Recording", "audio_config", null, Object(("codec", Enum("AAC", "MP3")))),
        ("Recording", "video_config", null, Object(("codec", Enum("H264", "VP8")), ("width", Type("integer")), ("height", Type("integer")))),
        ("Recording", "storage_config", null, Object(
            ("type", Enum("aws", "gcs", "azure", "digitalocean")), ("bucket", Type("string")), ("region", Type("string")), ("path", Type("string")))),
        // The meeting a livestream belongs to and when it started (docs/emulator.md, Fields).
        ("Livestream", "meeting_id", null, Type("string", "uuid")),
        ("Livestream", "created_at", null, Type("string", "date-time")),
        // A session's participants carry their presence in that session (docs/emulator.md, Fields).
        ("Participant", "joined_at", "listSessionParticipants", Type("string", "date-time")),
        ("Participant", "left_at", "listSessionParticipants", Type("string", "date-time")),
        ("Participant", "duration", "listSessionParticipants", Type("number")),
    ];

    private static JsonObject Type(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format != null) schema["format"] = format;
        return schema;
    }

    private static JsonObject Enum(params string[] values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()) };

    private static JsonObject Object(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties) props[name] = schema;
        return new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = false };
    }
}
