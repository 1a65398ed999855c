using System.Diagnostics;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>Delay 0: the triggering request shows the first state, the very next request the next one.</summary>
public sealed class ImmediateLifecycleTests : ApiTest
{
    [Fact]
    public async Task A_recording_goes_invoked_recording_uploading_uploaded_one_request_at_a_time()
    {
        var meeting = await Org.CreateMeetingAsync();

        var started = await Org.StartRecordingAsync(meeting);
        var next = (await Org.GetAsync($"recordings/{Id(started)}")).Expect(200).Data;
        var stopped = (await Org.PutAsync($"recordings/{Id(started)}", new { action = "stop" })).Expect(200).Data;
        var done = (await Org.GetAsync($"recordings/{Id(started)}")).Expect(200).Data;

        Assert.Equal(["INVOKED", "RECORDING", "UPLOADING", "UPLOADED"], new[] { started, next, stopped, done }.Select(r => Str(r, "status")));
        Assert.StartsWith("http://", Str(done, "download_url"));
        Assert.Equal(256 * 1024, done.GetProperty("file_size").GetInt64());
        Assert.True(done.GetProperty("download_url_expiry").GetDateTime() > done.GetProperty("stopped_time").GetDateTime());
    }

    [Fact]
    public async Task A_livestream_goes_starting_live_stopping_offline()
    {
        var meeting = await Org.CreateMeetingAsync();

        var started = (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201).Data;
        var live = (await Org.GetAsync($"meetings/{meeting}/active-livestream")).Expect(200).Data;
        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        var offline = (await Org.GetAsync($"meetings/{meeting}/livestreams")).Expect(200).Data[0];

        Assert.Equal(["STARTING", "LIVE", "OFFLINE"], new[] { started, live, offline }.Select(l => Str(l, "status")));
        (await Org.GetAsync($"meetings/{meeting}/active-livestream")).ExpectError(404, "No active livestream");
    }

    [Fact]
    public async Task When_the_session_ends_an_active_recording_stops_by_itself()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        await Org.JoinAsync(meeting, participant);
        var id = Id(await Org.StartRecordingAsync(meeting));
        Assert.Equal("RECORDING", Str((await Org.GetAsync($"recordings/{id}")).Data, "status"));

        var ended = (await Org.LeaveAsync(meeting, participant)).Expect(200).Json;
        var after = (await Org.GetAsync($"recordings/{id}")).Expect(200).Data;

        Assert.Equal("ENDED", Str(ended, "status"));
        Assert.Contains(Str(after, "status"), new[] { "UPLOADING", "UPLOADED" });
        Assert.True(Has(after, "stopped_time"));
        await Eventually.UntilAsync(async () => Str((await Org.GetAsync($"recordings/{id}")).Data, "status"), s => s == "UPLOADED", "the recording to be uploaded");
    }
}

/// <summary>A lifecycle delay long enough that nothing moves during the test.</summary>
public sealed class HeldLifecycleTests : ApiTest
{
    protected override int LifecycleDelayMs => 60_000;

    [Fact]
    public async Task Timed_states_hold_until_the_delay_has_passed()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));

        Assert.Equal("INVOKED", Str((await Org.GetAsync($"recordings/{id}")).Data, "status"));
        (await Org.PutAsync($"recordings/{id}", new { action = "pause" })).ExpectError(409, "Recording is INVOKED; it cannot be paused");
        var stopped = (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200).Data;
        Assert.Equal("UPLOADING", Str((await Org.GetAsync($"recordings/{id}")).Data, "status"));
        Assert.False(Has(stopped, "download_url"));
        (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).ExpectError(409, "Recording is UPLOADING; it cannot be stopped");
    }

    [Fact]
    public async Task A_recording_waits_for_the_delay_after_the_session_ends_and_a_new_join_keeps_it_going()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        await Org.JoinAsync(meeting, participant);
        var id = Id(await Org.StartRecordingAsync(meeting));

        await Org.LeaveAsync(meeting, participant);
        Assert.Equal("INVOKED", Str((await Org.GetAsync($"recordings/{id}")).Data, "status"));
        var stopDue = AutoStopAt(id);
        var rejoined = (await Org.JoinAsync(meeting, participant)).Expect(200).Json;

        // The stop is scheduled one lifecycle delay after the session ended, and a new session cancels it.
        Assert.InRange((stopDue!.Value - DateTime.UtcNow).TotalSeconds, 50, 61);
        Assert.Null(AutoStopAt(id));
        Assert.Equal("LIVE", Str(rejoined, "status"));
        Assert.Equal(id, Id((await Org.GetAsync($"recordings/active-recordings/{meeting}")).Expect(200).Data));
    }

    private DateTime? AutoStopAt(string recordingId)
    {
        var organization = Org.Emulator.State.Find(Org.OrganizationId)!;
        lock (organization.Gate) return organization.Recordings.Find(Guid.Parse(recordingId))!.AutoStopAt;
    }
}

/// <summary>A short real delay: transitions wait for it, then happen, with or without traffic.</summary>
public sealed class TimedLifecycleTests : ApiTest
{
    private const int DelayMs = 250;

    protected override int LifecycleDelayMs => DelayMs;

    [Fact]
    public async Task A_recording_becomes_recording_after_the_delay_and_not_before()
    {
        var meeting = await Org.CreateMeetingAsync();
        var clock = Stopwatch.StartNew();
        var id = Id(await Org.StartRecordingAsync(meeting));

        await Eventually.UntilAsync(async () => Str((await Org.GetAsync($"recordings/{id}")).Data, "status"), s => s == "RECORDING", "RECORDING");

        Assert.True(clock.ElapsedMilliseconds >= DelayMs - 20, $"became RECORDING after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_livestream_goes_live_and_offline_after_the_delay()
    {
        var meeting = await Org.CreateMeetingAsync();
        var clock = Stopwatch.StartNew();
        (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201);

        await Eventually.UntilAsync(async () => Str((await Org.GetAsync($"meetings/{meeting}/active-livestream")).Data, "status"), s => s == "LIVE", "LIVE");
        Assert.True(clock.ElapsedMilliseconds >= DelayMs - 20);
        (await Org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        await Eventually.UntilAsync(async () => (int)(await Org.GetAsync($"meetings/{meeting}/active-livestream")).Status, s => s == 404, "OFFLINE");

        Assert.Equal("OFFLINE", Str((await Org.GetAsync($"meetings/{meeting}/livestreams")).Data[0], "status"));
    }
}

/// <summary>The background ticker moves lifecycles on with no API traffic at all; watched through the published events.</summary>
public sealed class TickerTests
{
    [Fact]
    public async Task Transitions_happen_without_requests()
    {
        var org = await ApiClient.NewOrganizationAsync(lifecycleDelayMs: 100, emulator: await EventsEmulator.GetAsync());
        var meeting = await org.CreateMeetingAsync();
        await org.StartRecordingAsync(meeting);
        (await org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201);
        var requests = (await org.RequestLogAsync()).Json.GetArrayLength();

        await Eventually.UntilAsync(() => Statuses(org, "recording.statusUpdate").Contains("RECORDING")
            && Statuses(org, "livestreaming.statusUpdate").Contains("LIVE"), "RECORDING and LIVE without requests");

        Assert.Equal(requests, (await org.RequestLogAsync()).Json.GetArrayLength());
    }

    private static List<string> Statuses(ApiClient org, string eventName) =>
        EventsEmulator.Events.Of(org.OrganizationId)
            .Where(e => e.Name == eventName)
            .Select(e => (string)(e.Payload["recording"]?["status"] ?? e.Payload["status"])!)
            .ToList();
}
