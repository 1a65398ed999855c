namespace DytePS.Emulator.State;

/// <summary>A meeting as the service stores and returns it (the document's Meeting schema).</summary>
public sealed class MeetingRecord : IEntity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public string? Title { get; set; }
    public string? PreferredRegion { get; set; }
    public bool RecordOnStart { get; set; }
    public bool LiveStreamOnStart { get; set; }
    public string Status { get; set; } = "ACTIVE";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
