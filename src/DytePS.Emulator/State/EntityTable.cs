namespace DytePS.Emulator.State;

/// <summary>
/// Entities of one kind in creation order, indexed by id. Not thread-safe on its own: callers
/// hold their organization's lock, which keeps multi-table changes atomic.
/// </summary>
public sealed class EntityTable<T> where T : class, IEntity
{
    private readonly List<T> _ordered = new();
    private readonly Dictionary<Guid, T> _byId = new();

    public int Count => _ordered.Count;

    public IReadOnlyList<T> All => _ordered;

    public void Add(T entity)
    {
        _byId.Add(entity.Id, entity);
        _ordered.Add(entity);
    }

    public T? Find(Guid id) => _byId.GetValueOrDefault(id);

    public bool Remove(Guid id)
    {
        if (!_byId.Remove(id, out var entity)) return false;
        _ordered.Remove(entity);
        return true;
    }

    public void Clear()
    {
        _ordered.Clear();
        _byId.Clear();
    }
}

/// <summary>Anything stored in an <see cref="EntityTable{T}"/>.</summary>
public interface IEntity
{
    Guid Id { get; }
}
