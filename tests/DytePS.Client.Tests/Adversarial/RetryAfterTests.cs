using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>
/// Item 2: a 429 whose Retry-After is beyond the wait budget fails that call at once and leaves
/// the connection usable: no later call waits for a pause nobody is waiting out, no value of the
/// header throws a raw .NET exception, and cancelling a wait releases the pause it set.
/// </summary>
public sealed class RetryAfterTests
{
    private static DyteRetryOptions Budget(int seconds) => new() { MaxRetries = 3, MaxTotalWait = TimeSpan.FromSeconds(seconds), BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

    /// <summary>Answers the first request with 429 and <paramref name="retryAfter"/>, every later one with a meeting.</summary>
    private static ScriptedServer RefusingOnce(string retryAfter)
    {
        var first = 1;
        return new ScriptedServer((request, stream, token) => Interlocked.Exchange(ref first, 0) == 1
            ? ScriptedServer.WriteAsync(stream, "429 Too Many Requests", """{"success":false,"error":{"code":429,"message":"slow down"}}""", token, "Retry-After: " + retryAfter)
            : ScriptedServer.WriteAsync(stream, "200 OK", Servers.Meeting, token));
    }

    [Theory]
    [InlineData("600")]
    [InlineData("3600")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("1e20")]
    [InlineData("1e400")]
    public async Task A_Retry_After_beyond_the_budget_fails_at_once_and_the_next_call_goes_straight_out(string retryAfter)
    {
        await using var server = RefusingOnce(retryAfter);
        using var client = Servers.ClientFor(server, timeout: TimeSpan.FromSeconds(5), retry: Budget(5));

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.GetAsync(Servers.MeetingId, default).Guarded());
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("slow down", error.Message);

        var meeting = await client.Meetings.GetAsync(Servers.MeetingId, default).Guarded();
        Assert.Equal("Answered", meeting.Title);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_a_call_that_waits_out_a_Retry_After_releases_the_connection()
    {
        await using var server = RefusingOnce("300");
        using var client = Servers.ClientFor(server, retry: Budget(600));
        using var cancel = new CancellationTokenSource();
        var scheduled = new TaskCompletionSource();

        Task first;
        using (DyteClientListenerScope.Begin(new RetryWatcher(scheduled)))
            first = client.Meetings.GetAsync(Servers.MeetingId, cancel.Token);
        await scheduled.Task.Guarded();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Guarded());

        var meeting = await client.Meetings.GetAsync(Servers.MeetingId, default).Guarded();
        Assert.Equal("Answered", meeting.Title);
    }

    [Fact]
    public async Task A_call_held_back_by_another_calls_long_Retry_After_says_so_in_a_warning()
    {
        await using var server = RefusingOnce("11");
        using var client = Servers.ClientFor(server, retry: Budget(60));
        var scheduled = new TaskCompletionSource();

        Task<Meeting> first;
        using (DyteClientListenerScope.Begin(new RetryWatcher(scheduled)))
            first = client.Meetings.GetAsync(Servers.MeetingId, default);
        await scheduled.Task.Guarded();

        var listener = new RecordingListener();
        Task<Meeting> second;
        using (DyteClientListenerScope.Begin(listener))
            second = client.Meetings.GetAsync(Servers.MeetingId, default);
        await Task.WhenAll(first, second).Guarded();

        var warning = Assert.Single(listener.Warnings);
        Assert.Matches(@"^GET /meetings/[0-9a-f-]+ waits 1\d\.\d s: the service asked this connection to slow down \(HTTP 429\)$", warning);
    }

    /// <summary>Signals when the client schedules a retry.</summary>
    private sealed class RetryWatcher(TaskCompletionSource scheduled) : IDyteClientListener
    {
        public void RequestCompleted(DyteRequestRecord record) { }
        public void RetryScheduled(DyteRetryRecord record) => scheduled.TrySetResult();
        public void Warning(string message) { }
    }
}
