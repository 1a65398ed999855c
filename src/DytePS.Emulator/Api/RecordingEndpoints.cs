using DytePS.Emulator.Control;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listRecordings, startRecording, getRecording, updateRecording, getActiveRecording.</summary>
public static class RecordingEndpoints
{
    private static readonly string[] Actions = ["stop", "pause", "resume"];
    private static readonly string[] AudioCodecs = ["AAC", "MP3"];
    private static readonly string[] VideoCodecs = ["H264", "VP8"];
    private static readonly string[] StorageTypes = ["aws", "gcs", "azure", "digitalocean"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/recordings", List).Operation("listRecordings");
        api.MapPost("/recordings", Start).Operation("startRecording");
        // The literal segment wins over {recordingId}, so this route is not shadowed.
        api.MapGet("/recordings/active-recordings/{meetingId}", GetActive).Operation("getActiveRecording");
        api.MapGet("/recordings/{recordingId}", Get).Operation("getRecording");
        api.MapPut("/recordings/{recordingId}", Update).Operation("updateRecording");
    }

    /// <summary>Also takes the real service's filters meeting_id and status.</summary>
    private static IResult List(HttpContext context)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var page = PageQuery.From(context.Request);
        var meetingId = QueryFilters.Uuid(context.Request, "meeting_id");
        var status = QueryFilters.Enum(context.Request, "status", RecordingRecord.Statuses);
        using (organization.ReadLock())
        {
            var recordings = (meetingId is { } id ? organization.Recordings.InGroup(id) : organization.Recordings.All)
                .Where(r => status is null || r.Status == status)
                .ToList();
            return ApiResults.Page(page.Apply(recordings).Select(r => r.View()));
        }
    }

    private static async Task<IResult> Start(HttpContext context, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var body = await JsonBody.ReadAsync(context.Request);
        var meetingId = body.Uuid("meeting_id", required: true)!.Value;
        var prefix = body.String("file_name_prefix");
        // The file name becomes a path segment of download_url.
        if (prefix != null && prefix.IndexOfAny(['/', '\\']) >= 0)
            throw ApiProblem.BadRequest("'file_name_prefix' must not contain '/' or '\\'.");
        var audio = ReadAudio(body.Object("audio_config"));
        var video = ReadVideo(body.Object("video_config"));
        var storage = ReadStorage(body.Object("storage_config"));
        lock (organization.Gate)
        {
            var meeting = organization.Meetings.Find(meetingId) ?? throw ApiProblem.NotFound("Meeting");
            var now = state.UtcNow;
            var id = Guid.NewGuid();
            var fileName = string.IsNullOrEmpty(prefix) ? $"{id}.mp4" : $"{prefix}_{id}.mp4";
            var recording = new RecordingRecord
            {
                Id = id,
                MeetingId = meeting.Id,
                OutputFileName = fileName,
                FileUrl = DownloadEndpoints.UrlOf(context.Request, organization, id, fileName),
                FileSize = organization.RecordingFileSize,
                AudioConfig = audio,
                VideoConfig = video,
                StorageConfig = storage,
                StartedTime = now,
            };
            RecordingLifecycle.Start(organization, meeting, recording, now);
            return ApiResults.Created(recording.View());
        }
    }

    private static IResult Get(HttpContext context, string recordingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(FindRecording(organization, recordingId).View());
    }

    private static async Task<IResult> Update(HttpContext context, string recordingId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        RouteIds.Parse(recordingId, nameof(recordingId));
        var body = await JsonBody.ReadAsync(context.Request);
        var action = body.Enum("action", Actions, required: true);
        lock (organization.Gate)
        {
            var recording = FindRecording(organization, recordingId);
            switch (action)
            {
                case "stop": RecordingLifecycle.Stop(organization, recording, state.UtcNow); break;
                case "pause": RecordingLifecycle.Pause(organization, recording); break;
                default: RecordingLifecycle.Resume(organization, recording); break;
            }
            return ApiResults.Data(recording.View());
        }
    }

    private static IResult GetActive(HttpContext context, string meetingId)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock())
        {
            var meeting = MeetingEndpoints.FindMeeting(organization, meetingId);
            var recording = RecordingLifecycle.Active(organization, meeting.Id)
                ?? throw new ApiProblem(StatusCodes.Status404NotFound, "No active recording");
            return ApiResults.Data(recording.View());
        }
    }

    private static RecordingRecord FindRecording(Organization organization, string recordingId) =>
        organization.Recordings.Find(RouteIds.Parse(recordingId, nameof(recordingId))) ?? throw ApiProblem.NotFound("Recording");

    private static AudioConfigView? ReadAudio(JsonBody? config) =>
        config is null ? null : new AudioConfigView(config.Enum("codec", AudioCodecs));

    private static VideoConfigView? ReadVideo(JsonBody? config) =>
        config is null ? null : new VideoConfigView(config.Enum("codec", VideoCodecs), config.Int("width", min: 1), config.Int("height", min: 1));

    /// <summary>Validates the whole storage configuration but keeps only what is not a credential.</summary>
    private static StorageConfigView? ReadStorage(JsonBody? config)
    {
        if (config is null) return null;
        var type = config.Enum("type", StorageTypes);
        config.String("access_key");
        config.String("secret");
        return new StorageConfigView(type, config.String("bucket"), config.String("region"), config.String("path"));
    }
}
