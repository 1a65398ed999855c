using System.Diagnostics;
using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Reliability;

/// <summary>Retries seen on the verbose and warning streams, timeouts, and Ctrl+C (PowerShell.Stop) mid-request and mid-wait.</summary>
public sealed class RetryAndCancellationTests : EngineTest
{
    protected override bool ConnectOnStart => false;

    private void Connect(string settings) =>
        Run($"Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey {settings}").ThrowIfFailed();

    [Fact]
    public async Task Each_retry_is_reported_on_the_verbose_stream()
    {
        Connect("-RetryIntervalSec 0.05");
        await Org.ClearRequestsAsync();
        await Org.AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 503, count = 2 });

        var result = Run("Get-DyteMeeting -Verbose").ThrowIfFailed();

        var retries = result.Verbose.Where(v => v.Contains("retrying in", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Matches(@"^GET /meetings\?page_no=1&per_page=100: HTTP 503 Service Unavailable; retrying in \d+\.\d s \(attempt 2\)$", retries[0]);
        Assert.Contains("(attempt 3)", retries[1]);
        Assert.Equal([503, 503, 200], (await RequestsAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task A_long_Retry_After_is_also_a_warning_and_Stop_ends_the_wait_at_once()
    {
        Connect("");
        await Org.AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 429, retry_after = "30" });
        using var ps = Shell.Create("Get-DyteMeeting");
        var warned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ps.Streams.Warning.DataAdded += (_, _) => warned.TrySetResult();

        var running = ps.BeginInvoke();
        await warned.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

        Assert.Contains("HTTP 429 Too Many Requests; retrying in 30.0 s", ps.Streams.Warning[0].Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop waited {clock.Elapsed} of a 30 s Retry-After"); // latency is measured in bench/
    }

    [Fact]
    public async Task Stop_aborts_a_request_the_service_never_answers()
    {
        Connect("-TimeoutSec 120");
        await Org.AddFaultAsync(new { operation = "getMeeting", kind = "hang" });
        Shell.SetVariable("id", Guid.NewGuid());
        using var ps = Shell.Create("Get-DyteMeeting -MeetingId $id");

        var running = ps.BeginInvoke();
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop waited {clock.Elapsed} for a request with a 120 s timeout");
    }

    [Fact]
    public async Task The_per_request_timeout_ends_in_a_clear_OperationTimeout_error()
    {
        Connect("-TimeoutSec 1 -MaximumRetryCount 0");
        await Org.AddFaultAsync(new { operation = "getMeeting", kind = "hang" });
        Shell.SetVariable("id", Guid.NewGuid());

        var error = Assert.Single(Run("Get-DyteMeeting -MeetingId $id").Errors);

        Assert.Equal("DyteTimeout,DytePS.Commands.GetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("no complete response within 1 s", error.ErrorDetails.Message);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_wait_budget_is_not_waited_for()
    {
        Connect("-MaximumRetryWaitSec 5");
        await Org.AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 429, retry_after = "60" });

        var clock = Stopwatch.StartNew();
        var error = Assert.Single(Run("Get-DyteMeeting").Errors);

        Assert.Equal("DyteRateLimited,DytePS.Commands.GetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "a 60 s Retry-After was waited for despite a 5 s budget");
    }

    [Fact]
    public async Task Parallel_adds_absorb_429s_and_create_each_participant_once()
    {
        Connect("");
        Shell.SetVariable("m", Run("New-DyteMeeting -Title Busy").ThrowIfFailed().Meetings()[0].Id());
        await Org.AddFaultAsync(new { operation = "addParticipant", kind = "status", status = 429, retry_after = "1", count = 5 });

        var result = Run("1..40 | ForEach-Object { [pscustomobject]@{ MeetingId = $m; Name = \"U$_\"; PresetName = 'viewer' } } | New-DyteParticipant -ThrottleLimit 8").ThrowIfFailed();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"U{i}"), result.Typed("DytePS.Participant").Select(p => p.Str("Name")));
        var names = Run("Get-DyteParticipant -MeetingId $m | ForEach-Object Name").ThrowIfFailed().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(40, names.Count);
        Assert.Equal(40, names.Distinct().Count());
        Assert.Equal(5, (await RequestsAsync()).Count(r => r.Status == 429));
    }
}
