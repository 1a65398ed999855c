using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// Storage credentials are accepted and then gone: no response, log entry or event carries them.
/// And an API key sent in the wrong place of a failed login is in no answer and nothing the
/// control API serves.
/// </summary>
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

    [Fact]
    public async Task An_api_key_in_a_failed_login_appears_in_no_response_or_control_api_output()
    {
        var org = await ApiClient.NewOrganizationAsync(0, await EventsEmulator.GetAsync());
        var key = org.ApiKey;
        string Basic(string user, string password) => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));

        var replies = new List<Reply>
        {
            // Swapped, the key alone as the user name, the key after a wrong organization id.
            (await org.CallAsync(HttpMethod.Get, "meetings", authorization: Basic(key, org.OrganizationId))).Expect(401),
            (await org.CallAsync(HttpMethod.Post, "meetings", new { title = "x" }, authorization: Basic(key, ""))).Expect(401),
            (await org.CallAsync(HttpMethod.Get, "meetings", authorization: Basic(Guid.NewGuid().ToString(), key))).Expect(401),
            // Bearer: the key under an app id that is the key itself, and under another account.
            (await org.RealtimeKitAsync(HttpMethod.Get, "meetings", appId: key)).Expect(401),
            (await org.RealtimeKitAsync(HttpMethod.Get, "meetings", accountId: Guid.NewGuid().ToString())).Expect(401),
        };
        foreach (var control in new[] { "requests", "deliveries", "organizations", "faults", "" })
            replies.Add((await org.ControlAsync(HttpMethod.Get, control)).Expect(200));

        foreach (var reply in replies)
        {
            Assert.DoesNotContain(key, reply.Text);
            Assert.DoesNotContain(key, string.Join(" ", reply.Headers.Select(h => string.Join(",", h.Value))));
        }
    }
}
