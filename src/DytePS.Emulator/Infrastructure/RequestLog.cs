using System.Diagnostics;
using DytePS.Emulator.Faults;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// The most recent API requests (not control requests), for tests and users checking what a
/// script sent. Holds method, path with query, status, duration, organization and the fault
/// applied, if any; never headers or bodies, so no credential can end up in it.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 20_000;

    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly object _gate = new();
    private long _sequence;

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry with { Sequence = ++_sequence });
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot(string? organizationId)
    {
        lock (_gate) return _entries.Where(e => Matches(e, organizationId)).ToList();
    }

    public void Clear(string? organizationId)
    {
        lock (_gate)
        {
            // Entries of other organizations stay, in order.
            var keep = _entries.Where(e => !Matches(e, organizationId)).ToList();
            _entries.Clear();
            foreach (var entry in keep) _entries.Enqueue(entry);
        }
    }

    private static bool Matches(RequestLogEntry entry, string? organizationId) =>
        organizationId is null || string.Equals(entry.OrganizationId, organizationId, StringComparison.OrdinalIgnoreCase);
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
                context.Request.PathBase + context.Request.Path + context.Request.QueryString, ApiOperation.Of(context), status,
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
