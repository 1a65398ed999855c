using System.Text.Json.Nodes;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Events;

/// <summary>
/// Receives every webhook-worthy event (see <see cref="EventNames"/>) with a payload shaped like
/// Dyte's webhook bodies. The hook for webhook delivery: the emulator registers
/// <see cref="NoEmulatorEvents"/>; a delivering implementation replaces it.
/// </summary>
/// <remarks>
/// Called by <see cref="EventDispatcher"/> outside the organization's data lock, one organization's
/// events in the order they happened. Implementations must return quickly (queue any network
/// work) and be thread-safe: different organizations publish concurrently.
/// </remarks>
public interface IEmulatorEvents
{
    void Publish(Organization organization, string eventName, JsonObject payload);
}

/// <summary>The default: events go nowhere.</summary>
public sealed class NoEmulatorEvents : IEmulatorEvents
{
    public void Publish(Organization organization, string eventName, JsonObject payload)
    {
    }
}
