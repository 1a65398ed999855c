using System.Collections.Concurrent;

namespace DytePS.Client.Tests;

/// <summary>Collects what the client reports, as the cmdlets' dispatcher would.</summary>
internal sealed class RecordingListener : IDyteClientListener
{
    private readonly ConcurrentQueue<DyteRequestRecord> _requests = new();
    private readonly ConcurrentQueue<DyteRetryRecord> _retries = new();

    public IReadOnlyList<DyteRequestRecord> Requests => _requests.ToList();
    public IReadOnlyList<DyteRetryRecord> Retries => _retries.ToList();

    public void RequestCompleted(DyteRequestRecord record) => _requests.Enqueue(record);
    public void RetryScheduled(DyteRetryRecord record) => _retries.Enqueue(record);
}
