namespace DytePS.Emulator.Events;

/// <summary>The webhook events of dyte-v2.openapi.yaml (CreateWebhookRequest.events).</summary>
public static class EventNames
{
    public const string MeetingStarted = "meeting.started";
    public const string MeetingEnded = "meeting.ended";
    public const string ParticipantJoined = "meeting.participantJoined";
    public const string ParticipantLeft = "meeting.participantLeft";
    public const string RecordingStatusUpdate = "recording.statusUpdate";
    public const string LivestreamingStatusUpdate = "livestreaming.statusUpdate";

    public static readonly string[] All =
        [MeetingStarted, MeetingEnded, ParticipantJoined, ParticipantLeft, RecordingStatusUpdate, LivestreamingStatusUpdate];
}
