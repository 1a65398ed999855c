using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listSessions, getSession, listSessionParticipants, getActiveSession. Sessions come from joins and leaves (control API).</summary>
public static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sessions", List).Operation("listSessions");
        api.MapGet("/sessions/{sessionId}", Get).Operation("getSession");
        api.MapGet("/sessions/{sessionId}/participants", ListParticipants).Operation("listSessionParticipants");
        api.MapGet("/active-sessions/{meetingId}", GetActive).Operation("getActiveSession");
    }

    /// <summary>Also takes the real service's filters: status (LIVE|ENDED) and associated_id (a meeting id).</summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var page = PageQuery.From(context.Request);
        var status = QueryFilters.Enum(context.Request, "status", SessionRecord.Statuses);
        var meetingId = QueryFilters.Uuid(context.Request, "associated_id");
        using (organization.ReadLock())
        {
            var sessions = (meetingId is { } id ? organization.Sessions.InGroup(id) : organization.Sessions.All)
                .Where(s => status is null || s.Status == status)
                .ToList();
            var now = state.UtcNow;
            return ApiResults.Page(page.Apply(sessions).Select(s => s.View(now)));
        }
    }

    private static IResult Get(HttpContext context, string sessionId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(FindSession(organization, sessionId).View(state.UtcNow));
    }

    private static IResult ListParticipants(HttpContext context, string sessionId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var page = PageQuery.From(context.Request);
        using (organization.ReadLock())
        {
            var session = FindSession(organization, sessionId);
            var now = state.UtcNow;
            return ApiResults.Page(page.Apply(session.Attendees).Select(a => a.View(now)));
        }
    }

    private static IResult GetActive(HttpContext context, string meetingId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock())
        {
            var meeting = MeetingEndpoints.FindMeeting(organization, meetingId);
            var session = SessionLifecycle.LiveSession(organization, meeting.Id)
                ?? throw new ApiProblem(StatusCodes.Status404NotFound, "No active session");
            return ApiResults.Data(session.View(state.UtcNow));
        }
    }

    private static SessionRecord FindSession(Organization organization, string sessionId) =>
        organization.Sessions.Find(RouteIds.Parse(sessionId, nameof(sessionId))) ?? throw ApiProblem.NotFound("Session");
}
