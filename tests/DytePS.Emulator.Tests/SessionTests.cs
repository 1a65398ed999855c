using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

public sealed class SessionTests : ApiTest
{
    [Fact]
    public async Task The_first_join_starts_a_live_session_that_the_api_shows()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);

        var joined = (await Org.JoinAsync(meeting, participant)).Expect(200).Json;
        var active = (await Org.GetAsync($"active-sessions/{meeting}")).Expect(200).Data;
        var read = (await Org.GetAsync($"sessions/{Id(joined)}")).Expect(200).Data;

        Assert.Equal((meeting, "meeting", "LIVE", 1, 1), (Str(joined, "associated_id"), Str(joined, "type"), Str(joined, "status"),
            joined.GetProperty("live_participants").GetInt32(), joined.GetProperty("max_concurrent_participants").GetInt32()));
        Assert.Equal(Id(joined), Id(active));
        Assert.Equal(Id(joined), Id(read));
        Assert.True(read.TryGetProperty("started_at", out _));
        Assert.False(Has(read, "ended_at"));
        Assert.True(read.GetProperty("minutes_consumed").GetDouble() >= 0);
    }

    [Fact]
    public async Task Counts_follow_joins_and_the_last_leave_ends_the_session()
    {
        var meeting = await Org.CreateMeetingAsync();
        var ann = await Org.AddParticipantIdAsync(meeting, "Ann");
        var bob = await Org.AddParticipantIdAsync(meeting, "Bob");

        await Org.JoinAsync(meeting, ann);
        var both = (await Org.JoinAsync(meeting, bob)).Expect(200).Json;
        var one = (await Org.LeaveAsync(meeting, ann)).Expect(200).Json;
        var ended = (await Org.LeaveAsync(meeting, bob)).Expect(200).Json;

        Assert.Equal((2, 2), (both.GetProperty("live_participants").GetInt32(), both.GetProperty("max_concurrent_participants").GetInt32()));
        Assert.Equal((1, 2, "LIVE"), (one.GetProperty("live_participants").GetInt32(), one.GetProperty("max_concurrent_participants").GetInt32(), Str(one, "status")));
        Assert.Equal(Id(both), Id(ended));
        Assert.Equal(("ENDED", 0), (Str(ended, "status"), ended.GetProperty("live_participants").GetInt32()));
        Assert.True(ended.GetProperty("ended_at").GetDateTime() >= ended.GetProperty("started_at").GetDateTime());
        Assert.True(ended.GetProperty("minutes_consumed").GetDouble() >= 0);
        (await Org.GetAsync($"active-sessions/{meeting}")).ExpectError(404, "No active session");
    }

    [Fact]
    public async Task Session_participants_have_join_and_leave_times_and_a_duration()
    {
        var meeting = await Org.CreateMeetingAsync();
        var ann = await Org.AddParticipantIdAsync(meeting, "Ann");
        var bob = await Org.AddParticipantIdAsync(meeting, "Bob");
        var session = Id((await Org.JoinAsync(meeting, ann)).Json);
        await Org.JoinAsync(meeting, bob);
        await Org.LeaveAsync(meeting, ann);

        var list = (await Org.GetAsync($"sessions/{session}/participants")).Expect(200);

        Assert.Equal((2, 1, 2), list.Offsets);
        var (first, second) = (list.Data[0], list.Data[1]);
        Assert.Equal((ann, "Ann", "group_call_host"), (Id(first), Str(first, "name"), Str(first, "preset_name")));
        Assert.True(first.GetProperty("left_at").GetDateTime() >= first.GetProperty("joined_at").GetDateTime());
        Assert.True(first.GetProperty("duration").GetDouble() >= 0);
        Assert.Equal(bob, Id(second));
        Assert.False(Has(second, "left_at"));
        Assert.False(Has(second, "token"));
        var paged = (await Org.GetAsync($"sessions/{session}/participants?page_no=2&per_page=1")).Expect(200);
        Assert.Equal((2, 2, 2), paged.Offsets);
        Assert.Equal(bob, Id(paged.Data[0]));
    }

    [Fact]
    public async Task Session_participants_of_an_unknown_session_is_404()
    {
        (await Org.GetAsync($"sessions/{Guid.NewGuid()}/participants")).ExpectError(404, "Session not found");
        (await Org.GetAsync("sessions/x/participants")).ExpectError(400, "'sessionId' must be a UUID");
    }

    [Fact]
    public async Task A_rejoin_after_the_end_starts_a_new_session_and_list_filters_by_status_and_meeting()
    {
        var meeting = await Org.CreateMeetingAsync();
        var other = await Org.CreateMeetingAsync();
        var ann = await Org.AddParticipantIdAsync(meeting);
        var zed = await Org.AddParticipantIdAsync(other);
        var first = Id((await Org.JoinAsync(meeting, ann)).Json);
        await Org.LeaveAsync(meeting, ann);
        var second = Id((await Org.JoinAsync(meeting, ann)).Json);
        var third = Id((await Org.JoinAsync(other, zed)).Json);

        var all = (await Org.GetAsync("sessions")).Expect(200);
        var live = (await Org.GetAsync("sessions?status=LIVE")).Expect(200);
        var ofMeeting = (await Org.GetAsync($"sessions?associated_id={meeting}&status=ENDED")).Expect(200);
        var page = (await Org.GetAsync("sessions?per_page=2&page_no=2")).Expect(200);

        Assert.NotEqual(first, second);
        Assert.Equal([first, second, third], all.Data.EnumerateArray().Select(Id));
        Assert.Equal((3, 1, 3), all.Offsets);
        Assert.Equal([second, third], live.Data.EnumerateArray().Select(Id));
        Assert.Equal([first], ofMeeting.Data.EnumerateArray().Select(Id));
        Assert.Equal((3, 3, 3), page.Offsets);
    }

    [Theory]
    [InlineData("status=OPEN", "'status' must be one of LIVE, ENDED")]
    [InlineData("associated_id=abc", "'associated_id' must be a UUID")]
    [InlineData("page_no=-1", "'page_no' must be a positive integer")]
    public async Task List_validates_its_query(string query, string message)
    {
        (await Org.GetAsync($"sessions?{query}")).ExpectError(400, message);
    }

    [Fact]
    public async Task Get_of_an_unknown_or_malformed_session_is_404_or_400()
    {
        (await Org.GetAsync($"sessions/{Guid.NewGuid()}")).ExpectError(404, "Session not found");
        (await Org.GetAsync("sessions/12345")).ExpectError(400, "'sessionId' must be a UUID");
    }

    [Fact]
    public async Task Active_session_of_a_meeting_without_one_or_of_an_unknown_meeting_is_404()
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.GetAsync($"active-sessions/{meeting}")).ExpectError(404, "No active session");
        (await Org.GetAsync($"active-sessions/{Guid.NewGuid()}")).ExpectError(404, "Meeting not found");
        (await Org.GetAsync("active-sessions/zzz")).ExpectError(400, "'meetingId' must be a UUID");
    }

    [Fact]
    public async Task Nobody_can_join_an_inactive_meeting()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        (await Org.PatchAsync($"meetings/{meeting}", new { status = "INACTIVE" })).Expect(200);

        (await Org.JoinAsync(meeting, participant)).ExpectError(409, "nobody can join an INACTIVE meeting");
        Assert.Equal(0, (await Org.GetAsync("sessions")).Offsets.Total);
    }

    [Fact]
    public async Task Joining_twice_or_leaving_when_absent_is_409()
    {
        var meeting = await Org.CreateMeetingAsync();
        var ann = await Org.AddParticipantIdAsync(meeting);
        var bob = await Org.AddParticipantIdAsync(meeting);

        (await Org.LeaveAsync(meeting, ann)).ExpectError(409, "not in the meeting's live session");
        (await Org.JoinAsync(meeting, ann)).Expect(200);
        (await Org.JoinAsync(meeting, ann)).ExpectError(409, "already in the meeting's live session");
        (await Org.LeaveAsync(meeting, bob)).ExpectError(409, "not in the meeting's live session");
    }

    [Fact]
    public async Task Join_needs_a_participant_of_that_meeting_in_that_organization()
    {
        var meeting = await Org.CreateMeetingAsync();
        var other = await Org.CreateMeetingAsync();
        var stranger = await Org.AddParticipantIdAsync(other);

        (await Org.JoinAsync(meeting, stranger)).ExpectError(404, "Participant not found");
        (await Org.JoinAsync(meeting, Guid.NewGuid().ToString())).ExpectError(404, "Participant not found");
        (await Org.JoinAsync(Guid.NewGuid().ToString(), stranger)).ExpectError(404, "Meeting not found");
        (await Org.JoinAsync(meeting, "bad")).ExpectError(400, "'participantId' must be a UUID");
        (await Org.ControlAsync(HttpMethod.Post, $"organizations/{Guid.NewGuid()}/meetings/{other}/participants/{stranger}/join"))
            .ExpectError(404, "Organization not found");
    }
}
