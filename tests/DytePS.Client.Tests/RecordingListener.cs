using System.Collections.Concurrent;

namespace DytePS.Client.Tests;

/// <summary>Collects what the client reports, as the cmdlets' dispatcher would.</summary>
internal sealed class RecordingListener : IDyteClientListener
{
    private readonly ConcurrentQueue<DyteRequestRecord> _requests = new();
    private readonly ConcurrentQueue<DyteRetryRecord> _retries = new();
    private readonly ConcurrentQueue<string> _warnings = new();

    public IReadOnlyList<DyteRequestRecord> Requests => _requests.ToList();
    public IReadOnlyList<DyteRetryRecord> Retries => _retries.ToList();
    public IReadOnlyList<string> Warnings => _warnings.ToList();

    /// <summary>Fires for each warning, for tests that wait on one.</summary>
    public event Action<string>? Warned;

    public void RequestCompleted(DyteRequestRecord record) => _requests.Enqueue(record);
    public void RetryScheduled(DyteRetryRecord record) => _retries.Enqueue(record);

    public void Warning(string message)
    {
        _warnings.Enqueue(message);
        Warned?.Invoke(message);
    }
}
