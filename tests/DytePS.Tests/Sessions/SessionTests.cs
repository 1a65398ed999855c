using Xunit;

namespace DytePS.Tests.Sessions;

public class SessionTests : EngineTest
{
    /// <summary>A meeting with two participants, both in its live session.</summary>
    private async Task<(Guid Meeting, Guid First, Guid Second)> LiveMeetingAsync()
    {
        var meeting = Run("New-DyteMeeting -Title Live").ThrowIfFailed().Meetings()[0].Id();
        Shell.SetVariable("m", meeting);
        var people = Run("'Ann','Bob' | ForEach-Object { New-DyteParticipant -MeetingId $m -PresetName host -Name $_ }").ThrowIfFailed()
            .Typed("DytePS.Participant").Select(p => p.Id()).ToList();
        await Org.JoinAsync(meeting, people[0]);
        await Org.JoinAsync(meeting, people[1]);
        await Org.ClearRequestsAsync();
        return (meeting, people[0], people[1]);
    }

    [Fact]
    public async Task A_meeting_with_people_in_it_has_an_active_live_session()
    {
        var (meeting, _, _) = await LiveMeetingAsync();

        var session = Assert.Single(Run("Get-DyteMeeting | Get-DyteSession -Active").ThrowIfFailed().Typed("DytePS.Session"));

        Assert.Equal("LIVE", session.Str("Status"));
        Assert.Equal(meeting, session.Get<Guid>("MeetingId"));
        Assert.Equal(2, session.Get<int>("LiveParticipants"));
        Assert.Equal("getActiveSession", Assert.Single(await RequestsAsync(), r => r.Operation != "listMeetings").Operation);
    }

    [Fact]
    public async Task A_meeting_without_people_has_no_active_session_and_that_is_not_an_error()
    {
        Run("New-DyteMeeting -Title Empty").ThrowIfFailed();

        var result = Run("Get-DyteMeeting | Get-DyteSession -Active -Verbose").ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.Contains(result.Verbose, v => v.StartsWith("No active session for ", StringComparison.Ordinal));
        Assert.Contains(await RequestsAsync(), r => r.Operation == "getActiveSession" && r.Status == 404);
    }

    [Fact]
    public async Task When_everyone_leaves_the_session_ends_and_lists_its_participants()
    {
        var (meeting, first, second) = await LiveMeetingAsync();
        await Org.LeaveAsync(meeting, first);
        await Org.LeaveAsync(meeting, second);

        var sessions = Run("Get-DyteSession").ThrowIfFailed().Typed("DytePS.Session");
        var people = Run("Get-DyteSession | Get-DyteSessionParticipant").ThrowIfFailed().Typed("DytePS.SessionParticipant");

        var session = Assert.Single(sessions);
        Assert.Equal("ENDED", session.Str("Status"));
        Assert.NotNull(session.Properties["EndedAt"].Value);
        Assert.Equal(2, session.Get<int>("MaxConcurrentParticipants"));
        Assert.Equal(["Ann", "Bob"], people.Select(p => p.Str("Name")).Order());
        Assert.All(people, p => Assert.Equal(session.Id(), p.Get<Guid>("SessionId")));
    }

    [Fact]
    public async Task Sessions_filter_by_meeting_and_status_on_the_service()
    {
        var (meeting, _, _) = await LiveMeetingAsync();
        Shell.SetVariable("m", meeting);

        var live = Run("Get-DyteSession -MeetingId $m -Status live").ThrowIfFailed().Typed("DytePS.Session");
        var ended = Run("Get-DyteSession -Status ENDED").ThrowIfFailed().Typed("DytePS.Session");

        Assert.Single(live);
        Assert.Empty(ended);
        var paths = (await RequestsAsync()).Select(r => r.ApiPath).ToList();
        Assert.Contains($"/sessions?associated_id={meeting}&status=LIVE&page_no=1&per_page=100", paths);
        Assert.Contains("/sessions?status=ENDED&page_no=1&per_page=100", paths);
    }

    [Fact]
    public async Task Get_by_id_returns_the_session_or_a_not_found_error()
    {
        await LiveMeetingAsync();
        var session = Run("Get-DyteSession").ThrowIfFailed().Typed("DytePS.Session")[0];
        Shell.SetVariable("ids", new object[] { Guid.NewGuid(), session.Id() });

        var result = Run("Get-DyteSession -SessionId $ids");

        Assert.Equal(session.Id(), Assert.Single(result.Typed("DytePS.Session")).Id());
        Assert.Equal("DyteNotFound,DytePS.Commands.GetDyteSessionCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }
}
