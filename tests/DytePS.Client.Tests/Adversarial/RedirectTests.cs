using System.Text;
using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>
/// Item 4: API calls never follow a redirect (it is an error naming the target, and nothing,
/// least of all a body with a secret, goes there); a download follows only within the host the
/// service named, over https or loopback http, never with the API's credentials, a few hops at most.
/// </summary>
public sealed class RedirectTests
{
    public static TheoryData<int> Statuses() => [300, 301, 302, 303, 304, 305, 307, 308];


    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task An_API_redirect_is_an_error_that_names_the_target_and_is_not_followed(int status)
    {
        ScriptedServer? self = null;
        await using var server = self = new ScriptedServer((request, stream, token) => request.Path.StartsWith("/v2/", StringComparison.Ordinal)
            ? ScriptedServer.WriteAsync(stream, $"{status} Moved", "", token, $"Location: {self!.OtherHostRoot}elsewhere/meeting?token=abc")
            : ScriptedServer.WriteAsync(stream, "200 OK", Servers.Meeting, token));
        using var client = Servers.ClientFor(server);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.GetAsync(Servers.MeetingId, default).Guarded());

        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"HTTP {status}", error.Message);
        Assert.Contains($"{server.OtherHostRoot}elsewhere/meeting", error.Message);
        Assert.DoesNotContain("token=abc", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_307_never_carries_a_create_and_its_secret_to_another_host()
    {
        ScriptedServer? self = null;
        await using var server = self = new ScriptedServer((request, stream, token) => request.Path == "/v2/recordings"
            ? ScriptedServer.WriteAsync(stream, "307 Temporary Redirect", "", token, $"Location: {self!.OtherHostRoot}steal")
            : ScriptedServer.WriteAsync(stream, "201 Created", """{"success":true,"data":{"id":"6c9e5a1e-0000-4000-8000-000000000002","status":"INVOKED"}}""", token));
        using var client = Servers.ClientFor(server, retry: ClientFactory.QuickRetries());
        var recording = new NewRecording
        {
            MeetingId = Guid.NewGuid(),
            StorageConfig = new StorageConfig { Type = "aws", AccessKey = "AKIA", Secret = "st0rage-S3CRET", Bucket = "b" },
        };

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.StartAsync(recording, default).Guarded());

        Assert.Equal(307, error.StatusCode);
        Assert.Contains("steal", error.Message);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("/v2/recordings", sent.Path);
        Assert.DoesNotContain("st0rage-S3CRET", error.ToString());
    }

    [Fact]
    public async Task A_download_follows_a_redirect_on_its_own_host_without_the_api_credentials()
    {
        ScriptedServer? self = null;
        await using var host = self = new ScriptedServer((request, stream, token) => request.Path == "/file.mp4"
            ? ScriptedServer.WriteAsync(stream, "302 Found", "", token, $"Location: /moved/file.mp4?X-Amz-Signature=s3cr3t")
            : ScriptedServer.WriteAsync(stream, "200 OK", "recording bytes", token));
        using var client = Servers.ClientFor(host);
        using var file = new MemoryStream();

        var copied = await client.Recordings.DownloadAsync(Uploaded(host, "/file.mp4"), file, null, default).Guarded();

        Assert.Equal("recording bytes", Encoding.UTF8.GetString(file.ToArray()));
        Assert.Equal(15, copied);
        Assert.Equal(["/file.mp4", "/moved/file.mp4"], host.Requests.Select(r => r.Path));
        Assert.All(host.Requests, r => Assert.False(r.Has("authorization")));
    }

    [Theory]
    [InlineData("other host")]
    [InlineData("plain http elsewhere")]
    [InlineData("not http")]
    public async Task A_download_refuses_a_redirect_that_leaves_the_host_or_https(string where)
    {
        ScriptedServer? self = null;
        await using var host = self = new ScriptedServer((request, stream, token) => ScriptedServer.WriteAsync(stream, "302 Found", "", token, "Location: " + where switch
        {
            "other host" => self!.OtherHostRoot + "file.mp4",
            "plain http elsewhere" => "http://downloads.example.com/file.mp4",
            _ => "ftp://downloads.example.com/file.mp4",
        }));
        using var client = Servers.ClientFor(host);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.DownloadAsync(Uploaded(host, "/file.mp4"), Stream.Null, null, default).Guarded());

        Assert.Equal(302, error.StatusCode);
        Assert.Contains("file.mp4", error.Message);
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task A_download_that_redirects_in_a_circle_stops_after_a_few_hops()
    {
        await using var host = new ScriptedServer((request, stream, token) => ScriptedServer.WriteAsync(stream, "302 Found", "", token, "Location: /file.mp4"));
        using var client = Servers.ClientFor(host);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.DownloadAsync(Uploaded(host, "/file.mp4"), Stream.Null, null, default).Guarded());

        Assert.Contains("redirect", error.Message);
        Assert.Equal(6, host.Requests.Count);
    }

    private static Recording Uploaded(ScriptedServer host, string path) =>
        new() { Id = Guid.NewGuid(), Status = "UPLOADED", DownloadUrl = new Uri(host.Root, path + "?X-Amz-Signature=s3cr3t").ToString() };
}
