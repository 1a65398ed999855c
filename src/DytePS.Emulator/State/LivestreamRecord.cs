namespace DytePS.Emulator.State;

/// <summary>
/// A livestream of a meeting (the document's Livestream schema plus meeting_id and created_at).
/// Status moves STARTING -> LIVE -> STOPPING -> OFFLINE; see <see cref="LivestreamLifecycle"/>.
/// </summary>
public sealed class LivestreamRecord : IEntity
{
    public const string Starting = "STARTING";
    public const string Live = "LIVE";
    public const string Stopping = "STOPPING";
    public const string Offline = "OFFLINE";

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public string? Name { get; init; }
    public string Status { get; set; } = Starting;
    public required string RtmpUrl { get; init; }
    public required string StreamKey { get; init; }
    public required string PlaybackUrl { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>When the current timed step is due (STARTING -> LIVE, STOPPING -> OFFLINE).</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Anything but OFFLINE: a meeting has at most one such livestream.</summary>
    public bool IsActive => Status != Offline;

    /// <summary>A snapshot for the response; take it under the organization's lock.</summary>
    public LivestreamView View() => new(Id, Name, Status, RtmpUrl, StreamKey, PlaybackUrl, MeetingId, CreatedAt);
}

public sealed record LivestreamView(
    Guid Id, string? Name, string Status, string RtmpUrl, string StreamKey, string PlaybackUrl, Guid MeetingId, DateTime CreatedAt);
