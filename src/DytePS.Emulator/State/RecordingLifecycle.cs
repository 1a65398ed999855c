using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;

namespace DytePS.Emulator.State;

/// <summary>
/// Recording state changes, each raising recording.statusUpdate. Timed steps (INVOKED -> RECORDING,
/// UPLOADING -> UPLOADED, the stop after a session ends) take the organization's lifecycle delay
/// and happen in <see cref="Advance"/>. Call everything under the organization's lock.
/// </summary>
public static class RecordingLifecycle
{
    public static RecordingRecord? Active(Organization organization, Guid meetingId) =>
        organization.Recordings.InGroup(meetingId).LastOrDefault(r => r.IsActive);

    public static void Start(Organization organization, MeetingRecord meeting, RecordingRecord recording, DateTime now)
    {
        if (Active(organization, meeting.Id) is { } active)
            throw ApiProblem.Conflict($"The meeting already has an active recording ({active.Id}, {active.Status}); stop it before starting another.");
        recording.SessionId = SessionLifecycle.LiveSession(organization, meeting.Id)?.Id;
        recording.DueAt = now + organization.LifecycleDelay;
        organization.Recordings.Add(recording);
        Raise(organization, recording);
    }

    public static void Stop(Organization organization, RecordingRecord recording, DateTime now)
    {
        if (!recording.IsActive) throw Refused(recording, "stopped");
        recording.StoppedTime = now;
        recording.AutoStopAt = null;
        Move(organization, recording, RecordingRecord.Uploading, now + organization.LifecycleDelay);
    }

    public static void Pause(Organization organization, RecordingRecord recording)
    {
        if (recording.Status != RecordingRecord.Recording) throw Refused(recording, "paused");
        Move(organization, recording, RecordingRecord.Paused, null);
    }

    public static void Resume(Organization organization, RecordingRecord recording)
    {
        if (recording.Status != RecordingRecord.Paused) throw Refused(recording, "resumed");
        Move(organization, recording, RecordingRecord.Recording, null);
    }

    /// <summary>The meeting's session started: recordings waiting to stop by themselves keep going and join it.</summary>
    public static void SessionStarted(Organization organization, SessionRecord session)
    {
        foreach (var recording in organization.Recordings.InGroup(session.MeetingId).Where(r => r.IsActive))
        {
            recording.AutoStopAt = null;
            recording.SessionId ??= session.Id;
            organization.Recordings.Changed(recording);
        }
    }

    /// <summary>The meeting's session ended: its active recordings stop by themselves after the lifecycle delay.</summary>
    public static void SessionEnded(Organization organization, SessionRecord session, DateTime now)
    {
        foreach (var recording in organization.Recordings.InGroup(session.MeetingId).Where(r => r.IsActive))
        {
            recording.AutoStopAt = now + organization.LifecycleDelay;
            organization.Recordings.Changed(recording);
        }
    }

    public static void Advance(Organization organization, DateTime now)
    {
        foreach (var recording in organization.Recordings.All)
        {
            if (recording.IsActive && recording.AutoStopAt <= now)
                Stop(organization, recording, now);
            else if (recording.DueAt <= now && recording.Status == RecordingRecord.Invoked)
                Move(organization, recording, RecordingRecord.Recording, null);
            else if (recording.DueAt <= now && recording.Status == RecordingRecord.Uploading)
            {
                recording.UploadedAt = now;
                Move(organization, recording, RecordingRecord.Uploaded, null);
            }
        }
    }

    private static void Move(Organization organization, RecordingRecord recording, string status, DateTime? dueAt)
    {
        recording.Status = status;
        recording.DueAt = dueAt;
        organization.Recordings.Changed(recording);
        Raise(organization, recording);
    }

    private static void Raise(Organization organization, RecordingRecord recording)
    {
        var meeting = organization.Meetings.Find(recording.MeetingId);
        if (meeting != null)
            organization.Outbox.Raise(EventNames.RecordingStatusUpdate, EventPayloads.RecordingStatus(organization, meeting, recording));
    }

    private static ApiProblem Refused(RecordingRecord recording, string verb) =>
        ApiProblem.Conflict($"Recording is {recording.Status}; it cannot be {verb}.");
}
