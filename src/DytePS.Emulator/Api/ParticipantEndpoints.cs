using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listParticipants, addParticipant, getParticipant, updateParticipant, deleteParticipant, regenerateParticipantToken.</summary>
public static class ParticipantEndpoints
{
    private const string Collection = "/meetings/{meetingId}/participants";
    private const string Item = Collection + "/{participantId}";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Collection, List).Operation("listParticipants");
        api.MapPost(Collection, Add).Operation("addParticipant");
        api.MapGet(Item, Get).Operation("getParticipant");
        api.MapPatch(Item, Update).Operation("updateParticipant");
        api.MapDelete(Item, Delete).Operation("deleteParticipant");
        api.MapPost(Item + "/token", RegenerateToken).Operation("regenerateParticipantToken");
    }

    private static IResult List(HttpContext context, string meetingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var page = PageQuery.From(context.Request);
        using (organization.ReadLock())
        {
            var meeting = MeetingEndpoints.FindMeeting(organization, meetingId);
            return ApiResults.Page(page.Apply(organization.Participants.InGroup(meeting.Id)).Select(p => p.View()));
        }
    }

    private static async Task<IResult> Add(HttpContext context, string meetingId, EmulatorState state, ParticipantTokens tokens)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var id = RouteIds.Parse(meetingId, nameof(meetingId));
        var body = await JsonBody.ReadAsync(context.Request);
        var name = body.String("name");
        var picture = body.Url("picture");
        var presetName = body.String("preset_name", required: true, allowEmpty: false)!;
        var customId = body.String("custom_participant_id");
        lock (organization.Gate)
        {
            var meeting = organization.Meetings.Find(id) ?? throw ApiProblem.NotFound("Meeting");
            var now = state.UtcNow;
            var participant = new ParticipantRecord
            {
                MeetingId = meeting.Id,
                Name = name,
                Picture = picture,
                PresetName = presetName,
                CustomParticipantId = customId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            organization.Participants.Add(participant);
            return ApiResults.Created(participant.View(tokens.Issue(organization, participant, now)));
        }
    }

    private static IResult Get(HttpContext context, string meetingId, string participantId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(FindParticipant(organization, meetingId, participantId).View());
    }

    private static async Task<IResult> Update(HttpContext context, string meetingId, string participantId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        RouteIds.Parse(meetingId, nameof(meetingId));
        RouteIds.Parse(participantId, nameof(participantId));
        var body = await JsonBody.ReadAsync(context.Request);
        var name = body.String("name");
        var picture = body.Url("picture");
        var presetName = body.String("preset_name", allowEmpty: false);
        lock (organization.Gate)
        {
            var participant = FindParticipant(organization, meetingId, participantId);
            if (name != null) participant.Name = name;
            if (picture != null) participant.Picture = picture;
            if (presetName != null) participant.PresetName = presetName;
            participant.UpdatedAt = state.UtcNow;
            organization.Participants.Changed(participant);
            return ApiResults.Data(participant.View());
        }
    }

    private static IResult Delete(HttpContext context, string meetingId, string participantId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        lock (organization.Gate)
        {
            var participant = FindParticipant(organization, meetingId, participantId);
            // Someone deleted while in the meeting is removed from it, as the service does.
            SessionLifecycle.Remove(organization, organization.Meetings.Find(participant.MeetingId)!, participant, state.UtcNow);
            organization.Participants.Remove(participant.Id);
        }
        return ApiResults.Message("Participant deleted");
    }

    private static IResult RegenerateToken(HttpContext context, string meetingId, string participantId, EmulatorState state, ParticipantTokens tokens)
    {
        var organization = ApiCaller.OrganizationOf(context);
        lock (organization.Gate)
        {
            var participant = FindParticipant(organization, meetingId, participantId);
            return ApiResults.Data(new { token = tokens.Issue(organization, participant, state.UtcNow) });
        }
    }

    /// <summary>
    /// The route's participant; 400 for malformed ids, 404 for an unknown meeting or a participant
    /// that is not in that meeting. Call under the organization's lock.
    /// </summary>
    public static ParticipantRecord FindParticipant(Organization organization, string meetingId, string participantId)
    {
        var meetingGuid = RouteIds.Parse(meetingId, nameof(meetingId));
        var participantGuid = RouteIds.Parse(participantId, nameof(participantId));
        var meeting = organization.Meetings.Find(meetingGuid) ?? throw ApiProblem.NotFound("Meeting");
        var participant = organization.Participants.Find(participantGuid);
        return participant?.MeetingId == meeting.Id ? participant : throw ApiProblem.NotFound("Participant");
    }
}
