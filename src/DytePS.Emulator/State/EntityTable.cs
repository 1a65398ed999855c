namespace DytePS.Emulator.State;

/// <summary>
/// Entities of one kind in creation order, indexed by id and, optionally, grouped by a parent id
/// (participants by meeting, ...) so per-parent lists stay fast with millions of entities. Not
/// thread-safe on its own: callers hold their organization's lock, which keeps multi-table
/// changes atomic. Adds, removes and <see cref="Changed"/> are recorded in the organization's
/// <see cref="ChangeSet"/> for the data file.
/// </summary>
public sealed class EntityTable<T> where T : class, IEntity
{
    private readonly List<T> _ordered = new();
    private readonly Dictionary<Guid, T> _byId = new();
    private readonly Func<T, Guid>? _groupKey;
    private readonly Dictionary<Guid, List<T>> _groups = new();
    private readonly ChangeSet _changes;

    public EntityTable(string kind, ChangeSet changes, Func<T, Guid>? groupBy = null)
    {
        Kind = kind;
        _changes = changes;
        _groupKey = groupBy;
    }

    /// <summary>The kind of entity (<see cref="EntityKinds"/>), as the data file names it.</summary>
    public string Kind { get; }

    public int Count => _ordered.Count;

    public IReadOnlyList<T> All => _ordered;

    public void Add(T entity)
    {
        _byId.Add(entity.Id, entity);
        _ordered.Add(entity);
        _changes.Upsert(Kind, entity);
        if (_groupKey is null) return;
        var key = _groupKey(entity);
        if (!_groups.TryGetValue(key, out var group)) _groups[key] = group = new List<T>();
        group.Add(entity);
    }

    public T? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>Records that <paramref name="entity"/> was changed in place, so the data file gets the new values.</summary>
    public void Changed(T entity) => _changes.Upsert(Kind, entity);

    /// <summary>The entities whose group key (given to the constructor) is <paramref name="key"/>, in creation order.</summary>
    public IReadOnlyList<T> InGroup(Guid key)
    {
        if (_groupKey is null) throw new InvalidOperationException("This table is not grouped.");
        return _groups.TryGetValue(key, out var group) ? group : [];
    }

    public bool Remove(Guid id)
    {
        if (!_byId.Remove(id, out var entity)) return false;
        _ordered.Remove(entity);
        _changes.Delete(Kind, id);
        if (_groupKey != null && _groups.TryGetValue(_groupKey(entity), out var group)) group.Remove(entity);
        return true;
    }

    public void Clear()
    {
        _ordered.Clear();
        _byId.Clear();
        _groups.Clear();
        _changes.ClearAll();
    }
}

/// <summary>Anything stored in an <see cref="EntityTable{T}"/>.</summary>
public interface IEntity
{
    Guid Id { get; }
}
