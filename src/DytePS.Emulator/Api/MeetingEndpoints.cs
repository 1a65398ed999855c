using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listMeetings, createMeeting, getMeeting, updateMeeting.</summary>
public static class MeetingEndpoints
{
    private static readonly string[] Statuses = ["ACTIVE", "INACTIVE"];

    /// <summary>The longest title (the service documents none; this is the module's -Title limit).</summary>
    public const int MaxTitleLength = 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/meetings", List).Operation("listMeetings");
        api.MapPost("/meetings", Create).Operation("createMeeting");
        api.MapGet("/meetings/{meetingId}", Get).Operation("getMeeting");
        api.MapPatch("/meetings/{meetingId}", Update).Operation("updateMeeting");
    }

    private static IResult List(HttpContext context)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var page = PageQuery.From(context.Request);
        var search = context.Request.Query["search"].ToString();
        using (organization.ReadLock())
        {
            IReadOnlyList<MeetingRecord> meetings = organization.Meetings.All;
            if (!string.IsNullOrEmpty(search))
                meetings = meetings.Where(m => m.Title?.Contains(search, StringComparison.OrdinalIgnoreCase) == true).ToList();
            return ApiResults.Page(page.Apply(meetings));
        }
    }

    private static async Task<IResult> Create(HttpContext context, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var body = await JsonBody.ReadAsync(context.Request);
        if (BearerAuthFilter.IsRealtimeKit(context) && body.Sent("preferred_region"))
            throw ApiProblem.BadRequest("'preferred_region' does not exist on RealtimeKit; leave it out.");
        var now = state.UtcNow;
        var meeting = new MeetingRecord
        {
            Title = body.String("title", maxLength: MaxTitleLength),
            PreferredRegion = body.String("preferred_region"),
            RecordOnStart = body.Bool("record_on_start") ?? false,
            LiveStreamOnStart = body.Bool("live_stream_on_start") ?? false,
            CreatedAt = now,
            UpdatedAt = now,
        };
        lock (organization.Gate) organization.Meetings.Add(meeting);
        return ApiResults.Created(meeting);
    }

    private static IResult Get(HttpContext context, string meetingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(FindMeeting(organization, meetingId));
    }

    private static async Task<IResult> Update(HttpContext context, string meetingId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var id = RouteIds.Parse(meetingId, nameof(meetingId));
        var body = await JsonBody.ReadAsync(context.Request);
        var title = body.String("title", maxLength: MaxTitleLength);
        var status = body.Enum("status", Statuses);
        lock (organization.Gate)
        {
            var meeting = organization.Meetings.Find(id) ?? throw ApiProblem.NotFound("Meeting");
            if (title != null) meeting.Title = title;
            if (status != null) meeting.Status = status;
            meeting.UpdatedAt = state.UtcNow;
            organization.Meetings.Changed(meeting);
            return ApiResults.Data(meeting);
        }
    }

    /// <summary>The meeting with the route's id; 400 for a malformed id, 404 for an unknown one. Call under the organization's lock.</summary>
    public static MeetingRecord FindMeeting(Organization organization, string meetingId) =>
        organization.Meetings.Find(RouteIds.Parse(meetingId, nameof(meetingId))) ?? throw ApiProblem.NotFound("Meeting");
}
