using System.Text.Json.Nodes;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Events;

/// <summary>
/// Receives every webhook-worthy event (see <see cref="EventNames"/>) with a payload shaped like
/// Dyte's webhook bodies. The emulator registers <see cref="Webhooks.WebhookDeliverer"/>, which
/// delivers them to the organization's webhooks; in-process hosts can replace it (with
/// <see cref="NoEmulatorEvents"/> to deliver nothing, or their own to watch the events).
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
