using DytePS.Emulator.Api;
using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Control;

/// <summary>
/// Participants joining and leaving meetings, which the SDKs do on the real service. The first
/// join starts a LIVE session, the last leave ends it; both answer the session.
/// </summary>
public static class PresenceEndpoints
{
    private const string Participant = "/organizations/{organizationId}/meetings/{meetingId}/participants/{participantId}";

    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost(Participant + "/join", (string organizationId, string meetingId, string participantId, EmulatorState state, EventDispatcher dispatcher, IStateStore store) =>
            Change(organizationId, meetingId, participantId, state, dispatcher, store, SessionLifecycle.Join));
        control.MapPost(Participant + "/leave", (string organizationId, string meetingId, string participantId, EmulatorState state, EventDispatcher dispatcher, IStateStore store) =>
            Change(organizationId, meetingId, participantId, state, dispatcher, store, SessionLifecycle.Leave));
    }

    private static IResult Change(
        string organizationId, string meetingId, string participantId, EmulatorState state, EventDispatcher dispatcher, IStateStore store,
        Func<Organization, MeetingRecord, ParticipantRecord, DateTime, SessionRecord> change)
    {
        var organization = ControlEndpoints.RequireOrganization(state, organizationId);
        return OrganizationWrites.Run(organization, store, dispatcher, () =>
        {
            lock (organization.Gate)
            {
                var now = state.UtcNow;
                organization.Advance(now);
                var participant = ParticipantEndpoints.FindParticipant(organization, meetingId, participantId);
                var meeting = organization.Meetings.Find(participant.MeetingId)!;
                return Results.Json(change(organization, meeting, participant, now).View(now), ApiJson.Options);
            }
        });
    }
}
