using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DytePS.Emulator.Events;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The emulator's <see cref="IEmulatorEvents"/>: turns each event into one delivery per enabled
/// webhook of the organization subscribed to it, and queues them for
/// <see cref="WebhookDeliveryWorker"/>. Never waits: a full queue drops the delivery (and logs it)
/// rather than hold up the API request that raised the event.
/// </summary>
public sealed class WebhookDeliverer(DeliveryLog log, EmulatorState state) : IEmulatorEvents
{
    public const int QueueCapacity = 10_000;

    private readonly Channel<WebhookDelivery> _queue = Channel.CreateBounded<WebhookDelivery>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<WebhookDelivery> Queue => _queue.Reader;

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
        if (targets.Length == 0) return;
        // One body and one uuid per event: every webhook and every retry get the same bytes.
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var uuid = Guid.NewGuid();
        foreach (var (id, url) in targets)
        {
            var delivery = new WebhookDelivery(organization, generation, eventName, id, url, uuid, body);
            if (!_queue.Writer.TryWrite(delivery))
                log.Add(new DeliveryLogEntry(0, state.UtcNow, organization.Id, eventName, id, DeliveryLog.Redact(url), uuid, 0, false, null,
                    $"not delivered: more than {QueueCapacity} deliveries waiting", 0));
        }
    }
}
