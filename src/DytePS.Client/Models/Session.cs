using System;
using System.Text.Json.Serialization;

namespace DytePS
{
    /// <summary>One live occurrence of a meeting: LIVE while people are in it, ENDED after.</summary>
    public sealed class Session : DyteObject
    {
        public Guid Id { get; set; }

        /// <summary>
        /// The meeting this session belongs to. Text, as the document types it (a string with no
        /// format): PowerShell converts it to the Guid a -MeetingId parameter wants when piped.
        /// </summary>
        public string? AssociatedId { get; set; }

        public string? Type { get; set; }

        /// <summary>LIVE or ENDED.</summary>
        public string? Status { get; set; }

        // The document's integer has no format, so it may exceed 32 bits.
        public long LiveParticipants { get; set; }
        public long MaxConcurrentParticipants { get; set; }
        public double MinutesConsumed { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? EndedAt { get; set; }

        public override string ToString() => $"Session {Id} of meeting {AssociatedId} ({Status})";
    }

    /// <summary>Someone who took part in a session.</summary>
    public sealed class SessionParticipant : DyteObject
    {
        public Guid Id { get; set; }

        /// <summary>The session (filled in by the client).</summary>
        [JsonIgnore]
        public Guid SessionId { get; set; }

        public string? Name { get; set; }
        public string? Picture { get; set; }
        public string? PresetName { get; set; }
        public string? CustomParticipantId { get; set; }
        public DateTimeOffset? JoinedAt { get; set; }
        public DateTimeOffset? LeftAt { get; set; }

        /// <summary>Seconds in the session, when the service says.</summary>
        public double? Duration { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }
}
