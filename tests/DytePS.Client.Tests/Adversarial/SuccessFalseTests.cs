using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>Item 1: a 200 whose envelope says "success": false is a failure with the service's message, not an empty result.</summary>
public sealed class SuccessFalseTests
{
    private static ScriptedServer Answering(string body) => new((_, stream, token) => ScriptedServer.WriteAsync(stream, "200 OK", body, token));

    [Fact]
    public async Task A_listing_answered_with_success_false_fails_with_the_service_message()
    {
        await using var server = Answering("""{"success":false,"data":[],"error":{"code":"E500","message":"the index is rebuilding"}}""");
        using var client = Servers.ClientFor(server);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.ListAsync(PageRequest.All, null, default).ToListAsync().Guarded());

        Assert.Equal(DyteErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("the index is rebuilding", error.Message);
        Assert.Contains("\"success\": false", error.Message);
    }

    [Fact]
    public async Task An_envelope_without_success_is_read_as_before()
    {
        await using var server = Answering("""{"data":{"id":"6c9e5a1e-0000-4000-8000-000000000001","title":"Answered"}}""");
        using var client = Servers.ClientFor(server);

        Assert.Equal("Answered", (await client.Meetings.GetAsync(Servers.MeetingId, default).Guarded()).Title);
    }
}
