using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// One organization's webhook deliveries: its own bounded queue and its own number of deliveries
/// in flight, so a receiver that hangs or fails holds up and crowds out only the organization whose
/// webhook points at it. Draining (on reset, or one webhook's on its deletion) empties the queue
/// and cancels the attempts in flight and the retries still to come.
/// </summary>
public sealed class OrganizationDeliveries : IDisposable
{
    private readonly Channel<WebhookDelivery> _queue;
    private readonly SemaphoreSlim _slots;
    private readonly WebhookSender _sender;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;
    // One source per webhook: cancelling it drains that webhook's deliveries, queued or in flight.
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _webhooks = new();

    public OrganizationDeliveries(int capacity, int concurrency, WebhookSender sender, ILogger logger, CancellationToken stopping)
    {
        Capacity = capacity;
        _queue = Channel.CreateBounded<WebhookDelivery>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        _slots = new SemaphoreSlim(concurrency);
        _sender = sender;
        _logger = logger;
        _stopping = stopping;
        _ = Task.Run(PumpAsync, CancellationToken.None);
    }

    public int Capacity { get; }

    /// <summary>The token a new delivery to <paramref name="webhookId"/> carries.</summary>
    public CancellationToken TokenFor(Guid webhookId) =>
        _webhooks.GetOrAdd(webhookId, _ => CancellationTokenSource.CreateLinkedTokenSource(_stopping)).Token;

    /// <summary>Queues the delivery; false when the organization already has <see cref="Capacity"/> waiting.</summary>
    public bool TryEnqueue(WebhookDelivery delivery) => _queue.Writer.TryWrite(delivery);

    /// <summary>Forgets every delivery of the organization: queued, in flight and retries to come.</summary>
    public void Drain()
    {
        foreach (var id in _webhooks.Keys) Forget(id);
        while (_queue.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Forgets the deliveries to one webhook; the queue skips them when their turn comes.</summary>
    public void Forget(Guid webhookId)
    {
        if (_webhooks.TryRemove(webhookId, out var source)) source.Cancel();
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping))
            {
                if (delivery.Cancellation.IsCancellationRequested) continue;
                await _slots.WaitAsync(_stopping);
                _ = Task.Run(async () =>
                {
                    try { await _sender.DeliverAsync(delivery); }
                    catch (OperationCanceledException) when (delivery.Cancellation.IsCancellationRequested) { }
                    catch (Exception e) { _logger.LogError(e, "Delivering {Event} failed", delivery.EventName); }
                    finally { _slots.Release(); }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        foreach (var source in _webhooks.Values) source.Cancel();
    }
}
