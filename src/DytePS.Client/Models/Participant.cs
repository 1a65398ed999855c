using System;
using System.Text.Json.Serialization;

namespace DytePS
{
    /// <summary>A participant of a meeting, with the SDK auth token when the service returned one (add and regenerate).</summary>
    public sealed class Participant : DyteObject
    {
        public Guid Id { get; set; }

        /// <summary>The meeting this participant belongs to (filled in by the client: the API does not repeat it).</summary>
        [JsonIgnore]
        public Guid MeetingId { get; set; }

        public string? Name { get; set; }
        public string? Picture { get; set; }
        public string? PresetName { get; set; }
        public string? CustomParticipantId { get; set; }

        /// <summary>JWT that initializes the frontend SDKs; only present right after adding or regenerating.</summary>
        public string? Token { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>Body of addParticipant.</summary>
    public sealed class NewParticipant
    {
        public string? Name { get; set; }
        public string? Picture { get; set; }
        public string? PresetName { get; set; }
        public string? CustomParticipantId { get; set; }
    }

    /// <summary>Body of updateParticipant; null fields are left unchanged.</summary>
    public sealed class ParticipantUpdate
    {
        public string? Name { get; set; }
        public string? Picture { get; set; }
        public string? PresetName { get; set; }
    }

    /// <summary>A fresh SDK token for an existing participant (regenerateParticipantToken).</summary>
    public sealed class ParticipantToken : DyteObject
    {
        [JsonIgnore]
        public Guid MeetingId { get; set; }

        [JsonIgnore]
        public Guid ParticipantId { get; set; }

        public string? Token { get; set; }

        public override string ToString() => $"Token for participant {ParticipantId}";
    }
}
