using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;

namespace DytePS.Emulator.State;

/// <summary>
/// Livestream state changes, each raising livestreaming.statusUpdate. STARTING -> LIVE and
/// STOPPING -> OFFLINE take the organization's lifecycle delay and happen in <see cref="Advance"/>.
/// Call everything under the organization's lock.
/// </summary>
public static class LivestreamLifecycle
{
    /// <summary>The meeting's livestream that is not OFFLINE, if any (there is at most one).</summary>
    public static LivestreamRecord? Active(Organization organization, Guid meetingId) =>
        organization.Livestreams.InGroup(meetingId).LastOrDefault(l => l.IsActive);

    public static void Start(Organization organization, MeetingRecord meeting, LivestreamRecord livestream, DateTime now)
    {
        if (Active(organization, meeting.Id) is { } active)
            throw ApiProblem.Conflict($"The meeting already has a livestream that is {active.Status} ({active.Id}); stop it before starting another.");
        livestream.DueAt = now + organization.LifecycleDelay;
        organization.Livestreams.Add(livestream);
        Raise(organization, livestream);
    }

    public static void Stop(Organization organization, LivestreamRecord livestream, DateTime now)
    {
        if (livestream.Status is not (LivestreamRecord.Starting or LivestreamRecord.Live))
            throw ApiProblem.Conflict($"Livestream is {livestream.Status}; it cannot be stopped.");
        Move(organization, livestream, LivestreamRecord.Stopping, now + organization.LifecycleDelay);
    }

    public static void Advance(Organization organization, DateTime now)
    {
        foreach (var livestream in organization.Livestreams.All)
        {
            if (!(livestream.DueAt <= now)) continue;
            if (livestream.Status == LivestreamRecord.Starting) Move(organization, livestream, LivestreamRecord.Live, null);
            else if (livestream.Status == LivestreamRecord.Stopping) Move(organization, livestream, LivestreamRecord.Offline, null);
        }
    }

    private static void Move(Organization organization, LivestreamRecord livestream, string status, DateTime? dueAt)
    {
        livestream.Status = status;
        livestream.DueAt = dueAt;
        organization.Livestreams.Changed(livestream);
        Raise(organization, livestream);
    }

    private static void Raise(Organization organization, LivestreamRecord livestream)
    {
        var meeting = organization.Meetings.Find(livestream.MeetingId);
        if (meeting != null)
            organization.Outbox.Raise(EventNames.LivestreamingStatusUpdate, EventPayloads.LivestreamStatus(organization, meeting, livestream));
    }
}
