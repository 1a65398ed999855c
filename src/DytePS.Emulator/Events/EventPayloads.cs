using System.Globalization;
using System.Text.Json.Nodes;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Events;

/// <summary>
/// Webhook bodies shaped like Dyte's (camelCase, a "meeting" object with sessionId and
/// organizedBy). Built under the organization's lock from current values, so they are snapshots.
/// </summary>
public static class EventPayloads
{
    public static JsonObject MeetingStarted(Organization organization, MeetingRecord meeting, SessionRecord session) => new()
    {
        ["event"] = EventNames.MeetingStarted,
        ["meeting"] = Meeting(organization, meeting, session),
    };

    public static JsonObject MeetingEnded(Organization organization, MeetingRecord meeting, SessionRecord session) => new()
    {
        ["event"] = EventNames.MeetingEnded,
        ["meeting"] = Meeting(organization, meeting, session),
        ["reason"] = "ALL_PARTICIPANTS_LEFT",
    };

    public static JsonObject ParticipantJoined(Organization organization, MeetingRecord meeting, SessionRecord session, SessionAttendee attendee) => new()
    {
        ["event"] = EventNames.ParticipantJoined,
        ["meeting"] = Meeting(organization, meeting, session),
        ["participant"] = Participant(attendee, attendee.PresentSince ?? attendee.JoinedAt, left: null),
    };

    public static JsonObject ParticipantLeft(Organization organization, MeetingRecord meeting, SessionRecord session, SessionAttendee attendee, DateTime joined) => new()
    {
        ["event"] = EventNames.ParticipantLeft,
        ["meeting"] = Meeting(organization, meeting, session),
        ["participant"] = Participant(attendee, joined, attendee.LeftAt),
    };

    public static JsonObject RecordingStatus(Organization organization, MeetingRecord meeting, RecordingRecord recording)
    {
        var view = recording.View();
        return new JsonObject
        {
            ["event"] = EventNames.RecordingStatusUpdate,
            ["recording"] = new JsonObject
            {
                ["id"] = view.Id.ToString(),
                ["recordingId"] = view.Id.ToString(),
                ["meetingId"] = view.MeetingId.ToString(),
                ["sessionId"] = view.SessionId?.ToString(),
                ["status"] = view.Status,
                ["outputFileName"] = view.OutputFileName,
                ["downloadUrl"] = view.DownloadUrl,
                ["downloadUrlExpiry"] = Time(view.DownloadUrlExpiry),
                ["fileSize"] = view.FileSize,
                ["startedTime"] = Time(view.StartedTime),
                ["stoppedTime"] = Time(view.StoppedTime),
            },
            ["meeting"] = Meeting(organization, meeting, SessionOf(organization, recording.SessionId)),
        };
    }

    public static JsonObject LivestreamStatus(Organization organization, MeetingRecord meeting, LivestreamRecord livestream) => new()
    {
        ["event"] = EventNames.LivestreamingStatusUpdate,
        ["meetingId"] = meeting.Id.ToString(),
        ["streamId"] = livestream.Id.ToString(),
        ["name"] = livestream.Name,
        ["status"] = livestream.Status,
        ["meeting"] = Meeting(organization, meeting, LiveSessionOf(organization, meeting.Id)),
    };

    private static JsonObject Meeting(Organization organization, MeetingRecord meeting, SessionRecord? session) => new()
    {
        ["id"] = meeting.Id.ToString(),
        ["sessionId"] = session?.Id.ToString(),
        ["title"] = meeting.Title,
        // Dyte sends the session's status here (LIVE); without a session, the meeting's.
        ["status"] = session?.Status ?? meeting.Status,
        ["createdAt"] = Time(meeting.CreatedAt),
        ["startedAt"] = Time(session?.StartedAt),
        ["endedAt"] = Time(session?.EndedAt),
        ["organizedBy"] = new JsonObject { ["id"] = organization.Id, ["name"] = organization.Id },
    };

    private static JsonObject Participant(SessionAttendee attendee, DateTime joined, DateTime? left) => new()
    {
        ["id"] = attendee.Participant.Id.ToString(),
        ["peerId"] = attendee.Participant.Id.ToString(),
        ["userDisplayName"] = attendee.Participant.Name,
        ["customParticipantId"] = attendee.Participant.CustomParticipantId,
        ["presetName"] = attendee.Participant.PresetName,
        ["joinedAt"] = Time(joined),
        ["leftAt"] = Time(left),
    };

    private static SessionRecord? SessionOf(Organization organization, Guid? id) => id is { } value ? organization.Sessions.Find(value) : null;

    private static SessionRecord? LiveSessionOf(Organization organization, Guid meetingId) => SessionLifecycle.LiveSession(organization, meetingId);

    private static string? Time(DateTime? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
