using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DytePS.Emulator.Events;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The emulator's <see cref="IEmulatorEvents"/>: turns each event into one delivery per enabled
/// webhook of the organization subscribed to it, and queues them on the organization's own
/// <see cref="OrganizationDeliveries"/>. Never waits: a full queue drops the delivery (and logs it)
/// rather than hold up the API request that raised the event, and only its own organization's.
/// </summary>
public sealed class WebhookDeliverer(DeliveryLog log, EmulatorState state, EmulatorOptions options, WebhookSender sender, ILogger<WebhookDeliverer> logger)
    : IEmulatorEvents, IDisposable
{
    private readonly ConcurrentDictionary<string, OrganizationDeliveries> _organizations = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();

    public void Publish(Organization organization, string eventName, JsonObject payload)
    {
        (Guid Id, string Url)[] targets;
        int generation;
        // Called outside the data lock; taking it briefly for a snapshot of the webhooks is fine.
        lock (organization.Gate)
        {
            targets = organization.Webhooks.All.Where(w => w.Enabled && w.Events.Contains(eventName)).Select(w => (w.Id, w.Url)).ToArray();
            generation = organization.Generation;
        }
        if (targets.Length == 0 || _stopping.IsCancellationRequested) return;
        var queue = _organizations.GetOrAdd(organization.Id,
            _ => new OrganizationDeliveries(options.WebhookQueueCapacity, options.WebhookConcurrency, sender, logger, _stopping.Token));
        // One body and one uuid per event: every webhook and every retry get the same bytes.
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var uuid = Guid.NewGuid();
        foreach (var (id, url) in targets)
        {
            var delivery = new WebhookDelivery(organization, generation, eventName, id, url, uuid, body, queue.TokenFor(id));
            if (!queue.TryEnqueue(delivery))
                log.Add(new DeliveryLogEntry(0, state.UtcNow, organization.Id, eventName, id, DeliveryLog.Redact(url), uuid, 0, false, null,
                    $"not delivered: more than {queue.Capacity} deliveries of this organization waiting", 0));
        }
    }

    /// <summary>The organization was reset: nothing it queued is sent, and what is in flight stops.</summary>
    public void Drain(string organizationId)
    {
        if (_organizations.TryGetValue(organizationId, out var queue)) queue.Drain();
    }

    /// <summary>The webhook was deleted: its queued deliveries, attempts in flight and retries stop.</summary>
    public void Forget(string organizationId, Guid webhookId)
    {
        if (_organizations.TryGetValue(organizationId, out var queue)) queue.Forget(webhookId);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var queue in _organizations.Values) queue.Dispose();
    }
}
