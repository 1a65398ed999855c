using System.Text.Json;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// Each organization's webhook deliveries have their own bounded queue and their own concurrency:
/// a receiver that never answers holds up and crowds out only its own organization, and a reset
/// (or the webhook's deletion) drains what it still had queued or in flight. The receivers here
/// block until the test ends (their disposal releases them); the emulator waits 10 minutes for an
/// answer, so nothing here finishes by timing out.
/// </summary>
public sealed class WebhookIsolationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static Task<DyteEmulator> StartAsync(int queueCapacity = 1_000) => DyteEmulator.StartAsync(new EmulatorOptions
    {
        Port = 0,
        WebhookTimeout = TimeSpan.FromMinutes(10),
        WebhookQueueCapacity = queueCapacity,
    });

    [Fact]
    public async Task A_hanging_receiver_of_one_organization_does_not_delay_another_organizations_delivery()
    {
        await using var emulator = await StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync(_ => null);
        await using var healthy = await WebhookReceiver.StartAsync();
        var slow = await NewOrganizationAsync(emulator);
        var other = await NewOrganizationAsync(emulator);
        // 10 webhooks x 7 meetings: 70 deliveries that never get an answer, more than the emulator used to send at once in all.
        for (var i = 0; i < 10; i++) await AddWebhookAsync(slow, hanging.Url);
        for (var i = 0; i < 7; i++) await StartMeetingAsync(slow);
        await Eventually.UntilAsync(() => hanging.Received.Count >= EmulatorOptions.DefaultWebhookConcurrency, "the hanging receiver to be busy", Guard);
        await AddWebhookAsync(other, healthy.Url);

        await StartMeetingAsync(other);

        await Eventually.UntilAsync(() => healthy.Received.Count == 1, "the other organization's delivery", Guard);
        Assert.True(hanging.Received.Count <= EmulatorOptions.DefaultWebhookConcurrency, $"{hanging.Received.Count} deliveries at once to one organization's receiver");
    }

    [Fact]
    public async Task A_full_queue_drops_only_its_own_organizations_deliveries()
    {
        await using var emulator = await StartAsync(queueCapacity: 5);
        await using var hanging = await WebhookReceiver.StartAsync(_ => null);
        await using var healthy = await WebhookReceiver.StartAsync();
        var slow = await NewOrganizationAsync(emulator);
        var other = await NewOrganizationAsync(emulator);
        for (var i = 0; i < 10; i++) await AddWebhookAsync(slow, hanging.Url);
        await AddWebhookAsync(other, healthy.Url);

        for (var i = 0; i < 3; i++) await StartMeetingAsync(slow);
        await StartMeetingAsync(other);

        await Eventually.UntilAsync(() => healthy.Received.Count == 1, "the other organization's delivery", Guard);
        var dropped = await Eventually.UntilAsync(() => DeliveriesAsync(slow), l => l.Count > 0, "the dropped deliveries", Guard);
        Assert.All(dropped, e => Assert.Contains("more than 5 deliveries of this organization waiting", e.GetProperty("error").GetString()));
        Assert.DoesNotContain(await DeliveriesAsync(other), e => !e.GetProperty("delivered").GetBoolean());
    }

    [Fact]
    public async Task A_reset_drains_the_organizations_queue_and_ends_its_hanging_deliveries()
    {
        await using var emulator = await StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync(_ => null);
        await using var healthy = await WebhookReceiver.StartAsync();
        var org = await NewOrganizationAsync(emulator);
        for (var i = 0; i < 10; i++) await AddWebhookAsync(org, hanging.Url);
        for (var i = 0; i < 7; i++) await StartMeetingAsync(org);
        await Eventually.UntilAsync(() => hanging.Received.Count >= EmulatorOptions.DefaultWebhookConcurrency, "the hanging receiver to be busy", Guard);

        (await org.ControlAsync(HttpMethod.Post, $"organizations/{org.OrganizationId}/reset")).Expect(204);
        var before = hanging.Received.Count;
        await AddWebhookAsync(org, healthy.Url);
        await StartMeetingAsync(org);

        await Eventually.UntilAsync(() => healthy.Received.Count == 1, "the delivery after the reset", Guard);
        // Nothing queued before the reset went out after it.
        Assert.Equal(before, hanging.Received.Count);
    }

    [Fact]
    public async Task Deleting_a_webhook_drains_its_deliveries()
    {
        await using var emulator = await StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync(_ => null);
        await using var healthy = await WebhookReceiver.StartAsync();
        var org = await NewOrganizationAsync(emulator);
        var stuck = new List<string>();
        for (var i = 0; i < 10; i++) stuck.Add(await AddWebhookAsync(org, hanging.Url));
        for (var i = 0; i < 7; i++) await StartMeetingAsync(org);
        await Eventually.UntilAsync(() => hanging.Received.Count >= EmulatorOptions.DefaultWebhookConcurrency, "the hanging receiver to be busy", Guard);

        foreach (var id in stuck) (await org.DeleteAsync($"webhooks/{id}")).Expect(200);
        var before = hanging.Received.Count;
        await AddWebhookAsync(org, healthy.Url);
        await StartMeetingAsync(org);

        await Eventually.UntilAsync(() => healthy.Received.Count == 1, "the delivery to the remaining webhook", Guard);
        Assert.Equal(before, hanging.Received.Count);
    }

    private static Task<ApiClient> NewOrganizationAsync(DyteEmulator emulator) =>
        ApiClient.NewOrganizationAsync(new { lifecycle_delay_ms = 0, webhook_retry_delay_ms = 10 }, emulator);

    private static async Task<string> AddWebhookAsync(ApiClient org, string url) =>
        (await org.PostAsync("webhooks", new { name = "receiver", url, events = new[] { "meeting.started" } })).Expect(201).Data.GetProperty("id").GetString()!;

    private static async Task StartMeetingAsync(ApiClient org)
    {
        var meeting = await org.CreateMeetingAsync();
        var participant = await org.AddParticipantIdAsync(meeting);
        (await org.JoinAsync(meeting, participant)).Expect(200);
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(ApiClient org) =>
        (await org.ControlAsync(HttpMethod.Get, $"deliveries?organization={org.OrganizationId}")).Expect(200).Json.EnumerateArray().ToList();
}
