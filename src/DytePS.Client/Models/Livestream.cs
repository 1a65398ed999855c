using System;
using System.Text.Json.Serialization;

namespace DytePS
{
    /// <summary>A livestream of a meeting: STARTING, LIVE, STOPPING, OFFLINE (the service also uses IDLE, ERRORED, INVOKED).</summary>
    public sealed class Livestream : DyteObject
    {
        public Guid Id { get; set; }

        /// <summary>The meeting being streamed (filled in by the client when the service leaves it out).</summary>
        public Guid MeetingId { get; set; }

        public string? Name { get; set; }
        public string? Status { get; set; }

        /// <summary>Ingest server to push the stream to.</summary>
        public string? RtmpUrl { get; set; }

        public string? StreamKey { get; set; }
        public string? PlaybackUrl { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        public override string ToString() => $"Livestream {Name} ({Status})";
    }

    internal sealed class NewLivestream
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }
}
