using System;
using System.Text.Json.Serialization;

namespace DytePS
{
    /// <summary>
    /// A recording: INVOKED, RECORDING, (PAUSED,) UPLOADING, then UPLOADED with a download URL,
    /// or ERRORED. Status is text so values the service adds never break reading.
    /// </summary>
    public sealed class Recording : DyteObject
    {
        public Guid Id { get; set; }
        public Guid MeetingId { get; set; }
        public Guid? SessionId { get; set; }
        public string? Status { get; set; }
        public string? OutputFileName { get; set; }
        public string? DownloadUrl { get; set; }
        public DateTimeOffset? DownloadUrlExpiry { get; set; }
        public long? FileSize { get; set; }
        public DateTimeOffset? StartedTime { get; set; }
        public DateTimeOffset? StoppedTime { get; set; }

        public override string ToString() => $"Recording {Id} ({Status})";
    }

    /// <summary>Body of startRecording.</summary>
    public sealed class NewRecording
    {
        public Guid MeetingId { get; set; }
        public string? FileNamePrefix { get; set; }
        public AudioConfig? AudioConfig { get; set; }
        public VideoConfig? VideoConfig { get; set; }
        public StorageConfig? StorageConfig { get; set; }
    }

    public sealed class AudioConfig
    {
        /// <summary>AAC or MP3.</summary>
        public string? Codec { get; set; }
    }

    public sealed class VideoConfig
    {
        /// <summary>H264 or VP8.</summary>
        public string? Codec { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
    }

    /// <summary>
    /// Custom storage for the output. The secret is sent once in the start request and never
    /// shown: <see cref="ToString"/> leaves it out and no response carries it.
    /// </summary>
    public sealed class StorageConfig
    {
        /// <summary>aws, gcs, azure or digitalocean.</summary>
        public string? Type { get; set; }
        public string? AccessKey { get; set; }
        public string? Secret { get; set; }
        public string? Bucket { get; set; }
        public string? Region { get; set; }
        public string? Path { get; set; }

        public override string ToString() => $"{Type} storage {Bucket}";
    }

    /// <summary>The actions of updateRecording.</summary>
    public enum RecordingAction
    {
        Stop,
        Pause,
        Resume,
    }

    internal sealed class RecordingActionRequest
    {
        [JsonPropertyName("action")]
        public string Action { get; set; } = "stop";
    }
}
