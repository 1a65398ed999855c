using DytePS.Testing;
using System.Text.Json.Nodes;
using Xunit;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// Requests that break dyte-v2.openapi.yaml, generated from it for every operation: malformed
/// uuids in the path, query values of the wrong type, bodies that are missing, not objects, miss a
/// required field, or hold a value of the wrong type, outside an enum, a malformed uuid or a
/// non-URL uri, a string with a lone surrogate escape or over the length limit. Each must answer 400 with the error envelope naming the field, and change nothing.
/// </summary>
public sealed class RequestViolationTests
{
    public static IEnumerable<object[]> Cases =>
        OpenApiContract.Operations.SelectMany(o => CasesOf(o).Select(c => new object[] { o.Id, c.Description }));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_request_breaking_the_document_is_400_naming_the_field(string operationId, string description)
    {
        var operation = OpenApiContract.Operation(operationId);
        var world = await ConformanceWorld.CreateAsync();
        var bad = CasesOf(operation, world).Single(c => c.Description == description);

        var reply = await world.Org.CallAsync(new HttpMethod(operation.Method), bad.Path, bad.RawBody);

        ConformanceWorld.Check(operation, reply, 400);
        if (bad.Field != null) Assert.Contains($"'{bad.Field}'", reply.ErrorMessage);
        // Nothing was created by a refused request.
        Assert.Equal(2, (await world.Org.GetAsync("meetings")).Offsets.Total);
        Assert.Equal(1, (await world.Org.GetAsync("webhooks")).Data.GetArrayLength());
    }

    [Fact]
    public void Every_operation_has_violations_to_send()
    {
        // listWebhooks takes nothing that could be wrong.
        Assert.All(OpenApiContract.Operations.Where(o => o.Id != "listWebhooks"), o => Assert.NotEmpty(CasesOf(o)));
        // Nested fields are reached too.
        Assert.Contains(CasesOf(OpenApiContract.Operation("startRecording")), c => c.Field == "video_config.width");
    }

    private sealed record BadRequest(string Description, string Path, string? RawBody, string? Field);

    /// <summary>The cases, with real ids from <paramref name="world"/> (placeholders when only the descriptions are needed).</summary>
    private static IEnumerable<BadRequest> CasesOf(ContractOperation operation, ConformanceWorld? world = null)
    {
        string Value(string parameter) => world?.PathValue(operation, parameter) ?? Guid.Empty.ToString();
        var path = operation.Fill(Value);
        var valid = operation.RequestSchema is { } schema
            ? (JsonObject)RequestBodies.Valid(schema, _ => world?.SpareMeetingId ?? Guid.Empty.ToString())
            : null;
        var validText = valid?.ToJsonString();

        foreach (var parameter in operation.PathParameters.Where(p => p.Schema.Format == "uuid"))
        {
            var malformed = operation.Fill(p => p == parameter.Name ? "not-a-uuid" : Value(p));
            yield return new BadRequest($"path {parameter.Name} not a uuid", malformed, validText, parameter.Name);
            foreach (var (what, value) in RequestBodies.MalformedUuids)
                yield return new BadRequest($"path {parameter.Name} {what}", operation.Fill(p => p == parameter.Name ? Uri.EscapeDataString(value) : Value(p)), validText, parameter.Name);
        }
        foreach (var parameter in operation.QueryParameters.Where(p => p.Schema.Type == "integer"))
            yield return new BadRequest($"query {parameter.Name} not an integer", $"{path}?{parameter.Name}=abc", null, parameter.Name);
        if (operation.RequestSchema is null || valid is null) yield break;
        if (operation.RequestBodyRequired) yield return new BadRequest("no body", path, null, null);
        yield return new BadRequest("body not an object", path, "[]", null);
        yield return new BadRequest("body not JSON", path, "{\"title\":", null);
        foreach (var violation in RequestBodies.Violations(operation.RequestSchema, valid))
            yield return new BadRequest("body " + violation.Description, path, RequestBodies.WithLoneSurrogates(violation.Body.ToJsonString()), violation.Field);
    }
}
