using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>Request bodies made from the document's request schemas: one valid body, and every way to violate it.</summary>
public static class RequestBodies
{
    /// <summary>A body with every property set to a value the schema allows; uuids come from <paramref name="uuid"/> by property name.</summary>
    public static JsonNode Valid(OpenApiSchema schema, Func<string, string> uuid, string name = "") => schema.Type switch
    {
        "object" => new JsonObject(schema.Properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Valid(p.Value, uuid, p.Key)))),
        "array" => new JsonArray(Valid(schema.Items, uuid, name)),
        "boolean" => false,
        "integer" => 640,
        "number" => 1.5,
        _ when schema.Enum.Count > 0 => ((OpenApiString)schema.Enum[0]).Value,
        _ when schema.Format == "uuid" => uuid(name),
        _ when schema.Format == "uri" => "https://example.com/conformance",
        _ => "conformance",
    };

    /// <summary>
    /// Every single violation of <paramref name="schema"/> applied to <paramref name="valid"/>: each
    /// required property left out, each property of the wrong JSON type, a value outside each enum,
    /// a malformed uuid, a uri that is not one; nested objects and arrays included. The field is
    /// named by its path ('video_config.width'), as the error message must name it.
    /// </summary>
    public static IEnumerable<Violation> Violations(OpenApiSchema schema, JsonObject valid, string prefix = "")
    {
        foreach (var required in schema.Required)
            yield return new Violation($"'{prefix}{required}' missing", prefix + required, Without(valid, required));
        foreach (var (name, property) in schema.Properties)
        {
            var field = prefix + name;
            foreach (var (what, value) in BadValues(property))
                yield return new Violation($"'{field}' {what}", field, With(valid, name, value));
            if (property.Type == "object" && valid[name] is JsonObject nested)
            {
                foreach (var inner in Violations(property, nested, field + "."))
                    yield return inner with { Body = With(valid, name, inner.Body) };
            }
        }
    }

    /// <summary>Forms .NET would read as a Guid but format: uuid (8-4-4-4-12) does not allow.</summary>
    public static readonly (string What, string Value)[] MalformedUuids =
    [
        ("a uuid without hyphens", "0123456789abcdef0123456789abcdef"),
        ("a uuid in braces", "{01234567-89ab-cdef-0123-456789abcdef}"),
    ];

    private static IEnumerable<(string What, JsonNode Value)> BadValues(OpenApiSchema property)
    {
        switch (property.Type)
        {
            case "string":
                yield return ("as a number", 12345);
                // docs/emulator.md, Limits: no lone surrogate escape, at most 4096 characters.
                yield return ("with a lone surrogate escape", LoneSurrogate);
                yield return ("longer than 4096 characters", new string('x', 4097));
                if (property.Enum.Count > 0) yield return ("outside the enum", "NOT-IN-THE-ENUM");
                if (property.Format == "uuid")
                {
                    yield return ("not a uuid", "not-a-uuid");
                    foreach (var (what, value) in MalformedUuids) yield return (what, value);
                }
                if (property.Format == "uri")
                {
                    yield return ("not a uri", "not a url");
                    yield return ("a uri with a space", "https://example.com/a b");
                }
                break;
            case "boolean":
                yield return ("as a string", "true");
                break;
            case "integer":
                yield return ("as a string", "640");
                yield return ("as a fraction", 1.5);
                break;
            case "number":
                yield return ("as a string", "1");
                break;
            case "object":
                yield return ("as a string", "{}");
                yield return ("as an array", new JsonArray());
                break;
            case "array":
                yield return ("as a string", "x");
                yield return ("with an item of the wrong type", new JsonArray(12345));
                if (property.Items?.Enum.Count > 0) yield return ("with an item outside the enum", new JsonArray("NOT-IN-THE-ENUM"));
                break;
        }
    }

    /// <summary>
    /// Stands for <c>"\ud800"</c>, a JSON string no writer produces from a .NET string: the serialized
    /// body must go through <see cref="WithLoneSurrogates"/> before it is sent.
    /// </summary>
    public const string LoneSurrogate = "@@lone-surrogate@@";

    /// <summary>The body text with every <see cref="LoneSurrogate"/> made a lone surrogate escape.</summary>
    public static string WithLoneSurrogates(string json) => json.Replace(LoneSurrogate, "\\ud800");

    private static JsonObject Without(JsonObject body, string name)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JsonObject With(JsonObject body, string name, JsonNode value)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[name] = value.DeepClone();
        return copy;
    }
}

/// <summary>A body that breaks the document in one way, and the field the 400 must name.</summary>
public sealed record Violation(string Description, string Field, JsonObject Body)
{
    public override string ToString() => Description;
}
