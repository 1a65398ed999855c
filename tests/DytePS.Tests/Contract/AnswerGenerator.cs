using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DytePS.Tests.Contract;

/// <summary>
/// Random answers that the API document allows, from an operation's response schema: every
/// optional field sometimes missing, null where nullable, unknown extra fields, any value of each
/// declared type and format (RFC 3339 date-times the module may not parse, ids in either case,
/// URIs of any scheme), text that merely looks like ids or dates where the document says only
/// string, enum values in other cases (as the real service writes some), empty and large arrays,
/// unicode and emoji. All from one <see cref="Random"/>, so a seed replays a case exactly.
/// </summary>
public sealed class AnswerGenerator(Random random)
{
    /// <summary>Arrays are mostly short; this often one is large.</summary>
    private const int LargeArrayOneIn = 8;

    private static readonly string[] Texts =
    [
        "", " ", "Weekly standup", "Réunion d'équipe – Ω", "週次ミーティング", "🎥📅 Stand-up 👩🏽‍💻", "emoji only: 😀😃😄",
        "quotes ' \" ‘ ’ “ ” and \\ backslash", "line\nbreak\ttab", "\u0001 control \u001f", "null", "true", "12345", "-0.5e10",
        "not-a-uuid", "00000000-0000-0000-0000-000000000000", "2024-02-30T25:61:00Z", "yesterday", "ACTIVE", "inactive",
        "{\"json\": \"in a string\"}", "<b>html</b>", "\u200b zero width \ufeff", "RTL עברית العربية",
    ];

    private static readonly string[] Uris =
    [
        "https://example.com/a/b?c=d#e", "http://127.0.0.1:8080/", "https://[::1]/path", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
        "mailto:someone@example.com", "ftp://files.example.com/recording.mp4", "https://example.com/%E2%9C%93?q=%20", "s3://bucket/key/file.mp4",
        "rtmps://live.example.com:443/app/stream-key", "https://xn--r8jz45g.jp/path",
    ];

    public Random Random => random;

    /// <summary>A value for <paramref name="schema"/>.</summary>
    public JsonNode? Value(OpenApiSchema schema, int depth = 0)
    {
        if (schema.Nullable && random.Next(6) == 0) return null;
        var type = schema.Type ?? (schema.Properties.Count > 0 ? "object" : "string");
        return type switch
        {
            "object" => Object(schema, depth, keep: null),
            "array" => Array(schema, depth),
            "string" => String(schema),
            "integer" => Integer(),
            "number" => Number(),
            "boolean" => random.Next(2) == 0,
            _ => throw new NotSupportedException($"The generator has no values for type '{type}'."),
        };
    }

    /// <summary>
    /// A whole answer. <paramref name="keep"/> names properties always present: an operation that
    /// returns one object keeps 'data' (without it there is no object to return, and the module
    /// says so with an error; that is not what these tests ask about).
    /// </summary>
    public JsonObject Answer(OpenApiSchema schema, params string[] keep) => Object(schema, 0, keep);

    private JsonObject Object(OpenApiSchema schema, int depth, string[]? keep)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema.Properties)
        {
            var required = schema.Required.Contains(name) || keep?.Contains(name) == true;
            if (!required && random.Next(4) == 0) continue;
            result[name] = Value(property, depth + 1);
        }
        // Fields the document does not list (the service adds some).
        var extras = random.Next(5) == 0 ? random.Next(1, 4) : 0;
        for (var i = 0; i < extras; i++) result["x_unlisted_" + i + "_" + random.Next(1000)] = Unknown(depth + 1);
        return result;
    }

    private JsonArray Array(OpenApiSchema schema, int depth)
    {
        var length = depth > 2 ? random.Next(3)
            : random.Next(LargeArrayOneIn) == 0 ? random.Next(100, 400)
            : random.Next(5) == 0 ? 0
            : random.Next(1, 6);
        var array = new JsonArray();
        for (var i = 0; i < length; i++) array.Add(Value(schema.Items, depth + 1));
        return array;
    }

    private JsonNode String(OpenApiSchema schema)
    {
        if (schema.Enum.Count > 0)
        {
            var value = ((OpenApiString)schema.Enum[random.Next(schema.Enum.Count)]).Value;
            return random.Next(4) switch
            {
                0 => value.ToLowerInvariant(),
                1 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()),
                _ => value,
            };
        }
        return schema.Format switch
        {
            "uuid" => Uuid(),
            "date-time" => DateTime(),
            "uri" => Uris[random.Next(Uris.Length)],
            _ => PlainText(),
        };
    }

    private string Uuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var text = new Guid(bytes).ToString("D");
        return random.Next(3) == 0 ? text.ToUpperInvariant() : text;
    }

    /// <summary>RFC 3339: any year, T or t, 0 to 9 fraction digits, a leap second now and then, Z, z or an offset up to ±23:59.</summary>
    private string DateTime()
    {
        var year = random.Next(5) == 0 ? random.Next(0, 10000) : random.Next(1970, 2100);
        var month = random.Next(1, 13);
        var day = random.Next(1, System.DateTime.DaysInMonth(Math.Max(1, year), month) + 1);
        var second = random.Next(40) == 0 ? 60 : random.Next(60);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            .Append(random.Next(6) == 0 ? 't' : 'T')
            .Append(CultureInfo.InvariantCulture, $"{random.Next(24):D2}:{random.Next(60):D2}:{second:D2}");
        var fraction = random.Next(3) == 0 ? random.Next(1, 10) : 0;
        if (fraction > 0) text.Append('.').Append(string.Concat(Enumerable.Range(0, fraction).Select(_ => (char)('0' + random.Next(10)))));
        text.Append(random.Next(3) switch
        {
            0 => "Z",
            1 when random.Next(4) == 0 => "z",
            _ => (random.Next(2) == 0 ? "+" : "-") + $"{random.Next(24):D2}:{random.Next(60):D2}",
        });
        return text.ToString();
    }

    private string PlainText() => random.Next(6) switch
    {
        0 => Uuid(),
        1 => DateTime(),
        2 => new string('x', random.Next(1000, 5000)),
        _ => Texts[random.Next(Texts.Length)],
    };

    private JsonNode Integer() => random.Next(8) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MaxValue + 1L,
        3 => long.MaxValue,
        4 => long.MinValue,
        _ => random.Next(0, 1000),
    };

    private JsonNode Number() => random.Next(6) switch
    {
        0 => 0,
        1 => -1.5,
        2 => 1e300,
        3 => random.Next(0, 100000),
        _ => Math.Round(random.NextDouble() * 10000, random.Next(0, 6)),
    };

    /// <summary>Any JSON for a field the document does not list.</summary>
    private JsonNode? Unknown(int depth) => random.Next(depth > 2 ? 4 : 6) switch
    {
        0 => null,
        1 => PlainText(),
        2 => random.Next(2) == 0,
        3 => Number(),
        4 => new JsonArray(PlainText(), 1, null),
        _ => new JsonObject { ["nested"] = Unknown(depth + 1), ["id"] = "not-a-uuid" },
    };
}
