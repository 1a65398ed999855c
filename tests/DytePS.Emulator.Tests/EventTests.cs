using System.Text.Json.Nodes;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The webhook event hook: what is published, when, in which order and shape.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private ApiClient _org = null!;

    public async Task InitializeAsync() => _org = await ApiClient.NewOrganizationAsync(0, await EventsEmulator.GetAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    private IReadOnlyList<(string Name, JsonObject Payload)> Events => EventsEmulator.Events.Of(_org.OrganizationId);

    [Fact]
    public async Task A_meeting_with_a_recording_and_a_livestream_publishes_every_event_in_order()
    {
        var meeting = await _org.CreateMeetingAsync("Events");
        var participant = (await _org.PostAsync($"meetings/{meeting}/participants", new { name = "Ann", preset_name = "host", custom_participant_id = "ann-1" })).Expect(201).Data;
        var participantId = participant.GetProperty("id").GetString()!;
        var session = (await _org.JoinAsync(meeting, participantId)).Expect(200).Json.GetProperty("id").GetString();
        var recording = (await _org.StartRecordingAsync(meeting)).GetProperty("id").GetString();
        (await _org.PostAsync($"meetings/{meeting}/livestreams", new { name = "ls" })).Expect(201);
        await _org.GetAsync("recordings"); // RECORDING, LIVE
        (await _org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        await _org.LeaveAsync(meeting, participantId);

        await Eventually.UntilAsync(() => Events.Any(e => e.Name == "recording.statusUpdate" && Status(e) == "UPLOADED")
            && Events.Any(e => e.Name == "livestreaming.statusUpdate" && Status(e) == "OFFLINE"), "the last events");

        var names = Events.Select(e => e.Name).ToList();
        Assert.Equal(["meeting.started", "meeting.participantJoined"], names.Take(2));
        Assert.True(names.IndexOf("meeting.participantLeft") < names.IndexOf("meeting.ended"));
        Assert.Equal(["INVOKED", "RECORDING", "UPLOADING", "UPLOADED"], StatusesOf("recording.statusUpdate"));
        Assert.Equal(["STARTING", "LIVE", "STOPPING", "OFFLINE"], StatusesOf("livestreaming.statusUpdate"));

        var started = Single("meeting.started");
        Assert.Equal("meeting.started", (string?)started["event"]);
        Assert.Equal((meeting, session, "Events", "LIVE"), ((string?)started["meeting"]!["id"], (string?)started["meeting"]!["sessionId"], (string?)started["meeting"]!["title"], (string?)started["meeting"]!["status"]));
        Assert.Equal(_org.OrganizationId, (string?)started["meeting"]!["organizedBy"]!["id"]);
        var joined = Single("meeting.participantJoined")["participant"]!;
        Assert.Equal((participantId, "Ann", "ann-1"), ((string?)joined["peerId"], (string?)joined["userDisplayName"], (string?)joined["customParticipantId"]));
        Assert.NotNull((string?)Single("meeting.participantLeft")["participant"]!["leftAt"]);
        var ended = Single("meeting.ended");
        Assert.Equal(("ALL_PARTICIPANTS_LEFT", "ENDED"), ((string?)ended["reason"], (string?)ended["meeting"]!["status"]));
        Assert.NotNull((string?)ended["meeting"]!["endedAt"]);
        var uploaded = Events.Last(e => e.Name == "recording.statusUpdate").Payload["recording"]!;
        Assert.Equal((recording, session), ((string?)uploaded["id"], (string?)uploaded["sessionId"]));
        Assert.StartsWith("http://", (string?)uploaded["downloadUrl"]);
    }

    [Fact]
    public async Task Participants_and_webhooks_alone_publish_nothing()
    {
        var meeting = await _org.CreateMeetingAsync();
        await _org.AddParticipantAsync(meeting);
        (await _org.PostAsync("webhooks", new { name = "w", url = "https://example.com/", events = new[] { "meeting.started" } })).Expect(201);

        Assert.Empty(Events);
    }

    private JsonObject Single(string name) => Assert.Single(Events, e => e.Name == name).Payload;

    private List<string> StatusesOf(string name) => Events.Where(e => e.Name == name).Select(Status).ToList();

    private static string Status((string Name, JsonObject Payload) e) =>
        (string)(e.Payload["recording"]?["status"] ?? e.Payload["status"])!;
}
