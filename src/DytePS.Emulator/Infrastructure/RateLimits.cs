using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Each organization's requests-per-minute budget, like the service's 429s: a fixed one-minute
/// window per organization, counted by a <see cref="FixedWindowRateLimiter"/>. The window starts at
/// the first request after the previous one closed, so Retry-After (whole seconds until the window
/// closes and a slot frees) is known exactly.
/// </summary>
public sealed class RateLimits(EmulatorState state)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, OrganizationWindow> _windows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes one request from the budget: null when allowed, else the seconds to wait.</summary>
    public int? TryAcquire(Organization organization)
    {
        var limit = organization.RequestsPerMinute;
        if (limit <= 0) return null;
        var window = _windows.GetOrAdd(organization.Id, _ => new OrganizationWindow());
        var now = state.UtcNow;
        lock (window)
        {
            if (window.Limiter is null || window.Limit != limit || now - window.Start >= Window)
            {
                // A new window: a fresh limiter holding the whole budget.
                window.Limiter?.Dispose();
                window.Limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = Window,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                });
                window.Limit = limit;
                window.Start = now;
            }
            using var lease = window.Limiter.AttemptAcquire();
            if (lease.IsAcquired) return null;
            return Math.Max(1, (int)Math.Ceiling((window.Start + Window - now).TotalSeconds));
        }
    }

    /// <summary>Forgets the organization's window: its whole budget is available again.</summary>
    public void Reset(string organizationId)
    {
        if (!_windows.TryRemove(organizationId, out var window)) return;
        lock (window)
        {
            window.Limiter?.Dispose();
            window.Limiter = null;
        }
    }

    private sealed class OrganizationWindow
    {
        public FixedWindowRateLimiter? Limiter { get; set; }
        public int Limit { get; set; }
        public DateTime Start { get; set; }
    }
}

/// <summary>Answers 429 with Retry-After and the error envelope once the organization's budget for the minute is spent.</summary>
public sealed class RateLimitFilter(RateLimits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (limits.TryAcquire(ApiCaller.OrganizationOf(http)) is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(ApiResults.ErrorBody(StatusCodes.Status429TooManyRequests, "Too many requests"), ApiJson.Options,
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        return await next(context);
    }
}
