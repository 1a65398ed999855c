using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;

namespace DytePS.Emulator.State;

/// <summary>
/// Participants joining and leaving a meeting, which the API cannot do (the SDKs do): the first
/// join starts a LIVE session, the last leave ends it. Driven by the control API. Call
/// everything under the organization's lock.
/// </summary>
public static class SessionLifecycle
{
    public static SessionRecord? LiveSession(Organization organization, Guid meetingId) =>
        organization.Sessions.InGroup(meetingId).LastOrDefault(s => s.Status == SessionRecord.Live);

    public static SessionRecord Join(Organization organization, MeetingRecord meeting, ParticipantRecord participant, DateTime now)
    {
        if (meeting.Status == "INACTIVE") throw ApiProblem.Conflict("The meeting is INACTIVE; nobody can join an INACTIVE meeting.");
        var session = LiveSession(organization, meeting.Id);
        if (session?.Attendee(participant.Id)?.Present == true)
            throw ApiProblem.Conflict("The participant is already in the meeting's live session.");
        if (session is null)
        {
            session = new SessionRecord { MeetingId = meeting.Id, StartedAt = now };
            organization.Sessions.Add(session);
            organization.Outbox.Raise(EventNames.MeetingStarted, EventPayloads.MeetingStarted(organization, meeting, session));
            RecordingLifecycle.SessionStarted(organization, session);
        }
        var attendee = session.Attendee(participant.Id) ?? session.AddAttendee(participant, now);
        attendee.PresentSince = now;
        session.LiveParticipants++;
        session.MaxConcurrentParticipants = Math.Max(session.MaxConcurrentParticipants, session.LiveParticipants);
        organization.Sessions.Changed(session);
        organization.Outbox.Raise(EventNames.ParticipantJoined, EventPayloads.ParticipantJoined(organization, meeting, session, attendee));
        return session;
    }

    public static SessionRecord Leave(Organization organization, MeetingRecord meeting, ParticipantRecord participant, DateTime now)
    {
        var session = LiveSession(organization, meeting.Id);
        var attendee = session?.Attendee(participant.Id);
        if (session is null || attendee?.PresentSince is not { } joined)
            throw ApiProblem.Conflict("The participant is not in the meeting's live session.");
        attendee.CompletedSeconds += (now - joined).TotalSeconds;
        attendee.PresentSince = null;
        attendee.LeftAt = now;
        session.LiveParticipants--;
        organization.Sessions.Changed(session);
        organization.Outbox.Raise(EventNames.ParticipantLeft, EventPayloads.ParticipantLeft(organization, meeting, session, attendee, joined));
        if (session.LiveParticipants == 0)
        {
            session.Status = SessionRecord.Ended;
            session.EndedAt = now;
            organization.Sessions.Changed(session);
            organization.Outbox.Raise(EventNames.MeetingEnded, EventPayloads.MeetingEnded(organization, meeting, session));
            RecordingLifecycle.SessionEnded(organization, session, now);
        }
        return session;
    }

    /// <summary>A deleted participant leaves the live session first, if in it.</summary>
    public static void Remove(Organization organization, MeetingRecord meeting, ParticipantRecord participant, DateTime now)
    {
        if (LiveSession(organization, meeting.Id)?.Attendee(participant.Id)?.Present == true)
            Leave(organization, meeting, participant, now);
    }
}
