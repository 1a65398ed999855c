namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// The most recent <see cref="Capacity"/> entries of something the emulator records (requests,
/// webhook deliveries), numbered in arrival order, read and cleared per organization.
/// </summary>
public abstract class OrganizationLog<T> where T : class
{
    public const int Capacity = 20_000;

    private readonly Queue<T> _entries = new();
    private readonly object _gate = new();
    private long _sequence;

    /// <summary>The entry with its place in the log.</summary>
    protected abstract T Numbered(T entry, long sequence);

    protected abstract string? OrganizationOf(T entry);

    public void Add(T entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(Numbered(entry, ++_sequence));
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    /// <summary>The entries of one organization, or all with null, oldest first.</summary>
    public IReadOnlyList<T> Snapshot(string? organizationId)
    {
        lock (_gate) return _entries.Where(e => Matches(e, organizationId)).ToList();
    }

    public void Clear(string? organizationId)
    {
        lock (_gate)
        {
            // Entries of other organizations stay, in order.
            var keep = _entries.Where(e => !Matches(e, organizationId)).ToList();
            _entries.Clear();
            foreach (var entry in keep) _entries.Enqueue(entry);
        }
    }

    private bool Matches(T entry, string? organizationId) =>
        organizationId is null || string.Equals(OrganizationOf(entry), organizationId, StringComparison.OrdinalIgnoreCase);
}
