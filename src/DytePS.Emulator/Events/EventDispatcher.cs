using DytePS.Emulator.State;

namespace DytePS.Emulator.Events;

/// <summary>Hands an organization's raised events to <see cref="IEmulatorEvents"/>, outside the data lock.</summary>
public sealed class EventDispatcher(IEmulatorEvents sink, ILogger<EventDispatcher> logger)
{
    /// <summary>Publishes what the organization raised so far. Never call while holding <see cref="Organization.Gate"/>.</summary>
    public void Flush(Organization organization)
    {
        // A separate lock keeps one organization's events in order when a request and the
        // ticker flush at the same time, without blocking the organization's data.
        lock (organization.PublishGate)
        {
            foreach (var pending in organization.Outbox.TakeAll())
            {
                try
                {
                    sink.Publish(organization, pending.Name, pending.Payload);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Publishing {Event} failed", pending.Name);
                }
            }
        }
    }
}
