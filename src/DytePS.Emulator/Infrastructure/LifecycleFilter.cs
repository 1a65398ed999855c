using DytePS.Emulator.Events;
using DytePS.Emulator.Persistence;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Runs after authentication (and faults and the rate limit) on every API request. A read (GET)
/// applies the organization's due lifecycle steps if no write is under way, and never waits for
/// another request's commit. A write runs as an <see cref="OrganizationWrites"/> write: steps
/// applied, the handler, the commit to the data file and the events published, all before the
/// answer, so an acknowledged change is in the file and a failed commit changes nothing (503).
/// </summary>
public sealed class LifecycleFilter(EmulatorState state, EventDispatcher dispatcher, IStateStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var organization = ApiCaller.OrganizationOf(context.HttpContext);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            OrganizationWrites.AdvanceIfFree(organization, state.UtcNow, store, dispatcher);
            if (organization.NeedsReload) throw new DataFileUnavailableException(new InvalidOperationException("reload pending"));
            return await next(context);
        }
        // The body is read in full before the write begins: a slow upload must not hold up the
        // organization's other writes (the body is at most JsonBody.MaxBodyBytes).
        request.EnableBuffering(JsonBody.MaxBodyBytes);
        await request.Body.CopyToAsync(Stream.Null, context.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return await OrganizationWrites.RunAsync(organization, store, dispatcher, async () =>
        {
            lock (organization.Gate) organization.Advance(state.UtcNow);
            return await next(context);
        });
    }
}
