namespace DytePS.Emulator.State;

/// <summary>
/// A participant of one meeting (the document's Participant schema). The auth token is issued on
/// add and on regeneration, never stored: GET and list answers have none, as on the service.
/// </summary>
public sealed class ParticipantRecord : IEntity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public string? Name { get; set; }
    public string? Picture { get; set; }
    public required string PresetName { get; set; }
    public string? CustomParticipantId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A snapshot for the response; take it under the organization's lock.</summary>
    public ParticipantView View(string? token = null) =>
        new(Id, Name, Picture, PresetName, CustomParticipantId, token, CreatedAt, UpdatedAt);
}

public sealed record ParticipantView(
    Guid Id, string? Name, string? Picture, string PresetName, string? CustomParticipantId, string? Token,
    DateTime CreatedAt, DateTime UpdatedAt);
