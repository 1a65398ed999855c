using System.Globalization;
using System.Text.Json;
using DytePS.Testing;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace DytePS.Tests.Contract;

/// <summary>One request as the loopback API received it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, string Body)
{
    public override string ToString() =>
        $"{Method} {Path}{(Query.Count > 0 ? "?" + string.Join("&", Query.Select(q => q.Key + "=" + q.Value)) : "")}{(Body.Length > 0 ? " " + Body : "")}";
}

/// <summary>
/// Checks requests against the API document, not the emulator: the operation exists, path
/// parameters match their schemas (uuid), declared query parameters their types, and the body its
/// requestBody schema (types, required fields, enums, formats, no fields the document does not
/// list). Query filters the real service takes beyond the document (spec/dyte-api-facts.md,
/// Paging) are allowed by name.
/// </summary>
public static class RequestValidator
{
    /// <summary>The list filters of the real service that the document leaves out (spec/dyte-api-facts.md).</summary>
    private static readonly Dictionary<string, string[]> DocumentedFilters = new()
    {
        ["listMeetings"] = ["search", "start_time", "end_time"],
        ["listSessions"] = ["status", "associated_id", "sort_by", "sort_order", "start_time", "end_time"],
        ["listRecordings"] = ["meeting_id", "status", "start_time", "end_time"],
    };

    /// <summary>The operation of the document that <paramref name="method"/> and <paramref name="path"/> (below the base path) are, or null.</summary>
    public static ContractOperation? Match(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        // /recordings/active-recordings/{id} beats /recordings/{id}: the template with the most literal segments wins.
        return OpenApiContract.Operations
            .Where(o => o.Method == method)
            .Select(o => (Operation: o, Template: o.PathTemplate.Trim('/').Split('/')))
            .Where(x => x.Template.Length == segments.Length
                && x.Template.Select((t, i) => t.StartsWith('{') || t == segments[i]).All(fits => fits))
            .OrderByDescending(x => x.Template.Count(t => !t.StartsWith('{')))
            .Select(x => x.Operation)
            .FirstOrDefault();
    }

    /// <summary>What is wrong with the request; empty when the document allows it.</summary>
    public static IReadOnlyList<string> Problems(ReceivedRequest request)
    {
        var operation = Match(request.Method, request.Path);
        if (operation is null) return [$"no operation of the document is {request.Method} {request.Path}"];
        var problems = new List<string>();

        var segments = request.Path.Trim('/').Split('/');
        var template = operation.PathTemplate.Trim('/').Split('/');
        for (var i = 0; i < template.Length; i++)
        {
            if (!template[i].StartsWith('{')) continue;
            var name = template[i].Trim('{', '}');
            var parameter = operation.PathParameters.Single(p => p.Name == name);
            foreach (var problem in Value(parameter.Schema, JsonString(Uri.UnescapeDataString(segments[i])), "path " + name)) problems.Add(problem);
        }

        foreach (var (name, value) in request.Query)
        {
            var parameter = operation.QueryParameters.FirstOrDefault(p => p.Name == name) ?? PagingParameter(operation, name);
            if (parameter is null)
            {
                if (!(DocumentedFilters.TryGetValue(operation.Id, out var filters) && filters.Contains(name)))
                    problems.Add($"query '{name}' is not a parameter of {operation.Id}");
                continue;
            }
            // Query values are text; an integer parameter must be one.
            var element = parameter.Schema.Type is "integer" or "number" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? JsonDocument.Parse(value).RootElement.Clone()
                : JsonString(value);
            problems.AddRange(Value(parameter.Schema, element, "query " + name));
        }
        foreach (var parameter in operation.QueryParameters.Where(p => p.Required && !request.Query.Any(q => q.Key == p.Name)))
            problems.Add($"required query '{parameter.Name}' missing");

        if (operation.RequestSchema is null)
        {
            if (request.Body.Length > 0) problems.Add($"{operation.Id} takes no body, but one was sent: {request.Body}");
        }
        else if (request.Body.Length == 0)
        {
            if (operation.RequestBodyRequired) problems.Add($"{operation.Id} requires a body; none was sent");
        }
        else
        {
            try
            {
                using var body = JsonDocument.Parse(request.Body);
                problems.AddRange(Value(operation.RequestSchema, body.RootElement, "body"));
            }
            catch (JsonException e)
            {
                problems.Add("the body is not JSON: " + e.Message);
            }
        }
        return problems;
    }

    /// <summary>
    /// page_no and per_page as the document declares them for its paged lists, for the lists it
    /// does not say are paged (participants, session participants, livestreams): the module pages
    /// every list the same way and reads an answer without a paging block as the whole list.
    /// </summary>
    private static OpenApiParameter? PagingParameter(ContractOperation operation, string name)
    {
        var schema = operation.Responses.TryGetValue(operation.SuccessStatus, out var answer) ? answer : null;
        var isList = operation.Method == "GET" && schema?.Properties.TryGetValue("data", out var data) == true && data.Type == "array";
        return isList ? OpenApiContract.Operation("listMeetings").QueryParameters.FirstOrDefault(p => p.Name == name) : null;
    }

    private static JsonElement JsonString(string value) => JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement.Clone();

    /// <summary>The document's schema rules for one value (OpenAPI 3.0: nullable, type, format, enum, required, properties, items).</summary>
    private static IEnumerable<string> Value(OpenApiSchema schema, JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!schema.Nullable) yield return $"{at} is null, which the document does not allow";
            yield break;
        }
        var type = schema.Type ?? (schema.Properties.Count > 0 ? "object" : null);
        var kindFits = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            _ => true,
        };
        if (!kindFits)
        {
            yield return $"{at} should be {type}, is {value.ValueKind}: {value.GetRawText()}";
            yield break;
        }
        if (schema.Enum.Count > 0)
        {
            var allowed = schema.Enum.OfType<OpenApiString>().Select(e => e.Value).ToList();
            if (!allowed.Contains(value.GetString()!)) yield return $"{at} '{value.GetString()}' is not one of {string.Join(", ", allowed)}";
        }
        if (type == "string" && schema.Format != null && !FormatFits(schema.Format, value.GetString()!))
            yield return $"{at} '{value.GetString()}' is not a {schema.Format}";
        if (type == "object")
        {
            foreach (var required in schema.Required.Where(r => !value.TryGetProperty(r, out _)))
                yield return $"{at}.{required} is required and missing";
            foreach (var property in value.EnumerateObject())
            {
                if (!schema.Properties.TryGetValue(property.Name, out var propertySchema))
                {
                    yield return $"{at}.{property.Name} is not a property the document lists";
                    continue;
                }
                foreach (var problem in Value(propertySchema, property.Value, at + "." + property.Name)) yield return problem;
            }
        }
        if (type == "array" && schema.Items != null)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                foreach (var problem in Value(schema.Items, item, $"{at}[{i++}]")) yield return problem;
        }
    }

    private static bool FormatFits(string format, string text) => format switch
    {
        "uuid" => System.Text.RegularExpressions.Regex.IsMatch(text, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
        // RFC 3986: an absolute URI is ASCII (an IRI's other characters are percent-encoded).
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _) && text.All(c => c > ' ' && c < 127),
        "date-time" => System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"),
        _ => true,
    };
}
