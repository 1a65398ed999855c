namespace DytePS.Emulator.State;

/// <summary>
/// The entities an organization changed since its last commit to the data file (see
/// <see cref="IStateStore.Commit"/>): tables record adds and removes themselves, lifecycles and
/// handlers call <see cref="EntityTable{T}.Changed"/> after changing an entity in place. Disabled
/// (every call a no-op) when nothing is persisted. Used under the organization's lock.
/// </summary>
public sealed class ChangeSet(bool enabled)
{
    private Dictionary<(string Kind, Guid Id), IEntity?> _pending = new();
    private bool _cleared;

    public bool Enabled => enabled;

    public void Upsert(string kind, IEntity entity)
    {
        if (enabled) _pending[(kind, entity.Id)] = entity;
    }

    public void Delete(string kind, Guid id)
    {
        if (enabled) _pending[(kind, id)] = null;
    }

    /// <summary>Every entity of the organization is gone; what comes after is recorded on top.</summary>
    public void ClearAll()
    {
        if (!enabled) return;
        _pending.Clear();
        _cleared = true;
    }

    /// <summary>The pending changes (a null entity is a delete), emptied.</summary>
    public (bool Cleared, IReadOnlyCollection<KeyValuePair<(string Kind, Guid Id), IEntity?>> Changes) Take()
    {
        var taken = (_cleared, (IReadOnlyCollection<KeyValuePair<(string Kind, Guid Id), IEntity?>>)_pending);
        _pending = new();
        _cleared = false;
        return taken;
    }

    public bool IsEmpty => !_cleared && _pending.Count == 0;
}

/// <summary>The kinds of entity, as stored in the data file.</summary>
public static class EntityKinds
{
    public const string Meeting = "meeting";
    public const string Participant = "participant";
    public const string Session = "session";
    public const string Recording = "recording";
    public const string Livestream = "livestream";
    public const string Webhook = "webhook";

    /// <summary>In the order they are loaded: sessions refer to participants, everything to meetings.</summary>
    public static readonly string[] LoadOrder = [Meeting, Participant, Session, Recording, Livestream, Webhook];
}
