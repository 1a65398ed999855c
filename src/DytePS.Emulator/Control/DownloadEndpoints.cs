using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Control;

/// <summary>
/// Files the API's URLs point at: recordings' download_url (once UPLOADED) and livestreams'
/// playback_url. Unauthenticated, like the signed URLs of the service.
/// </summary>
public static class DownloadEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapMethods("/downloads/{organizationId}/{recordingId}/{fileName}", ["GET", "HEAD"], Download);
        control.MapGet("/playback/{organizationId}/{livestreamId}/index.m3u8", Playback);
    }

    /// <summary>The download_url of a recording: an absolute URL on the address the client used.</summary>
    public static string UrlOf(HttpRequest request, Organization organization, Guid recordingId, string fileName) =>
        $"{Origin(request)}{ControlPath.Root}/downloads/{organization.Id}/{recordingId}/{Uri.EscapeDataString(fileName)}";

    public static string PlaybackUrlOf(HttpRequest request, Organization organization, Guid livestreamId) =>
        $"{Origin(request)}{ControlPath.Root}/playback/{organization.Id}/{livestreamId}/index.m3u8";

    private static IResult Download(string organizationId, string recordingId, string fileName, EmulatorState state, EventDispatcher dispatcher, IStateStore store)
    {
        var organization = ControlEndpoints.RequireOrganization(state, organizationId);
        var id = RouteIds.Parse(recordingId, nameof(recordingId));
        long size;
        // A read: the due lifecycle steps (UPLOADING -> UPLOADED) if no write is under way.
        OrganizationWrites.AdvanceIfFree(organization, state.UtcNow, store, dispatcher);
        using (organization.ReadLock())
        {
            var recording = organization.Recordings.Find(id);
            if (recording is null || recording.OutputFileName != fileName) throw ApiProblem.NotFound("Recording file");
            if (recording.Status != RecordingRecord.Uploaded)
                throw new ApiProblem(StatusCodes.Status404NotFound, $"Recording is {recording.Status}; its file is available once UPLOADED");
            size = recording.FileSize;
        }
        return Results.Stream(new RecordingFileStream(id, size), "video/mp4", enableRangeProcessing: true);
    }

    /// <summary>A minimal HLS playlist, so a playback_url answers while its livestream exists.</summary>
    private static IResult Playback(string organizationId, string livestreamId, EmulatorState state)
    {
        var organization = ControlEndpoints.RequireOrganization(state, organizationId);
        var id = RouteIds.Parse(livestreamId, nameof(livestreamId));
        string status;
        using (organization.ReadLock()) status = (organization.Livestreams.Find(id) ?? throw ApiProblem.NotFound("Livestream")).Status;
        var ended = status == LivestreamRecord.Offline ? "#EXT-X-ENDLIST\n" : "";
        return Results.Text($"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n{ended}", "application/vnd.apple.mpegurl");
    }

    private static string Origin(HttpRequest request) =>
        $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
}
