using Xunit;

namespace DytePS.Tests.Livestreams;

public class LivestreamTests : EngineTest
{
    private Guid NewMeeting()
    {
        var id = Run("New-DyteMeeting -Title Streamed").ThrowIfFailed().Meetings()[0].Id();
        Shell.SetVariable("m", id);
        return id;
    }

    [Fact]
    public void A_livestream_starts_goes_live_and_stops()
    {
        var meeting = NewMeeting();

        var started = Run("Start-DyteLivestream -MeetingId $m -Name 'Town hall'").ThrowIfFailed().Typed("DytePS.Livestream")[0];
        var live = Run("Get-DyteMeeting | Get-DyteLivestream -Active").ThrowIfFailed().Typed("DytePS.Livestream")[0];
        var stopped = Run("Stop-DyteLivestream -MeetingId $m -Force -PassThru").ThrowIfFailed().Typed("DytePS.Livestream")[0];
        var listed = Run("Get-DyteLivestream -MeetingId $m").ThrowIfFailed().Typed("DytePS.Livestream");

        Assert.Equal("STARTING", started.Str("Status"));
        Assert.False(string.IsNullOrEmpty(started.Str("StreamKey")));
        Assert.StartsWith("rtmp", started.Str("RtmpUrl"));
        Assert.StartsWith("http", started.Str("PlaybackUrl"));
        Assert.Equal(meeting, started.Get<Guid>("MeetingId"));
        Assert.Equal(("LIVE", started.Id()), (live.Str("Status"), live.Id()));
        Assert.Equal(started.Id(), stopped.Id());
        Assert.Contains(stopped.Str("Status"), new[] { "STOPPING", "OFFLINE" });
        Assert.Equal("OFFLINE", Assert.Single(listed).Str("Status"));
        Assert.Equal(meeting, listed[0].Get<Guid>("MeetingId"));
    }

    [Fact]
    public async Task The_list_has_no_paging_block_and_is_read_in_one_request()
    {
        NewMeeting();
        Run("Start-DyteLivestream -MeetingId $m | Out-Null; Stop-DyteLivestream -MeetingId $m -Force; Start-DyteLivestream -MeetingId $m").ThrowIfFailed();
        await Org.ClearRequestsAsync();

        var listed = Run("Get-DyteLivestream -MeetingId $m -IncludeTotalCount").ThrowIfFailed();

        Assert.Equal(2, listed.Typed("DytePS.Livestream").Count);
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Stopping_when_nothing_streams_is_a_not_found_error_and_WhatIf_sends_nothing()
    {
        NewMeeting();
        await Org.ClearRequestsAsync();

        var whatIf = Run("Start-DyteLivestream -MeetingId $m -WhatIf; Stop-DyteLivestream -MeetingId $m -WhatIf");
        Assert.Empty(whatIf.Errors);
        Assert.Empty(await RequestsAsync());

        var error = Assert.Single(Run("Stop-DyteLivestream -MeetingId $m -Force").Errors);
        Assert.Equal("DyteNotFound,DytePS.Commands.StopDyteLivestreamCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_second_livestream_while_one_runs_is_a_conflict()
    {
        NewMeeting();
        Run("Start-DyteLivestream -MeetingId $m").ThrowIfFailed();

        Assert.Equal("DyteConflict,DytePS.Commands.StartDyteLivestreamCommand",
            Assert.Single(Run("Start-DyteLivestream -MeetingId $m").Errors).FullyQualifiedErrorId);
    }
}
