namespace DytePS.Emulator.State;

/// <summary>
/// One live occurrence of a meeting (the document's Session schema): LIVE from the first join
/// until the last participant leaves, ENDED after. Started and ended by the control API's
/// join and leave (see <see cref="SessionLifecycle"/>).
/// </summary>
public sealed class SessionRecord : IEntity
{
    public const string Live = "LIVE";
    public const string Ended = "ENDED";
    public static readonly string[] Statuses = [Live, Ended];

    private readonly List<SessionAttendee> _attendees = new();
    private readonly Dictionary<Guid, SessionAttendee> _byParticipant = new();

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public string Status { get; set; } = Live;
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; set; }
    public int LiveParticipants { get; set; }
    public int MaxConcurrentParticipants { get; set; }

    /// <summary>Everyone who joined, in order of first join; a rejoin reuses the entry.</summary>
    public IReadOnlyList<SessionAttendee> Attendees => _attendees;

    public SessionAttendee? Attendee(Guid participantId) => _byParticipant.GetValueOrDefault(participantId);

    public SessionAttendee AddAttendee(ParticipantRecord participant, DateTime now)
    {
        var attendee = new SessionAttendee { Participant = participant, JoinedAt = now };
        _attendees.Add(attendee);
        _byParticipant.Add(participant.Id, attendee);
        return attendee;
    }

    /// <summary>Everything the session holds, attendees with their participant's fields, for the data file.</summary>
    public SessionSnapshot Snapshot() => new(Id, MeetingId, Status, StartedAt, EndedAt, LiveParticipants, MaxConcurrentParticipants,
        _attendees.Select(a => new AttendeeSnapshot(a.Participant, a.JoinedAt, a.LeftAt, a.PresentSince, a.CompletedSeconds)).ToList());

    /// <summary>
    /// The session as it was saved; each attendee is the organization's participant with that id
    /// (so renames show), or the saved copy when the participant was deleted since.
    /// </summary>
    public static SessionRecord Restore(SessionSnapshot snapshot, Func<Guid, ParticipantRecord?> participant)
    {
        var session = new SessionRecord
        {
            Id = snapshot.Id,
            MeetingId = snapshot.MeetingId,
            Status = snapshot.Status,
            StartedAt = snapshot.StartedAt,
            EndedAt = snapshot.EndedAt,
            LiveParticipants = snapshot.LiveParticipants,
            MaxConcurrentParticipants = snapshot.MaxConcurrentParticipants,
        };
        foreach (var saved in snapshot.Attendees)
        {
            var attendee = new SessionAttendee
            {
                Participant = participant(saved.Participant.Id) ?? saved.Participant,
                JoinedAt = saved.JoinedAt,
                LeftAt = saved.LeftAt,
                PresentSince = saved.PresentSince,
                CompletedSeconds = saved.CompletedSeconds,
            };
            session._attendees.Add(attendee);
            session._byParticipant.Add(attendee.Participant.Id, attendee);
        }
        return session;
    }

    /// <summary>Participant-minutes so far (the service bills per participant minute).</summary>
    public double MinutesConsumed(DateTime now) => Math.Round(_attendees.Sum(a => a.Seconds(now)) / 60, 4);

    /// <summary>A snapshot for the response; take it under the organization's lock.</summary>
    public SessionView View(DateTime now) =>
        new(Id, MeetingId, "meeting", Status, LiveParticipants, MaxConcurrentParticipants, MinutesConsumed(now), StartedAt, EndedAt);
}

/// <summary>A participant's presence in one session.</summary>
public sealed class SessionAttendee
{
    public required ParticipantRecord Participant { get; init; }
    public DateTime JoinedAt { get; init; }
    public DateTime? LeftAt { get; set; }

    /// <summary>Start of the current stay; null while the participant is away.</summary>
    public DateTime? PresentSince { get; set; }

    /// <summary>Seconds of earlier stays, for participants who left and joined again.</summary>
    public double CompletedSeconds { get; set; }

    public bool Present => PresentSince != null;

    public double Seconds(DateTime now) => CompletedSeconds + (PresentSince is { } since ? (now - since).TotalSeconds : 0);

    public SessionParticipantView View(DateTime now)
    {
        var p = Participant;
        return new(p.Id, p.Name, p.Picture, p.PresetName, p.CustomParticipantId, p.CreatedAt, p.UpdatedAt,
            JoinedAt, Present ? null : LeftAt, Math.Round(Seconds(now), 3));
    }
}

public sealed record SessionSnapshot(
    Guid Id, Guid MeetingId, string Status, DateTime StartedAt, DateTime? EndedAt, int LiveParticipants, int MaxConcurrentParticipants,
    List<AttendeeSnapshot> Attendees);

public sealed record AttendeeSnapshot(ParticipantRecord Participant, DateTime JoinedAt, DateTime? LeftAt, DateTime? PresentSince, double CompletedSeconds);

public sealed record SessionView(
    Guid Id, Guid AssociatedId, string Type, string Status, int LiveParticipants, int MaxConcurrentParticipants,
    double MinutesConsumed, DateTime StartedAt, DateTime? EndedAt);

/// <summary>The Participant fields plus the session's joined_at, left_at and duration (seconds).</summary>
public sealed record SessionParticipantView(
    Guid Id, string? Name, string? Picture, string PresetName, string? CustomParticipantId, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime JoinedAt, DateTime? LeftAt, double Duration);
