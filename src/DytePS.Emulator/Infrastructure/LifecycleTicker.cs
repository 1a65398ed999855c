using DytePS.Emulator.Events;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Advances every organization's lifecycles about every 50 ms, so recordings and livestreams
/// change state even when nobody is calling the API (requests advance them too, see <see cref="LifecycleFilter"/>).
/// </summary>
public sealed class LifecycleTicker(EmulatorState state, EventDispatcher dispatcher, IStateStore store, ILogger<LifecycleTicker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, state.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var organization in state.Organizations) Tick(organization);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Tick(Organization organization)
    {
        // Never wait for a busy organization (a write, a large seed): it would stall every other
        // one. A busy organization advances at the start of its next request or on the next tick.
        try
        {
            OrganizationWrites.AdvanceIfFree(organization, state.UtcNow, store, dispatcher);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Advancing organization {Organization} failed", organization.Id);
        }
    }
}
