using System.Text;
using System.Text.Json.Nodes;
using DytePS.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DytePS.Tests.Contract;

/// <summary>One request and what the loopback API answered.</summary>
public sealed record Exchange(ReceivedRequest Request, ContractOperation? Operation, JsonObject? Answer);

/// <summary>
/// A tiny API on 127.0.0.1 (not the emulator) that answers every operation of the document with a
/// random answer its response schema allows (<see cref="AnswerGenerator"/>) and records each
/// request. A list answers its first request of a case with generated items and later pages with
/// none, so a listing ends and the expected number of objects is known.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    public const string BasePath = "/v2";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<Exchange> _exchanges = new();
    private AnswerGenerator? _generator;
    private readonly Dictionary<string, JsonObject> _canned = new();

    private LoopbackApi(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<LoopbackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new LoopbackApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUri = new Uri(app.Urls.Single() + BasePath);
        return api;
    }

    /// <summary>Starts a case: answers come from <paramref name="generator"/>, the record starts empty.</summary>
    public void Begin(AnswerGenerator? generator)
    {
        lock (_gate)
        {
            _generator = generator;
            _canned.Clear();
            _exchanges.Clear();
        }
    }

    /// <summary>Starts a case that answers <paramref name="operationId"/> with <paramref name="answer"/> (JSON text), as a list's first page.</summary>
    public void Begin(string operationId, string answer)
    {
        Begin(null);
        lock (_gate) _canned[operationId] = JsonNode.Parse(answer)!.AsObject();
    }

    public IReadOnlyList<Exchange> Exchanges
    {
        get { lock (_gate) return _exchanges.ToList(); }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(BasePath, StringComparison.Ordinal)) path = path[BasePath.Length..];
        var query = context.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
        var request = new ReceivedRequest(context.Request.Method, path, query, body);
        var operation = RequestValidator.Match(request.Method, path);

        JsonObject? answer;
        lock (_gate)
        {
            answer = operation is null ? null : Answer(operation, request);
            _exchanges.Add(new Exchange(request, operation, answer?.DeepClone().AsObject()));
        }
        context.Response.StatusCode = operation is null ? 404 : operation.SuccessStatus;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer?.ToJsonString()
            ?? """{"success":false,"error":{"code":404,"message":"no such operation in the document"}}""");
    }

    private JsonObject Answer(ContractOperation operation, ReceivedRequest request)
    {
        var schema = operation.Responses[operation.SuccessStatus]!;
        var isList = schema.Properties.TryGetValue("data", out var data) && data.Type == "array";
        var listedBefore = _exchanges.Any(e => e.Operation?.Id == operation.Id);
        if (_canned.TryGetValue(operation.Id, out var canned) && !(isList && listedBefore)) return canned.DeepClone().AsObject();
        if (_generator is null || (isList && listedBefore)) return new JsonObject { ["success"] = true, ["data"] = isList ? new JsonArray() : null };
        // One object's answer always has it: without 'data' there is nothing to return.
        var answer = isList || data is null ? _generator.Answer(schema) : _generator.Answer(schema, "data");
        // A 2xx that says "success": false is one the module reports as an error on purpose (the
        // service did not do what was asked; AdversarialServerTests and SuccessFalseTests hold
        // that), so the success answers generated here say true, or leave the field out.
        if (answer.ContainsKey("success")) answer["success"] = true;
        // Likewise offsets that contradict the page asked for mean a service that does not page
        // as documented, which ends a listing with an error by design (AdversarialServerTests): a
        // generated paging block keeps its random total but names the items this page holds.
        if (isList && answer["paging"] is JsonObject paging && answer["data"] is JsonArray items)
        {
            long QueryNumber(string name, long absent) =>
                long.TryParse(request.Query.FirstOrDefault(q => q.Key == name).Value, out var n) ? n : absent;
            var first = (QueryNumber("page_no", 1) - 1) * QueryNumber("per_page", items.Count) + 1;
            paging["start_offset"] = items.Count == 0 ? 0 : first;
            paging["end_offset"] = items.Count == 0 ? 0 : first + items.Count - 1;
        }
        return answer;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
