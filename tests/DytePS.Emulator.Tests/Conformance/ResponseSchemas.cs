using DytePS.Testing;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// The document's response schemas as strict JSON Schemas, validated with NJsonSchema: every
/// object closed (additionalProperties false), enums and formats (uuid, date-time, uri) enforced,
/// no null where the document declares none. <see cref="DocumentedExtensions"/> is the only
/// allowance.
/// </summary>
public static class ResponseSchemas
{
    private static readonly ConcurrentDictionary<(string Operation, int Status), JsonSchema> Cache = new();

    private static readonly JsonSchemaValidator Validator = CreateValidator();

    /// <summary>The schema for an operation's answer with this status: the declared one, else the error envelope.</summary>
    public static JsonSchema For(ContractOperation operation, int status) => Cache.GetOrAdd((operation.Id, status), key =>
    {
        var declared = operation.Responses.TryGetValue(status, out var schema) ? schema : null;
        // Statuses the document leaves out (409, most 404s) still answer the error envelope (facts, Transport).
        declared ??= ErrorResponse;
        // NJsonSchema's own date-time check accepts any parsable date and cannot be replaced, so the
        // strict RFC 3339 check runs under a format name of its own.
        var json = ToJsonSchema(declared, operation.Id).ToJsonString()
            .Replace("\"format\":\"date-time\"", "\"format\":\"" + Rfc3339DateTime.Name + "\"");
        return JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
    });

    /// <summary>What is wrong with <paramref name="json"/> under <paramref name="schema"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, string json)
    {
        JToken token;
        try
        {
            // Dates stay strings so the date-time format is what checks them.
            token = JsonConvert.DeserializeObject<JToken>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
        }
        catch (JsonException e)
        {
            return ["not JSON: " + e.Message];
        }
        if (token is null) return ["no JSON body"];
        return Validator.Validate(token, schema).Select(Describe).ToList();
    }

    private static OpenApiSchema ErrorResponse =>
        OpenApiContract.Operations.SelectMany(o => o.Responses.Values).First(s => s?.Reference?.Id == "ErrorResponse")!;

    /// <summary>OpenAPI 3.0 schema to JSON Schema, closing every object and applying the extensions.</summary>
    public static JsonObject ToJsonSchema(OpenApiSchema schema, string operationId)
    {
        var result = new JsonObject();
        var type = schema.Type ?? (schema.Properties.Count > 0 ? "object" : null);
        if (type != null) result["type"] = schema.Nullable ? new JsonArray(type, "null") : type;
        if (schema.Format != null) result["format"] = schema.Format;
        var name = schema.Reference?.Id;
        if (schema.Enum.Count > 0)
        {
            var values = schema.Enum.Select(e => ((OpenApiString)e).Value).ToList();
            result["enum"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray());
        }
        if (type == "object")
        {
            var properties = new JsonObject();
            foreach (var (property, propertySchema) in schema.Properties)
            {
                var converted = ToJsonSchema(propertySchema, operationId);
                foreach (var (_, _, extra) in DocumentedExtensions.EnumValues.Where(e => e.Schema == name && e.Property == property))
                {
                    var values = converted["enum"]!.AsArray();
                    foreach (var value in extra) values.Add(value);
                }
                properties[property] = converted;
            }
            foreach (var extension in DocumentedExtensions.Properties.Where(e => e.Schema == name && (e.Operation is null || e.Operation == operationId)))
                properties[extension.Property] = extension.Json.DeepClone();
            result["properties"] = properties;
            if (schema.Required.Count > 0) result["required"] = new JsonArray(schema.Required.Select(r => (JsonNode)r!).ToArray());
            result["additionalProperties"] = false;
        }
        if (schema.Items != null) result["items"] = ToJsonSchema(schema.Items, operationId);
        return result;
    }

    private static string Describe(ValidationError error) => error switch
    {
        ChildSchemaValidationError child => $"{error.Kind} at {error.Path}: " +
            string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe)),
        _ => $"{error.Kind} at {error.Path}",
    };

    private static JsonSchemaValidator CreateValidator()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.AddCustomFormatValidator(new Rfc3339DateTime());
        return new JsonSchemaValidator(settings);
    }

    /// <summary>date-time as RFC 3339 requires: a full date, a time, and an explicit offset (Z or ±hh:mm).</summary>
    private sealed class Rfc3339DateTime : IFormatValidator
    {
        private static readonly System.Text.RegularExpressions.Regex Shape = new(
            @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$");

        public const string Name = "rfc3339-date-time";

        public string Format => Name;

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            Shape.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
