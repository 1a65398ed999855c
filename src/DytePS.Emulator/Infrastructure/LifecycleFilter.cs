using DytePS.Emulator.Events;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Runs after authentication (and faults and the rate limit) on every API request: applies the
/// organization's due lifecycle steps first, so the request sees them; once the handler is done,
/// commits what changed to the data file and publishes the events the request raised (outside
/// the organization's lock).
/// </summary>
public sealed class LifecycleFilter(EmulatorState state, EventDispatcher dispatcher, IStateStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var organization = ApiCaller.OrganizationOf(context.HttpContext);
        lock (organization.Gate) organization.Advance(state.UtcNow);
        try
        {
            return await next(context);
        }
        finally
        {
            // Written before the answer goes out: an acknowledged change is in the data file.
            store.Commit(organization);
            dispatcher.Flush(organization);
        }
    }
}
