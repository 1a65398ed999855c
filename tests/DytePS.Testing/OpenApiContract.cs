using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace DytePS.Testing;

/// <summary>
/// dyte-v2.openapi.yaml, read with Microsoft.OpenApi.Readers from the repository's own spec/
/// folder, for the emulator's conformance tests and the cmdlets' property tests. Missing or
/// unreadable, it fails every test that reads it with a message saying where it was looked
/// for, rather than letting them pass vacuously.
/// </summary>
public static class OpenApiContract
{
    public static readonly string Path = System.IO.Path.GetFullPath(
        System.IO.Path.Combine(RepoPaths.Root, "spec", "dyte-v2.openapi.yaml"));

    private static readonly Lazy<IReadOnlyList<ContractOperation>> Loaded = new(Load);

    public static IReadOnlyList<ContractOperation> Operations => Loaded.Value;

    public static ContractOperation Operation(string operationId) => Operations.Single(o => o.Id == operationId);

    /// <summary>xunit rows of operationIds, straight from the document.</summary>
    public static IEnumerable<object[]> OperationIds => Operations.Select(o => new object[] { o.Id });

    private static IReadOnlyList<ContractOperation> Load()
    {
        if (!File.Exists(Path))
            throw new FileNotFoundException($"The API contract is missing: expected dyte-v2.openapi.yaml at {Path} (the repository's spec/ folder).", Path);
        using var stream = File.OpenRead(Path);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
            throw new InvalidDataException($"{Path} is not a valid OpenAPI document: {string.Join("; ", diagnostic.Errors.Select(e => e.Message))}");
        var operations = new List<ContractOperation>();
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations)
            {
                var parameters = item.Parameters.Concat(operation.Parameters).ToList();
                var body = operation.RequestBody;
                operations.Add(new ContractOperation(
                    operation.OperationId,
                    method.ToString().ToUpperInvariant(),
                    template,
                    parameters.Where(p => p.In == ParameterLocation.Path).ToList(),
                    parameters.Where(p => p.In == ParameterLocation.Query).ToList(),
                    body?.Content.TryGetValue("application/json", out var request) == true ? request.Schema : null,
                    body?.Required == true,
                    operation.Responses.ToDictionary(r => int.Parse(r.Key), r => r.Value.Content.TryGetValue("application/json", out var media) ? media.Schema : null)));
            }
        }
        return operations;
    }
}

/// <summary>One operation of the document: where it is, what it takes, and what it may answer.</summary>
public sealed record ContractOperation(
    string Id,
    string Method,
    string PathTemplate,
    IReadOnlyList<OpenApiParameter> PathParameters,
    IReadOnlyList<OpenApiParameter> QueryParameters,
    OpenApiSchema? RequestSchema,
    bool RequestBodyRequired,
    IReadOnlyDictionary<int, OpenApiSchema?> Responses)
{
    /// <summary>The document's path (without the leading slash) with each {parameter} filled in.</summary>
    public string Fill(Func<string, string> value)
    {
        var path = PathTemplate;
        foreach (var parameter in PathParameters) path = path.Replace("{" + parameter.Name + "}", value(parameter.Name));
        return path.TrimStart('/');
    }

    public int SuccessStatus => Responses.Keys.Single(s => s is >= 200 and < 300);

    public override string ToString() => Id;
}
