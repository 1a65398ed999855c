namespace DytePS.Emulator.State;

/// <summary>
/// A recording of a meeting (the document's Recording schema plus the service's file_size and
/// download_url_expiry). Status moves INVOKED -> RECORDING (-> PAUSED -> RECORDING) -> UPLOADING
/// -> UPLOADED; see <see cref="RecordingLifecycle"/>. Storage credentials are never kept here.
/// </summary>
public sealed class RecordingRecord : IEntity
{
    public const string Invoked = "INVOKED";
    public const string Recording = "RECORDING";
    public const string Paused = "PAUSED";
    public const string Uploading = "UPLOADING";
    public const string Uploaded = "UPLOADED";
    public const string Errored = "ERRORED";
    public static readonly string[] Statuses = [Invoked, Recording, Paused, Uploading, Uploaded, Errored];

    /// <summary>How long a download_url stays valid, as the service's signed URLs do (not enforced).</summary>
    public static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromDays(1);

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public Guid? SessionId { get; set; }
    public string Status { get; set; } = Invoked;
    public required string OutputFileName { get; init; }

    /// <summary>Where the emulator serves the file; shown as download_url only once UPLOADED.</summary>
    public required string FileUrl { get; init; }

    public long FileSize { get; init; }
    public AudioConfigView? AudioConfig { get; init; }
    public VideoConfigView? VideoConfig { get; init; }
    public StorageConfigView? StorageConfig { get; init; }
    public DateTime StartedTime { get; init; }
    public DateTime? StoppedTime { get; set; }
    public DateTime? UploadedAt { get; set; }

    /// <summary>When the current timed step is due (INVOKED -> RECORDING, UPLOADING -> UPLOADED).</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>When the recording stops by itself because its meeting's session ended.</summary>
    public DateTime? AutoStopAt { get; set; }

    /// <summary>Counts against the one-active-recording-per-meeting rule.</summary>
    public bool IsActive => Status is Invoked or Recording or Paused;

    /// <summary>A snapshot for the response; take it under the organization's lock.</summary>
    public RecordingView View()
    {
        var uploaded = Status == Uploaded;
        return new(Id, MeetingId, SessionId, Status, OutputFileName, uploaded ? FileUrl : null, StartedTime, StoppedTime,
            uploaded ? FileSize : null, uploaded ? UploadedAt + DownloadUrlLifetime : null, AudioConfig, VideoConfig, StorageConfig);
    }
}

public sealed record RecordingView(
    Guid Id, Guid MeetingId, Guid? SessionId, string Status, string OutputFileName, string? DownloadUrl,
    DateTime StartedTime, DateTime? StoppedTime, long? FileSize, DateTime? DownloadUrlExpiry,
    AudioConfigView? AudioConfig, VideoConfigView? VideoConfig, StorageConfigView? StorageConfig);

public sealed record AudioConfigView(string? Codec);

public sealed record VideoConfigView(string? Codec, int? Width, int? Height);

/// <summary>The storage settings a recording was started with, without access_key and secret.</summary>
public sealed record StorageConfigView(string? Type, string? Bucket, string? Region, string? Path);
