using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// One event on its way to one webhook. <see cref="Uuid"/> identifies the event (the dyte-uuid /
/// rtk-uuid header), the same on every attempt and for every webhook it goes to.
/// <see cref="Cancellation"/> fires when the delivery is drained: its organization was reset, its
/// webhook deleted, or the emulator is stopping.
/// </summary>
public sealed record WebhookDelivery(
    Organization Organization, int Generation, string EventName, Guid WebhookId, string Url, Guid Uuid, byte[] Body,
    CancellationToken Cancellation = default);
