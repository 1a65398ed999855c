using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>Storage credentials are accepted and then gone: no response, log entry or event carries them.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task Storage_secrets_appear_in_no_response_request_log_or_event()
    {
        var org = await ApiClient.NewOrganizationAsync(0, await EventsEmulator.GetAsync());
        var accessKey = "AKIA" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var meeting = await org.CreateMeetingAsync();
        var storage = new { type = "aws", access_key = accessKey, secret, bucket = "recordings", region = "us-east-1", path = "dyte/" };

        var replies = new List<Reply>
        {
            (await org.PostAsync("recordings", new { meeting_id = meeting, storage_config = storage })).Expect(201),
            (await org.PostAsync("recordings", new { meeting_id = meeting, storage_config = storage })).Expect(409),
            (await org.PostAsync("recordings", new { meeting_id = meeting, storage_config = storage with { type = "dropbox" } })).Expect(400),
            (await org.PostAsync("recordings", new { meeting_id = Guid.NewGuid(), storage_config = storage })).Expect(404),
        };
        var id = replies[0].Data.GetProperty("id").GetString();
        replies.Add((await org.GetAsync($"recordings/{id}")).Expect(200));
        replies.Add((await org.GetAsync("recordings")).Expect(200));
        replies.Add((await org.GetAsync($"recordings/active-recordings/{meeting}")).Expect(200));
        replies.Add((await org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200));
        replies.Add((await org.GetAsync($"recordings/{id}")).Expect(200));
        replies.Add(await org.RequestLogAsync());

        var storageConfig = replies[^2].Data.GetProperty("storage_config");
        Assert.Equal(("aws", "recordings", "us-east-1", "dyte/"), (storageConfig.GetProperty("type").GetString(), storageConfig.GetProperty("bucket").GetString(),
            storageConfig.GetProperty("region").GetString(), storageConfig.GetProperty("path").GetString()));
        Assert.False(storageConfig.TryGetProperty("secret", out _));
        Assert.False(storageConfig.TryGetProperty("access_key", out _));
        foreach (var reply in replies)
        {
            Assert.DoesNotContain(secret, reply.Text);
            Assert.DoesNotContain(accessKey, reply.Text);
        }
        await Eventually.UntilAsync(() => EventsEmulator.Events.Of(org.OrganizationId).Count >= 4, "the recording events");
        foreach (var (_, payload) in EventsEmulator.Events.Of(org.OrganizationId))
        {
            Assert.DoesNotContain(secret, payload.ToJsonString());
            Assert.DoesNotContain(accessKey, payload.ToJsonString());
        }
    }
}
