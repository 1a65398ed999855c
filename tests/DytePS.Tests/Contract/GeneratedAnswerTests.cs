using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using DytePS.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DytePS.Tests.Contract;

/// <summary>
/// Property tests in both directions, for every operation of the API document: each cmdlet, with
/// random valid parameters, through the real engine against <see cref="LoopbackApi"/> answering
/// random answers that the document allows. Each case must write no error and exactly the
/// objects the answer holds, and every request it sent must be one the document allows.
/// The seed is printed; DYTEPS_PROPERTY_SEED replays it and DYTEPS_PROPERTY_CASES sets the
/// number of cases per operation (default <see cref="DefaultCases"/>, what CI runs).
/// </summary>
public sealed class GeneratedAnswerTests(ContractFixture fixture, ITestOutputHelper output) : IClassFixture<ContractFixture>
{
    public const int DefaultCases = 40;

    public static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("DYTEPS_PROPERTY_SEED"), out var seed) ? seed : Random.Shared.Next();

    public static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("DYTEPS_PROPERTY_CASES"), out var cases) && cases > 0 ? cases : DefaultCases;

    public static TheoryData<string> Operations() => new(CmdletCase.All.Select(c => c.OperationId));

    [Fact]
    public void Every_operation_of_the_document_has_a_cmdlet_case()
    {
        Assert.Equal(OpenApiContract.Operations.Select(o => o.Id).Order(), CmdletCase.All.Select(c => c.OperationId).Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_conforming_answer_becomes_objects_and_every_request_conforms(string operationId)
    {
        var @case = CmdletCase.All.Single(c => c.OperationId == operationId);
        output.WriteLine($"seed {Seed}, {Cases} cases: DYTEPS_PROPERTY_SEED={Seed} replays them, DYTEPS_PROPERTY_CASES=<n> runs more");
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var random = new Random(CaseSeed(operationId, i));
            var (command, parameters) = @case.Call(random);
            fixture.Api.Begin(new AnswerGenerator(random));
            fixture.Shell.SetVariable("p", parameters);
            var result = fixture.Shell.Run($"{command} @p");
            var exchanges = fixture.Api.Exchanges;
            fixture.Api.Begin(null);

            var problems = Problems(@case, parameters, result, exchanges);
            if (problems.Count > 0) failures.Add(Describe(i, command, parameters, problems, exchanges));
        }
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} of {Cases} cases of {operationId} failed\n\n" + string.Join("\n\n", failures.Take(3)));
    }

    private static List<string> Problems(CmdletCase @case, Hashtable parameters, Playground.ShellResult result, IReadOnlyList<Exchange> exchanges)
    {
        var problems = new List<string>();
        if (result.Terminating != null) problems.Add("terminated: " + result.Terminating.Message);
        problems.AddRange(result.Errors.Select(e => $"error [{e.FullyQualifiedErrorId}] {e}"));
        foreach (var exchange in exchanges)
            problems.AddRange(RequestValidator.Problems(exchange.Request).Select(p => $"request {exchange.Request.Method} {exchange.Request.Path}: {p}"));

        var target = exchanges.FirstOrDefault(e => e.Operation?.Id == @case.OperationId);
        if (target is null)
        {
            problems.Add($"{@case.OperationId} was never requested");
            return problems;
        }
        var expected = @case.Writes switch
        {
            Writes.Items => CmdletCase.ExpectedItems(parameters, (target.Answer?["data"] as JsonArray)?.Count ?? 0),
            Writes.One => 1,
            _ => 0,
        };
        if (result.Output.Count != expected) problems.Add($"wrote {result.Output.Count} objects, expected {expected}");
        if (@case.OperationId == "updateWebhook" && exchanges.Count != 1)
            problems.Add($"every field was given, yet it sent {exchanges.Count} requests: {string.Join(", ", exchanges.Select(e => e.Operation?.Id))}");
        return problems;
    }

    private static string Describe(int i, string command, Hashtable parameters, List<string> problems, IReadOnlyList<Exchange> exchanges)
    {
        var text = new StringBuilder($"case {i}: {command}");
        foreach (DictionaryEntry p in parameters) text.Append($" -{p.Key} {(p.Value is Array a ? string.Join(",", a.Cast<object>()) : p.Value)}");
        text.AppendLine();
        foreach (var problem in problems.Take(5)) text.AppendLine("  " + problem);
        foreach (var exchange in exchanges.Take(3))
        {
            var answer = exchange.Answer?.ToJsonString() ?? "";
            text.AppendLine($"  {exchange.Request} -> {(answer.Length > 1500 ? answer[..1500] + "..." : answer)}");
        }
        return text.ToString();
    }

    /// <summary>A stable seed per operation and case (string.GetHashCode differs between processes).</summary>
    private static int CaseSeed(string operationId, int i)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{Seed}/{operationId}/{i}")) hash = (hash ^ b) * 16777619u;
        return (int)hash;
    }
}
