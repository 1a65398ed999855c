using System.Security.Cryptography;
using DytePS.Emulator.Control;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listLivestreams, startLivestream, getActiveLivestream, stopLivestream.</summary>
public static class LivestreamEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{meetingId}/livestreams", List).Operation("listLivestreams");
        api.MapPost("/meetings/{meetingId}/livestreams", Start).Operation("startLivestream");
        api.MapGet("/meetings/{meetingId}/active-livestream", GetActive).Operation("getActiveLivestream");
        api.MapPost("/meetings/{meetingId}/active-livestream/stop", Stop).Operation("stopLivestream");
    }

    /// <summary>No paging block: the document's LivestreamListResponse has none.</summary>
    private static IResult List(HttpContext context, string meetingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock())
        {
            var meeting = MeetingEndpoints.FindMeeting(organization, meetingId);
            return ApiResults.Data(organization.Livestreams.InGroup(meeting.Id).Select(l => l.View()).ToList());
        }
    }

    private static async Task<IResult> Start(HttpContext context, string meetingId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var id = RouteIds.Parse(meetingId, nameof(meetingId));
        var body = await JsonBody.ReadAsync(context.Request, required: false);
        var name = body.String("name");
        lock (organization.Gate)
        {
            var meeting = organization.Meetings.Find(id) ?? throw ApiProblem.NotFound("Meeting");
            var now = state.UtcNow;
            var livestreamId = Guid.NewGuid();
            var livestream = new LivestreamRecord
            {
                Id = livestreamId,
                MeetingId = meeting.Id,
                Name = name,
                // An ingest address in the service's shape; the emulator does not accept RTMP.
                RtmpUrl = $"rtmp://{context.Request.Host.Host}:1935/live",
                StreamKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                PlaybackUrl = DownloadEndpoints.PlaybackUrlOf(context.Request, organization, livestreamId),
                CreatedAt = now,
            };
            LivestreamLifecycle.Start(organization, meeting, livestream, now);
            return ApiResults.Created(livestream.View());
        }
    }

    private static IResult GetActive(HttpContext context, string meetingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(FindActive(organization, meetingId).View());
    }

    private static IResult Stop(HttpContext context, string meetingId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        lock (organization.Gate) LivestreamLifecycle.Stop(organization, FindActive(organization, meetingId), state.UtcNow);
        return ApiResults.Message("Livestream stopped");
    }

    /// <summary>The meeting's livestream that is not OFFLINE; 404 for an unknown meeting or when there is none.</summary>
    private static LivestreamRecord FindActive(Organization organization, string meetingId)
    {
        var meeting = MeetingEndpoints.FindMeeting(organization, meetingId);
        return LivestreamLifecycle.Active(organization, meeting.Id)
            ?? throw new ApiProblem(StatusCodes.Status404NotFound, "No active livestream");
    }
}
