namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The most recent delivery attempts, for tests and users checking what their receiver got. Holds
/// no body, header or credential (URLs lose any user:password part).
/// </summary>
public sealed class DeliveryLog
{
    public const int Capacity = 20_000;

    private readonly Queue<DeliveryLogEntry> _entries = new();
    private readonly object _gate = new();
    private long _sequence;

    public void Add(DeliveryLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry with { Sequence = ++_sequence });
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    public IReadOnlyList<DeliveryLogEntry> Snapshot(string? organizationId)
    {
        lock (_gate) return _entries.Where(e => Matches(e, organizationId)).ToList();
    }

    public void Clear(string? organizationId)
    {
        lock (_gate)
        {
            var keep = _entries.Where(e => !Matches(e, organizationId)).ToList();
            _entries.Clear();
            foreach (var entry in keep) _entries.Enqueue(entry);
        }
    }

    /// <summary>The URL as logged: without a user:password part.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    private static bool Matches(DeliveryLogEntry entry, string? organizationId) =>
        organizationId is null || string.Equals(entry.OrganizationId, organizationId, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One attempt: <see cref="Delivered"/> when the receiver answered 2xx in time; otherwise the
/// receiver's <see cref="Status"/>, or <see cref="Error"/> when there was no answer.
/// </summary>
public sealed record DeliveryLogEntry(
    long Sequence, DateTime Time, string OrganizationId, string Event, Guid WebhookId, string Url, Guid Uuid, int Attempt,
    bool Delivered, int? Status, string? Error, double DurationMs);
