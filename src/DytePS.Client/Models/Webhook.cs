using System;
using System.Collections.Generic;

namespace DytePS
{
    /// <summary>A webhook subscription: the service POSTs the listed events to <see cref="Url"/>.</summary>
    public sealed class Webhook : DyteObject
    {
        public Guid Id { get; set; }
        public string? Name { get; set; }
        public string? Url { get; set; }
        public IReadOnlyList<string> Events { get; set; } = Array.Empty<string>();
        public bool? Enabled { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{Name} -> {Url}";
    }

    /// <summary>Body of createWebhook and updateWebhook (the API wants all three fields on update too).</summary>
    public sealed class WebhookDefinition
    {
        public string? Name { get; set; }
        public string? Url { get; set; }
        public IReadOnlyList<string>? Events { get; set; }
    }

    /// <summary>The events of the v2 document, in its order.</summary>
    public static class WebhookEvents
    {
        public const string MeetingStarted = "meeting.started";
        public const string MeetingEnded = "meeting.ended";
        public const string ParticipantJoined = "meeting.participantJoined";
        public const string ParticipantLeft = "meeting.participantLeft";
        public const string RecordingStatusUpdate = "recording.statusUpdate";
        public const string LivestreamingStatusUpdate = "livestreaming.statusUpdate";

        public static IReadOnlyList<string> All { get; } = new[]
        {
            MeetingStarted, MeetingEnded, ParticipantJoined, ParticipantLeft, RecordingStatusUpdate, LivestreamingStatusUpdate,
        };
    }
}
