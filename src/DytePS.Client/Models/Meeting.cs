using System;
using System.Text.Json.Serialization;
using DytePS.Client;

namespace DytePS
{
    /// <summary>A meeting room. Meetings are never deleted; cleanup sets <see cref="Status"/> to INACTIVE.</summary>
    public sealed class Meeting : DyteObject
    {
        public Guid Id { get; set; }
        public string? Title { get; set; }
        public string? PreferredRegion { get; set; }
        public bool RecordOnStart { get; set; }
        public bool LiveStreamOnStart { get; set; }

        /// <summary>ACTIVE or INACTIVE (kept as text so new service values never break reading).</summary>
        public string? Status { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{Title} ({Id})";
    }

    /// <summary>Whether participants can join a meeting.</summary>
    [JsonConverter(typeof(UpperCaseEnumConverter<MeetingStatus>))]
    public enum MeetingStatus
    {
        Active,
        Inactive,
    }

    /// <summary>Body of createMeeting.</summary>
    public sealed class NewMeeting
    {
        public string? Title { get; set; }
        public string? PreferredRegion { get; set; }
        public bool? RecordOnStart { get; set; }
        public bool? LiveStreamOnStart { get; set; }
    }

    /// <summary>Body of updateMeeting; null fields are left unchanged.</summary>
    public sealed class MeetingUpdate
    {
        public string? Title { get; set; }
        public MeetingStatus? Status { get; set; }
    }
}
