using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The livestream operations. Lifecycle delay 0: each timed step shows at the next request.</summary>
public sealed class LivestreamTests : ApiTest
{
    [Fact]
    public async Task Start_answers_201_starting_with_ingest_and_playback_addresses()
    {
        var meeting = await Org.CreateMeetingAsync();

        var started = (await Org.PostAsync($"meetings/{meeting}/livestreams", new { name = "Town hall" })).Expect(201).Data;

        Assert.Equal(("Town hall", "STARTING", meeting), (Str(started, "name"), Str(started, "status"), Str(started, "meeting_id")));
        Assert.StartsWith("rtmp://", Str(started, "rtmp_url"));
        Assert.True(Str(started, "stream_key").Length >= 16);
        Assert.True(Uri.TryCreate(Str(started, "playback_url"), UriKind.Absolute, out var playback) && playback.Scheme == "http");
        Assert.True(Has(started, "created_at"));
        var (reply, bytes) = await ApiClient.DownloadAsync(Str(started, "playback_url"));
        reply.Expect(200);
        Assert.StartsWith("#EXTM3U", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Start_takes_no_body_at_all()
    {
        var meeting = await Org.CreateMeetingAsync();

        var started = (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data;

        Assert.False(Has(started, "name"));
        Assert.NotEqual(Str(started, "stream_key"), Str((await Org.PostAsync($"meetings/{await Org.CreateMeetingAsync()}/livestreams")).Expect(201).Data, "stream_key"));
    }

    [Fact]
    public async Task Start_validates_and_answers_404_for_unknown_meetings()
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.PostAsync($"meetings/{meeting}/livestreams", """{"name":7}""")).ExpectError(400, "'name' must be a string");
        (await Org.PostAsync($"meetings/{meeting}/livestreams", """{"name":""")).ExpectError(400, "not valid JSON");
        (await Org.PostAsync($"meetings/{Guid.NewGuid()}/livestreams")).ExpectError(404, "Meeting not found");
        (await Org.PostAsync("meetings/1/livestreams")).ExpectError(400, "'meetingId' must be a UUID");
    }

    [Fact]
    public async Task Only_one_livestream_that_is_not_offline_per_meeting()
    {
        var meeting = await Org.CreateMeetingAsync();
        var first = (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data;

        (await Org.PostAsync($"meetings/{meeting}/livestreams")).ExpectError(409, "already has a livestream");

        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        await Org.GetAsync($"meetings/{meeting}/livestreams"); // STOPPING -> OFFLINE
        var second = (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data;
        Assert.NotEqual(Id(first), Id(second));
    }

    [Fact]
    public async Task List_has_the_meetings_livestreams_and_no_paging_block()
    {
        var meeting = await Org.CreateMeetingAsync();
        var other = await Org.CreateMeetingAsync();
        var first = Id((await Org.PostAsync($"meetings/{meeting}/livestreams", new { name = "one" })).Expect(201).Data);
        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        await Org.GetAsync($"meetings/{meeting}/livestreams");
        var second = Id((await Org.PostAsync($"meetings/{meeting}/livestreams", new { name = "two" })).Expect(201).Data);
        (await Org.PostAsync($"meetings/{other}/livestreams")).Expect(201);

        var list = (await Org.GetAsync($"meetings/{meeting}/livestreams")).Expect(200);

        Assert.True(list.Json.GetProperty("success").GetBoolean());
        Assert.False(Has(list.Json, "paging"));
        Assert.Equal([first, second], list.Data.EnumerateArray().Select(Id));
        Assert.Equal(["OFFLINE", "LIVE"], list.Data.EnumerateArray().Select(l => Str(l, "status")));
        (await Org.GetAsync($"meetings/{Guid.NewGuid()}/livestreams")).ExpectError(404, "Meeting not found");
    }

    [Fact]
    public async Task Active_livestream_is_found_until_it_is_offline()
    {
        var meeting = await Org.CreateMeetingAsync();
        (await Org.GetAsync($"meetings/{meeting}/active-livestream")).ExpectError(404, "No active livestream");
        var started = (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data;

        var active = (await Org.GetAsync($"meetings/{meeting}/active-livestream")).Expect(200).Data;

        Assert.Equal((Id(started), "LIVE"), (Id(active), Str(active, "status")));
        (await Org.GetAsync($"meetings/{Guid.NewGuid()}/active-livestream")).ExpectError(404, "Meeting not found");
    }

    [Fact]
    public async Task Stop_answers_a_success_message_and_the_livestream_goes_offline()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id((await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data);

        var stopped = (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);

        Assert.True(stopped.Json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(stopped.Json.GetProperty("message").GetString()));
        var list = (await Org.GetAsync($"meetings/{meeting}/livestreams")).Expect(200);
        Assert.Equal((id, "OFFLINE"), (Id(list.Data[0]), Str(list.Data[0], "status")));
        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).ExpectError(404, "No active livestream");
    }

    [Fact]
    public async Task Stop_without_a_livestream_or_meeting_is_404()
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).ExpectError(404, "No active livestream");
        (await Org.PostAsync($"meetings/{Guid.NewGuid()}/active-livestream/stop")).ExpectError(404, "Meeting not found");
        (await Org.PostAsync("meetings/x/active-livestream/stop")).ExpectError(400, "'meetingId' must be a UUID");
    }
}

/// <summary>Livestream states that last a while: a long lifecycle delay keeps STARTING and STOPPING in place.</summary>
public sealed class SlowLivestreamTests : ApiTest
{
    protected override int LifecycleDelayMs => 60_000;

    [Fact]
    public async Task A_stopping_livestream_is_still_active_and_cannot_be_stopped_again()
    {
        var meeting = await Org.CreateMeetingAsync();
        (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201);
        Assert.Equal("STARTING", Str((await Org.GetAsync($"meetings/{meeting}/active-livestream")).Expect(200).Data, "status"));

        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);

        Assert.Equal("STOPPING", Str((await Org.GetAsync($"meetings/{meeting}/active-livestream")).Expect(200).Data, "status"));
        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).ExpectError(409, "Livestream is STOPPING; it cannot be stopped");
        (await Org.PostAsync($"meetings/{meeting}/livestreams")).ExpectError(409, "already has a livestream that is STOPPING");
    }
}
