using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The recording operations. Lifecycle delay 0: each timed step shows at the next request.</summary>
public sealed class RecordingTests : ApiTest
{
    [Fact]
    public async Task Start_answers_201_invoked_with_the_prefixed_file_name_and_no_download_url_yet()
    {
        var meeting = await Org.CreateMeetingAsync();

        var started = (await Org.PostAsync("recordings", new
        {
            meeting_id = meeting,
            file_name_prefix = "standup",
            audio_config = new { codec = "AAC" },
            video_config = new { codec = "H264", width = 1280, height = 720 },
        })).Expect(201).Data;

        Assert.Equal((meeting, "INVOKED"), (Str(started, "meeting_id"), Str(started, "status")));
        Assert.Equal($"standup_{Id(started)}.mp4", Str(started, "output_file_name"));
        Assert.True(Has(started, "started_time"));
        Assert.False(Has(started, "download_url"));
        Assert.False(Has(started, "stopped_time"));
        Assert.False(Has(started, "session_id"));
        Assert.Equal(1280, started.GetProperty("video_config").GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Start_without_prefix_names_the_file_after_the_id_and_links_the_live_session()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        var session = Id((await Org.JoinAsync(meeting, participant)).Json);

        var started = await Org.StartRecordingAsync(meeting);

        Assert.Equal($"{Id(started)}.mp4", Str(started, "output_file_name"));
        Assert.Equal(session, Str(started, "session_id"));
    }

    [Theory]
    [InlineData("""{}""", "'meeting_id' is required")]
    [InlineData("""{"meeting_id":"nope"}""", "'meeting_id' must be a UUID")]
    [InlineData("""{"meeting_id":42}""", "'meeting_id' must be a string")]
    [InlineData("""{"meeting_id":"$M","file_name_prefix":1}""", "'file_name_prefix' must be a string")]
    [InlineData("""{"meeting_id":"$M","file_name_prefix":"a/b"}""", "'file_name_prefix' must not contain")]
    [InlineData("""{"meeting_id":"$M","audio_config":{"codec":"OGG"}}""", "'audio_config.codec' must be one of AAC, MP3")]
    [InlineData("""{"meeting_id":"$M","audio_config":"AAC"}""", "'audio_config' must be an object")]
    [InlineData("""{"meeting_id":"$M","video_config":{"codec":"AV1"}}""", "'video_config.codec' must be one of H264, VP8")]
    [InlineData("""{"meeting_id":"$M","video_config":{"width":0}}""", "'video_config.width' must be at least 1")]
    [InlineData("""{"meeting_id":"$M","video_config":{"height":"720"}}""", "'video_config.height' must be an integer")]
    [InlineData("""{"meeting_id":"$M","storage_config":{"type":"s3"}}""", "'storage_config.type' must be one of aws, gcs, azure, digitalocean")]
    [InlineData("""{"meeting_id":"$M","storage_config":{"type":"aws","secret":5}}""", "'storage_config.secret' must be a string")]
    [InlineData("""{"meeting_id":"$M","storage_config":[]}""", "'storage_config' must be an object")]
    public async Task Start_validates_the_body_naming_the_field(string body, string message)
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.PostAsync("recordings", body.Replace("$M", meeting))).ExpectError(400, message);
        Assert.Equal(0, (await Org.GetAsync("recordings")).Offsets.Total);
    }

    [Fact]
    public async Task Start_for_an_unknown_meeting_is_404()
    {
        (await Org.PostAsync("recordings", new { meeting_id = Guid.NewGuid() })).ExpectError(404, "Meeting not found");
    }

    [Fact]
    public async Task Only_one_active_recording_per_meeting()
    {
        var meeting = await Org.CreateMeetingAsync();
        var first = await Org.StartRecordingAsync(meeting);

        (await Org.PostAsync("recordings", new { meeting_id = meeting })).ExpectError(409, "already has an active recording");

        (await Org.PutAsync($"recordings/{Id(first)}", new { action = "stop" })).Expect(200);
        var second = await Org.StartRecordingAsync(meeting);
        Assert.NotEqual(Id(first), Id(second));
    }

    [Fact]
    public async Task Get_answers_the_recording_and_404_for_unknown_ids()
    {
        var meeting = await Org.CreateMeetingAsync();
        var started = await Org.StartRecordingAsync(meeting);

        var read = (await Org.GetAsync($"recordings/{Id(started)}")).Expect(200).Data;

        Assert.Equal((Id(started), meeting), (Id(read), Str(read, "meeting_id")));
        (await Org.GetAsync($"recordings/{Guid.NewGuid()}")).ExpectError(404, "Recording not found");
        (await Org.GetAsync("recordings/xyz")).ExpectError(400, "'recordingId' must be a UUID");
    }

    [Fact]
    public async Task List_pages_and_filters_by_meeting_and_status()
    {
        var meetings = new List<string>();
        for (var i = 0; i < 3; i++) meetings.Add(await Org.CreateMeetingAsync());
        var recordings = new List<string>();
        foreach (var meeting in meetings) recordings.Add(Id(await Org.StartRecordingAsync(meeting)));
        (await Org.PutAsync($"recordings/{recordings[0]}", new { action = "stop" })).Expect(200);
        await Org.GetAsync("recordings"); // the next request after stop: UPLOADED

        var page = (await Org.GetAsync("recordings?per_page=2&page_no=2")).Expect(200);
        var ofMeeting = (await Org.GetAsync($"recordings?meeting_id={meetings[1]}")).Expect(200);
        var uploaded = (await Org.GetAsync("recordings?status=UPLOADED")).Expect(200);
        var recording = (await Org.GetAsync("recordings?status=RECORDING")).Expect(200);

        Assert.Equal((3, 3, 3), page.Offsets);
        Assert.Equal(recordings[2], Id(page.Data[0]));
        Assert.Equal([recordings[1]], ofMeeting.Data.EnumerateArray().Select(Id));
        Assert.Equal([recordings[0]], uploaded.Data.EnumerateArray().Select(Id));
        Assert.Equal([recordings[1], recordings[2]], recording.Data.EnumerateArray().Select(Id));
    }

    [Theory]
    [InlineData("status=DONE", "'status' must be one of INVOKED, RECORDING, PAUSED, UPLOADING, UPLOADED, ERRORED")]
    [InlineData("meeting_id=123", "'meeting_id' must be a UUID")]
    [InlineData("per_page=0", "'per_page' must be a positive integer")]
    public async Task List_validates_its_query(string query, string message)
    {
        (await Org.GetAsync($"recordings?{query}")).ExpectError(400, message);
    }

    [Fact]
    public async Task Active_recording_is_the_meetings_unfinished_one()
    {
        var meeting = await Org.CreateMeetingAsync();
        (await Org.GetAsync($"recordings/active-recordings/{meeting}")).ExpectError(404, "No active recording");
        var started = await Org.StartRecordingAsync(meeting);

        var active = (await Org.GetAsync($"recordings/active-recordings/{meeting}")).Expect(200).Data;
        (await Org.PutAsync($"recordings/{Id(started)}", new { action = "stop" })).Expect(200);

        Assert.Equal(Id(started), Id(active));
        (await Org.GetAsync($"recordings/active-recordings/{meeting}")).ExpectError(404, "No active recording");
        (await Org.GetAsync($"recordings/active-recordings/{Guid.NewGuid()}")).ExpectError(404, "Meeting not found");
        (await Org.GetAsync("recordings/active-recordings/abc")).ExpectError(400, "'meetingId' must be a UUID");
    }

    [Fact]
    public async Task Pause_resume_and_stop_move_the_recording_through_its_states()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));
        await Org.GetAsync($"recordings/{id}"); // INVOKED -> RECORDING

        var paused = (await Org.PutAsync($"recordings/{id}", new { action = "pause" })).Expect(200).Data;
        var resumed = (await Org.PutAsync($"recordings/{id}", new { action = "resume" })).Expect(200).Data;
        var stopped = (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200).Data;
        var uploaded = (await Org.GetAsync($"recordings/{id}")).Expect(200).Data;

        Assert.Equal(["PAUSED", "RECORDING", "UPLOADING", "UPLOADED"], new[] { paused, resumed, stopped, uploaded }.Select(r => Str(r, "status")));
        Assert.True(Has(stopped, "stopped_time"));
        Assert.False(Has(stopped, "download_url"));
        Assert.Equal(Str(stopped, "stopped_time"), Str(uploaded, "stopped_time"));
    }

    [Fact]
    public async Task A_paused_recording_can_be_stopped()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));
        await Org.GetAsync($"recordings/{id}");
        (await Org.PutAsync($"recordings/{id}", new { action = "pause" })).Expect(200);

        var stopped = (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200).Data;

        Assert.Equal("UPLOADING", Str(stopped, "status"));
    }

    [Fact]
    public async Task Actions_that_do_not_fit_the_state_are_409_with_the_reason()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));
        await Org.GetAsync($"recordings/{id}");

        (await Org.PutAsync($"recordings/{id}", new { action = "resume" })).ExpectError(409, "Recording is RECORDING; it cannot be resumed");
        (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200);
        (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).ExpectError(409, "Recording is UPLOADED; it cannot be stopped");
        (await Org.PutAsync($"recordings/{id}", new { action = "pause" })).ExpectError(409, "Recording is UPLOADED; it cannot be paused");
    }

    [Theory]
    [InlineData("""{}""", 400, "'action' is required")]
    [InlineData("""{"action":"rewind"}""", 400, "'action' must be one of stop, pause, resume; got 'rewind'")]
    [InlineData("""{"action":"STOP"}""", 400, "'action' must be one of stop, pause, resume")]
    [InlineData("""{"action":1}""", 400, "'action' must be a string")]
    [InlineData("", 400, "A JSON request body is required")]
    public async Task Update_validates_the_action(string body, int status, string message)
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));

        (await Org.CallAsync(HttpMethod.Put, $"recordings/{id}", body)).ExpectError(status, message);
    }

    [Fact]
    public async Task Update_of_an_unknown_recording_is_404()
    {
        (await Org.PutAsync($"recordings/{Guid.NewGuid()}", new { action = "stop" })).ExpectError(404, "Recording not found");
        (await Org.PutAsync("recordings/not-an-id", new { action = "stop" })).ExpectError(400, "'recordingId' must be a UUID");
    }
}
