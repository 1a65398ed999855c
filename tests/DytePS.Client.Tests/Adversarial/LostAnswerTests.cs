using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>Item 6: a create whose answer was lost (mid-body, or by a timeout) says the object may exist now.</summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_create_whose_answer_breaks_off_mid_body_may_have_created_the_object()
    {
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, "201 Created", 1000, token, "Content-Type: application/json");
            await stream.WriteAsync("""{"success":true,"""u8.ToArray(), token);
        });
        using var client = Servers.ClientFor(server, retry: ClientFactory.QuickRetries());

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.CreateAsync(new NewMeeting { Title = "Lost" }, default).Guarded());

        Assert.Equal(DyteErrorKind.Network, error.Kind);
        Assert.Contains("may have been created", error.Message);
        Assert.DoesNotContain("before a response arrived", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_create_that_timed_out_may_have_created_the_object()
    {
        await using var server = new ScriptedServer((_, _, token) => ScriptedServer.HangAsync(token));
        using var client = Servers.ClientFor(server, timeout: TimeSpan.FromSeconds(1), retry: ClientFactory.QuickRetries());

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.CreateAsync(new NewMeeting { Title = "Lost" }, default).Guarded());

        Assert.Equal(DyteErrorKind.Timeout, error.Kind);
        Assert.Contains("may have been created", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_create_that_never_left_says_nothing_was_created()
    {
        // A port nobody listens on: the connection is refused before anything is sent.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = ClientFactory.For(new Uri($"http://127.0.0.1:{port}/v2"), "org-1", "key-1", retry: new DyteRetryOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.CreateAsync(new NewMeeting { Title = "Never" }, default).Guarded());

        Assert.False(error.RequestSent);
        Assert.Contains("was not sent", error.Message);
        Assert.DoesNotContain("may have been created", error.Message);
    }
}
