using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests;

public sealed class ClientAgainstEmulatorTests : IAsyncLifetime
{
    private TestOrganization _org = null!;
    private DyteClient _client = null!;

    public async Task InitializeAsync()
    {
        _org = await SharedEmulator.NewOrganizationAsync();
        _client = ClientFactory.For(_org);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Creates_updates_and_reads_a_meeting_with_snake_case_json()
    {
        var created = await _client.Meetings.CreateAsync(new NewMeeting { Title = "Standup", PreferredRegion = "ap-south-1", RecordOnStart = true }, default);
        var updated = await _client.Meetings.UpdateAsync(created.Id, new MeetingUpdate { Status = MeetingStatus.Inactive }, default);
        var read = await _client.Meetings.GetAsync(created.Id, default);

        Assert.Equal(("Standup", "ap-south-1", true), (read.Title, read.PreferredRegion, read.RecordOnStart));
        Assert.Equal("INACTIVE", updated.Status);
        Assert.Equal("INACTIVE", read.Status);
        Assert.NotNull(read.CreatedAt);
        Assert.True(read.UpdatedAt >= read.CreatedAt);
    }

    [Fact]
    public async Task Streams_pages_and_stops_requesting_when_the_caller_stops()
    {
        await _org.SeedMeetingsAsync(1000);
        await _org.ClearRequestsAsync();

        var taken = 0;
        await foreach (var page in _client.Meetings.ListAsync(new PageRequest(100), null, default))
        {
            taken += page.Items.Count;
            if (taken >= 150) break;
        }

        Assert.Equal(200, taken);
        Assert.Equal(2, (await _org.RequestsAsync()).Count);
    }

    [Fact]
    public async Task Unknown_id_is_a_404_with_the_servers_message()
    {
        var error = await Assert.ThrowsAsync<DyteException>(() => _client.Meetings.GetAsync(Guid.NewGuid(), default));

        Assert.Equal((DyteErrorKind.HttpStatus, 404, "Meeting not found"), (error.Kind, error.StatusCode, error.ServerMessage));
        Assert.StartsWith("GET /meetings/", error.Message);
        Assert.Contains("failed with HTTP 404: Meeting not found", error.Message);
    }

    [Fact]
    public async Task A_bad_body_value_is_a_400_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<DyteException>(() =>
            _client.SendAsync(new DyteRequest("PATCH", DyteRequest.PathOf("meetings", Guid.NewGuid())).WithJsonBody("""{"status":"ARCHIVED"}"""), default));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("'status' must be one of ACTIVE, INACTIVE", error.ServerMessage);
    }

    [Fact]
    public async Task Wrong_key_is_a_401_and_the_key_is_nowhere_in_the_exception()
    {
        using var client = ClientFactory.For(_org, apiKey: "wrong-key-123");

        var error = await Assert.ThrowsAsync<DyteException>(() => client.VerifyAsync(default));

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("wrong-key-123", error.ToString());
    }

    [Fact]
    public async Task Another_organizations_meeting_is_not_found()
    {
        var other = await SharedEmulator.NewOrganizationAsync();
        using var otherClient = ClientFactory.For(other);
        var meeting = await otherClient.Meetings.CreateAsync(new NewMeeting { Title = "Private" }, default);

        var error = await Assert.ThrowsAsync<DyteException>(() => _client.Meetings.GetAsync(meeting.Id, default));

        Assert.Equal(404, error.StatusCode);
        Assert.Empty(await _client.Meetings.ListAsync(PageRequest.All, null, default).ToListAsync());
    }

    [Fact]
    public async Task Closed_port_is_a_network_error_retried_because_nothing_was_sent()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = ClientFactory.For(new Uri($"http://127.0.0.1:{port}/v2"), _org.Id, _org.ApiKey, retry: ClientFactory.QuickRetries(2));
        var log = new RecordingListener();

        DyteException error;
        using (DyteClientListenerScope.Begin(log))
            error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.CreateAsync(new NewMeeting { Title = "x" }, default));

        Assert.Equal(DyteErrorKind.Network, error.Kind);
        Assert.False(error.RequestSent);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, log.Retries.Count);
        Assert.All(log.Retries, r => Assert.StartsWith("the connection failed before the request was sent", r.Reason));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_without_a_request()
    {
        await _org.ClearRequestsAsync();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.Meetings.GetAsync(Guid.NewGuid(), cancelled.Token));
        Assert.Empty(await _org.RequestsAsync());
    }

    [Fact]
    public async Task One_client_serves_many_concurrent_calls()
    {
        var created = await _client.Meetings.CreateAsync(new NewMeeting { Title = "Shared" }, default);

        var reads = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => _client.Meetings.GetAsync(created.Id, default)));

        Assert.All(reads, m => Assert.Equal("Shared", m.Title));
    }
}
