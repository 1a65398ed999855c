using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>Signed webhook deliveries to a receiver on 127.0.0.1, their retries and the delivery log.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task A_subscribed_event_arrives_signed_with_the_published_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var org = await NewOrganizationAsync();
        var webhook = await AddWebhookAsync(org, receiver.Url, "meeting.started");

        var meeting = await StartMeetingAsync(org);

        var received = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(receiver.Received), r => r.Count > 0, "a delivery"));
        Assert.Equal(webhook, received.Header("dyte-webhook-id"));
        Assert.True(Guid.TryParse(received.Header("dyte-uuid"), out _));
        Assert.Equal("application/json", received.Header("content-type").Split(';')[0]);
        Assert.True(await VerifiesAsync(org, received.Body, received.Header("dyte-signature")));
        Assert.False(await VerifiesAsync(org, [.. received.Body, (byte)' '], received.Header("dyte-signature")));
        Assert.Equal(("meeting.started", meeting), (received.Json.GetProperty("event").GetString(), received.Json.GetProperty("meeting").GetProperty("id").GetString()));
        Assert.DoesNotContain(received.Headers.Keys, k => k.StartsWith("rtk-"));
        // The participantJoined event of the same join goes to no webhook: none subscribed to it.
        var log = await Eventually.UntilAsync(() => DeliveriesAsync(org), l => l.Count > 0, "the delivery log");
        var entry = Assert.Single(log);
        Assert.Equal(("meeting.started", webhook, receiver.Url, received.Header("dyte-uuid"), 1, true, 200),
            (Str(entry, "event"), Str(entry, "webhook_id"), Str(entry, "url"), Str(entry, "uuid"), entry.GetProperty("attempt").GetInt32(),
             entry.GetProperty("delivered").GetBoolean(), entry.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task A_realtimekit_organization_sends_the_rtk_headers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var org = await NewOrganizationAsync(flavor: "realtimekit");
        var webhook = await AddWebhookAsync(org, receiver.Url, "meeting.started");

        await StartMeetingAsync(org);

        var received = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(receiver.Received), r => r.Count > 0, "a delivery"));
        Assert.Equal(webhook, received.Header("rtk-webhook-id"));
        Assert.True(Guid.TryParse(received.Header("rtk-uuid"), out _));
        Assert.True(await VerifiesAsync(org, received.Body, received.Header("rtk-signature")));
        Assert.DoesNotContain(received.Headers.Keys, k => k.StartsWith("dyte-"));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_uuid_until_it_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        var org = await NewOrganizationAsync();
        await AddWebhookAsync(org, receiver.Url, "meeting.started");

        await StartMeetingAsync(org);

        var log = await Eventually.UntilAsync(() => DeliveriesAsync(org), l => l.Any(e => e.GetProperty("delivered").GetBoolean()), "the successful attempt");
        var received = receiver.Received;
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Header("dyte-uuid")).Distinct());
        Assert.Single(received.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Equal([(1, false, 500), (2, false, 500), (3, true, 200)],
            log.Select(e => (e.GetProperty("attempt").GetInt32(), e.GetProperty("delivered").GetBoolean(), e.GetProperty("status").GetInt32())));
        Assert.Single(log.Select(e => Str(e, "uuid")).Distinct());
    }

    [Fact]
    public async Task A_delivery_is_given_up_after_five_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        var org = await NewOrganizationAsync(retryDelayMs: 1);
        await AddWebhookAsync(org, receiver.Url, "meeting.started");

        await StartMeetingAsync(org);

        await Eventually.UntilAsync(() => DeliveriesAsync(org), l => l.Count == 6, "six attempts");
        await Task.Delay(200);
        var log = await DeliveriesAsync(org);
        Assert.Equal([1, 2, 3, 4, 5, 6], log.Select(e => e.GetProperty("attempt").GetInt32()));
        Assert.All(log, e => Assert.False(e.GetProperty("delivered").GetBoolean()));
        Assert.Equal(6, receiver.Received.Count);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out_after_about_three_seconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => null);
        var org = await NewOrganizationAsync();
        await AddWebhookAsync(org, receiver.Url, "meeting.started");
        var clock = Stopwatch.StartNew();

        await StartMeetingAsync(org);

        var log = await Eventually.UntilAsync(() => DeliveriesAsync(org), l => l.Count > 0, "the timed-out attempt", TimeSpan.FromSeconds(7));
        var elapsed = clock.Elapsed;
        var entry = log[0];
        Assert.Equal((1, false), (entry.GetProperty("attempt").GetInt32(), entry.GetProperty("delivered").GetBoolean()));
        Assert.False(entry.TryGetProperty("status", out _));
        Assert.Contains("no answer within 3 s", Str(entry, "error"));
        Assert.InRange(entry.GetProperty("duration_ms").GetDouble(), 2900, 4500);
        Assert.InRange(elapsed.TotalSeconds, 2.9, 7);
        // Reset stops the retries still to come.
        (await org.ControlAsync(HttpMethod.Post, $"organizations/{org.OrganizationId}/reset")).Expect(204);
        Assert.Empty(await DeliveriesAsync(org));
    }

    [Fact]
    public async Task Deliveries_are_logged_per_organization_and_cleared()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var org = await NewOrganizationAsync();
        var other = await NewOrganizationAsync();
        await AddWebhookAsync(org, receiver.Url, "meeting.started", "meeting.participantJoined");
        await AddWebhookAsync(other, receiver.Url, "meeting.started");

        await StartMeetingAsync(org);
        await StartMeetingAsync(other);

        await Eventually.UntilAsync(() => DeliveriesAsync(org), l => l.Count == 2, "two deliveries");
        await Eventually.UntilAsync(() => DeliveriesAsync(other), l => l.Count == 1, "one delivery");
        Assert.Equal(["meeting.started", "meeting.participantJoined"], (await DeliveriesAsync(org)).Select(e => Str(e, "event")).Order().Reverse());
        (await org.ControlAsync(HttpMethod.Delete, $"deliveries?organization={org.OrganizationId}")).Expect(204);
        Assert.Empty(await DeliveriesAsync(org));
        Assert.Single(await DeliveriesAsync(other));
    }

    [Fact]
    public async Task The_public_key_is_served_in_the_well_known_shape()
    {
        var org = await NewOrganizationAsync();

        var reply = await ApiClient.DownloadAsync(new Uri(org.Emulator.Root, ".well-known/webhooks.json").ToString());

        var json = JsonDocument.Parse(reply.Bytes).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        var pem = json.GetProperty("data").GetProperty("publicKey").GetString()!;
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        Assert.Equal(2048, rsa.KeySize);
        Assert.DoesNotContain("PRIVATE", reply.Reply.Text + System.Text.Encoding.UTF8.GetString(reply.Bytes));
    }

    [Theory]
    [InlineData("https://user:pa55@hooks.example.com/dyte?x=1", "https://hooks.example.com/dyte?x=1")]
    [InlineData("http://127.0.0.1:8080/hook", "http://127.0.0.1:8080/hook")]
    public void The_delivery_log_never_shows_credentials_in_a_url(string url, string logged)
    {
        Assert.Equal(logged, Webhooks.DeliveryLog.Redact(url));
    }

    private static Task<ApiClient> NewOrganizationAsync(string flavor = "dyte", int retryDelayMs = 10) =>
        ApiClient.NewOrganizationAsync(new { lifecycle_delay_ms = 0, flavor, webhook_retry_delay_ms = retryDelayMs });

    private static async Task<string> AddWebhookAsync(ApiClient org, string url, params string[] events) =>
        Str((await org.PostAsync("webhooks", new { name = "receiver", url, events })).Expect(201).Data, "id");

    /// <summary>A meeting whose session starts: a participant joins it (meeting.started, meeting.participantJoined).</summary>
    private static async Task<string> StartMeetingAsync(ApiClient org)
    {
        var meeting = await org.CreateMeetingAsync();
        var participant = await org.AddParticipantIdAsync(meeting);
        (await org.JoinAsync(meeting, participant)).Expect(200);
        return meeting;
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(ApiClient org) =>
        (await org.ControlAsync(HttpMethod.Get, $"deliveries?organization={org.OrganizationId}")).Expect(200).Json.EnumerateArray().ToList();

    private static async Task<bool> VerifiesAsync(ApiClient org, byte[] body, string signature)
    {
        var key = await ApiClient.DownloadAsync(new Uri(org.Emulator.Root, ".well-known/webhooks.json").ToString());
        using var rsa = RSA.Create();
        rsa.ImportFromPem(JsonDocument.Parse(key.Bytes).RootElement.GetProperty("data").GetProperty("publicKey").GetString());
        return rsa.VerifyData(body, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
