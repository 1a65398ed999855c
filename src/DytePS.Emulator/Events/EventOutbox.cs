using System.Text.Json.Nodes;

namespace DytePS.Emulator.Events;

/// <summary>
/// An organization's raised but not yet published events. State changes raise under the
/// organization's lock; <see cref="EventDispatcher"/> takes them and publishes outside it.
/// </summary>
public sealed class EventOutbox
{
    private readonly object _gate = new();
    private List<PendingEvent> _pending = new();

    public void Raise(string eventName, JsonObject payload)
    {
        lock (_gate) _pending.Add(new PendingEvent(eventName, payload));
    }

    public IReadOnlyList<PendingEvent> TakeAll()
    {
        lock (_gate)
        {
            if (_pending.Count == 0) return [];
            var taken = _pending;
            _pending = new List<PendingEvent>();
            return taken;
        }
    }

    public void Clear()
    {
        lock (_gate) _pending.Clear();
    }
}

public sealed record PendingEvent(string Name, JsonObject Payload);
