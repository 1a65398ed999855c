using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Bulk;

/// <summary>-ThrottleLimit: several requests at once, results still in input order, errors still per item.</summary>
public class ThrottleLimitTests : EngineTest
{
    private Guid NewMeeting()
    {
        var id = Run("New-DyteMeeting -Title Bulk").ThrowIfFailed().Meetings()[0].Id();
        Shell.SetVariable("m", id);
        return id;
    }

    [Fact]
    public async Task Parallel_adds_come_back_in_input_order()
    {
        NewMeeting();
        await Org.ClearRequestsAsync();

        var result = Run("1..60 | ForEach-Object { [pscustomobject]@{ MeetingId = $m; Name = \"User $_\"; PresetName = 'viewer' } } | New-DyteParticipant -ThrottleLimit 8").ThrowIfFailed();

        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"User {i}"), result.Typed("DytePS.Participant").Select(p => p.Str("Name")));
        Assert.Equal(60, (await RequestsAsync()).Count(r => r.Operation == "addParticipant" && r.Status == 201));
    }

    [Fact]
    public void Failures_stay_per_item_and_in_place()
    {
        var meeting = NewMeeting();
        Shell.SetVariable("ids", new object[] { meeting, Guid.NewGuid(), meeting, Guid.NewGuid(), meeting });

        var result = Run("$ids | ForEach-Object { [pscustomobject]@{ MeetingId = $_ } } | Set-DyteMeeting -Title Renamed -PassThru -ThrottleLimit 4");

        Assert.Equal(3, result.Meetings().Count);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("DyteNotFound,DytePS.Commands.SetDyteMeetingCommand", e.FullyQualifiedErrorId));
    }

    [Fact]
    public async Task WhatIf_still_sends_nothing()
    {
        await Org.SeedMeetingsWithParticipantsAsync(1, 10);
        await Org.ClearRequestsAsync();

        Run("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Force -WhatIf -ThrottleLimit 8").ThrowIfFailed();

        Assert.Equal(10, Shell.Host.Text.Split("What if:").Length - 1);
        Assert.DoesNotContain(await RequestsAsync(), r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Removing_and_stopping_in_parallel_leave_nothing_behind()
    {
        await Org.SeedMeetingsWithParticipantsAsync(4, 25);
        Run("Get-DyteMeeting | ForEach-Object { Start-DyteRecording -MeetingId $_.Id } | Out-Null").ThrowIfFailed();

        Run("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Force -ThrottleLimit 16").ThrowIfFailed();
        var stopped = Run("Get-DyteRecording -Status RECORDING | Stop-DyteRecording -Force -ThrottleLimit 4").ThrowIfFailed();

        Assert.Empty(Run("Get-DyteMeeting | Get-DyteParticipant").ThrowIfFailed().Output);
        Assert.Equal(4, stopped.Typed("DytePS.Recording").Count);
        Assert.Equal(100, (await RequestsAsync()).Count(r => r.Operation == "deleteParticipant" && r.Status == 200));
    }

    [Fact]
    public async Task Stopping_the_pipeline_cancels_every_request_in_flight()
    {
        NewMeeting();
        // Every add would take 30 s: if Stop() did not cancel the eight in flight, it would wait for them.
        await Org.AddFaultAsync(new { operation = "addParticipant", kind = "latency", latency_ms = 30_000 });
        using var ps = Shell.Create("1..40 | ForEach-Object { [pscustomobject]@{ MeetingId = $m; PresetName = 'viewer' } } | New-DyteParticipant -ThrottleLimit 8");
        var running = ps.BeginInvoke();
        await Task.Delay(500);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop waited {clock.Elapsed} for requests that take 30 s");
        Assert.DoesNotContain(await RequestsAsync(), r => r.Operation == "addParticipant" && r.Status == 201);
    }
}
