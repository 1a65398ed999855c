namespace DytePS.Emulator.Tests.Support;

/// <summary>The 27 operations of dyte-v2.openapi.yaml: operationId, method and path with {placeholders}.</summary>
public static class Operations
{
    public static readonly (string Id, string Method, string Path)[] All =
    [
        ("listMeetings", "GET", "meetings"),
        ("createMeeting", "POST", "meetings"),
        ("getMeeting", "GET", "meetings/{m}"),
        ("updateMeeting", "PATCH", "meetings/{m}"),
        ("listParticipants", "GET", "meetings/{m}/participants"),
        ("addParticipant", "POST", "meetings/{m}/participants"),
        ("getParticipant", "GET", "meetings/{m}/participants/{x}"),
        ("updateParticipant", "PATCH", "meetings/{m}/participants/{x}"),
        ("deleteParticipant", "DELETE", "meetings/{m}/participants/{x}"),
        ("regenerateParticipantToken", "POST", "meetings/{m}/participants/{x}/token"),
        ("listSessions", "GET", "sessions"),
        ("getSession", "GET", "sessions/{x}"),
        ("listSessionParticipants", "GET", "sessions/{x}/participants"),
        ("getActiveSession", "GET", "active-sessions/{m}"),
        ("listRecordings", "GET", "recordings"),
        ("startRecording", "POST", "recordings"),
        ("getRecording", "GET", "recordings/{x}"),
        ("updateRecording", "PUT", "recordings/{x}"),
        ("getActiveRecording", "GET", "recordings/active-recordings/{m}"),
        ("listLivestreams", "GET", "meetings/{m}/livestreams"),
        ("startLivestream", "POST", "meetings/{m}/livestreams"),
        ("getActiveLivestream", "GET", "meetings/{m}/active-livestream"),
        ("stopLivestream", "POST", "meetings/{m}/active-livestream/stop"),
        ("listWebhooks", "GET", "webhooks"),
        ("createWebhook", "POST", "webhooks"),
        ("updateWebhook", "PATCH", "webhooks/{x}"),
        ("deleteWebhook", "DELETE", "webhooks/{x}"),
    ];

    public static IEnumerable<object[]> Data => All.Select(o => new object[] { o.Id, o.Method, o.Path });

    /// <summary>The path with fresh UUIDs in place of the placeholders.</summary>
    public static string Fill(string path, string? meetingId = null, string? otherId = null) =>
        path.Replace("{m}", meetingId ?? Guid.NewGuid().ToString()).Replace("{x}", otherId ?? Guid.NewGuid().ToString());
}
