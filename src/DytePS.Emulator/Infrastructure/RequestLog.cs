using System.Diagnostics;
using DytePS.Emulator.Faults;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// The most recent API requests (not control requests), for tests and users checking what a
/// script sent. Holds method, path with query (cut to <see cref="MaxPathLength"/> characters),
/// status, duration, organization and the fault applied, if any; never headers or bodies, so no
/// credential can end up in it. A failed login is filed under the organization it named only when
/// that organization exists: a user name that is no organization id may be anything, an API key
/// given in the wrong place included, and is not kept.
/// </summary>
public sealed class RequestLog : OrganizationLog<RequestLogEntry>
{
    /// <summary>The longest path with query the log keeps; longer ones are cut, ending in "...".</summary>
    public const int MaxPathLength = 2048;

    protected override RequestLogEntry Numbered(RequestLogEntry entry, long sequence) => entry with
    {
        Sequence = sequence,
        Path = entry.Path.Length <= MaxPathLength ? entry.Path : entry.Path[..(MaxPathLength - 3)] + "...",
    };

    protected override string? OrganizationOf(RequestLogEntry entry) => entry.OrganizationId;

    protected override long SizeOf(RequestLogEntry entry) =>
        TextBytes(entry.Method, entry.Path, entry.Operation, entry.OrganizationId, entry.Fault);
}

public sealed record RequestLogEntry(
    long Sequence, DateTime Time, string Method, string Path, string? Operation, int Status, double DurationMs, string? OrganizationId,
    string? Fault = null);

/// <summary>Records every request outside the control path (and the well-known key) in the <see cref="RequestLog"/>.</summary>
public sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, DytePS.Emulator.State.EmulatorState state, EmulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ControlPath.Root) || context.Request.Path.StartsWithSegments("/.well-known"))
        {
            await next(context);
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            var fault = FaultFilter.KindOf(context);
            // A dropped or held connection sent no status at all.
            var status = fault is FaultDefinition.Drop or FaultDefinition.Hang ? 0 : context.Response.StatusCode;
            var entry = new RequestLogEntry(0, state.UtcNow, context.Request.Method,
                ApiCaller.LoggedPathOf(context), ApiOperation.Of(context), status,
                clock.Elapsed.TotalMilliseconds, ApiCaller.OrganizationIdOf(context), fault);
            log.Add(entry);
            if (options.LogRequests)
                Console.WriteLine($"{entry.Time:HH:mm:ss.fff} {entry.Method} {entry.Path} -> {entry.Status} ({entry.DurationMs:0} ms)");
        }
    }
}

public static class ControlPath
{
    /// <summary>The control surface's root, chosen so it can never collide with an API path.</summary>
    public const string Root = "/_emulator";
}
