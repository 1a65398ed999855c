namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// The most recent entries of something the emulator records (requests, webhook deliveries),
/// numbered in arrival order, read and cleared per organization. Bounded twice: at most
/// <see cref="Capacity"/> entries and about <see cref="MaxBytes"/> of text, so that nobody
/// sending requests (authenticated or not) can make the emulator's memory grow without end.
/// </summary>
public abstract class OrganizationLog<T> where T : class
{
    public const int Capacity = 20_000;

    /// <summary>The text the log keeps at most, in bytes (UTF-16, as .NET holds it): 16 MiB.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly Queue<T> _entries = new();
    private readonly object _gate = new();
    private long _sequence;
    private long _bytes;

    /// <summary>The entry with its place in the log.</summary>
    protected abstract T Numbered(T entry, long sequence);

    protected abstract string? OrganizationOf(T entry);

    /// <summary>The bytes of text an entry holds (its strings; the fixed fields are not counted).</summary>
    protected abstract long SizeOf(T entry);

    /// <summary>What the entries hold now, in bytes of text.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public void Add(T entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(Numbered(entry, ++_sequence));
            _bytes += SizeOf(entry);
            while (_entries.Count > Capacity || (_bytes > MaxBytes && _entries.Count > 1)) _bytes -= SizeOf(_entries.Dequeue());
        }
    }

    /// <summary>Two bytes per character, as a string holds it.</summary>
    protected static long TextBytes(params string?[] texts) => texts.Sum(t => 2L * (t?.Length ?? 0));

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
            _bytes = 0;
            foreach (var entry in keep)
            {
                _entries.Enqueue(entry);
                _bytes += SizeOf(entry);
            }
        }
    }

    private bool Matches(T entry, string? organizationId) =>
        organizationId is null || string.Equals(OrganizationOf(entry), organizationId, StringComparison.OrdinalIgnoreCase);
}
