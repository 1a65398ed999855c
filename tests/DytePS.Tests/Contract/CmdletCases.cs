using System.Collections;
using System.Management.Automation;
using System.Security;

namespace DytePS.Tests.Contract;

/// <summary>What a cmdlet writes for one answer of its operation.</summary>
public enum Writes
{
    /// <summary>One object per item of the answer's data (sliced by -Skip/-First, plus the total with -IncludeTotalCount).</summary>
    Items,
    /// <summary>The one object in data.</summary>
    One,
    Nothing,
}

/// <summary>
/// A cmdlet call that sends one operation of the document, with random valid parameters: names
/// and titles in any script, optional parameters sometimes left out, switches sometimes given.
/// </summary>
public sealed record CmdletCase(string OperationId, Writes Writes, Func<Random, (string Command, Hashtable Parameters)> Call)
{
    private static readonly string[] Names =
    [
        "Weekly standup", "Réunion d'équipe – Ω", "週次ミーティング", "🎥 Stand-up 👩🏽‍💻", "quotes ' \" ‘ ’ “ ”",
        "a", new string('n', 255), "RTL עברית", "$(Get-Date) not expanded", "100%",
    ];

    private static readonly string[] Pictures =
    [
        "https://example.com/avatars/ada.png", "http://127.0.0.1:9/x.png", "https://example.com/a%20b.png?size=64#top",
        "https://例え.jp/画像.png", "https://example.com/path with space.png",
    ];

    private static readonly string[] Events =
        ["meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft", "recording.statusUpdate", "livestreaming.statusUpdate"];

    public override string ToString() => OperationId;

    public static IReadOnlyList<CmdletCase> All { get; } =
    [
        new("listMeetings", Writes.Items, r => ("Get-DyteMeeting", Paging(r, Maybe(r, "Search", Pick(r, Names))))),
        new("createMeeting", Writes.One, r => ("New-DyteMeeting", With(
            ("Title", Pick(r, Names)), ("PreferredRegion", r.Next(3) == 0 ? Pick(r, ["ap-south-1", "us-east-1", "eu-central-1"]) : null),
            ("RecordOnStart", Flag(r)), ("LiveStreamOnStart", Flag(r))))),
        new("getMeeting", Writes.One, r => ("Get-DyteMeeting", With(("MeetingId", Id(r))))),
        new("updateMeeting", Writes.One, r => ("Set-DyteMeeting", AtLeastOne(r, With(("MeetingId", Id(r)), ("PassThru", true)),
            ("Title", Pick(r, Names)), ("Status", Pick(r, ["ACTIVE", "INACTIVE", "inactive", "Active"]))))),
        new("listParticipants", Writes.Items, r => ("Get-DyteParticipant", Paging(r, With(("MeetingId", Id(r)))))),
        new("addParticipant", Writes.One, r => ("New-DyteParticipant", With(
            ("MeetingId", Id(r)), ("PresetName", Pick(r, ["group_call_host", "webinar_viewer", "Präsentator 🎤"])),
            ("Name", r.Next(3) > 0 ? Pick(r, Names) : null), ("Picture", r.Next(2) == 0 ? Pick(r, Pictures) : null),
            ("CustomParticipantId", r.Next(2) == 0 ? Pick(r, ["emp-1001", "ü-42", "🙂"]) : null)))),
        new("getParticipant", Writes.One, r => ("Get-DyteParticipant", With(("MeetingId", Id(r)), ("ParticipantId", Id(r))))),
        new("updateParticipant", Writes.One, r => ("Set-DyteParticipant", AtLeastOne(r,
            With(("MeetingId", Id(r)), ("ParticipantId", Id(r)), ("PassThru", true)),
            ("Name", Pick(r, Names)), ("Picture", Pick(r, Pictures)), ("PresetName", Pick(r, ["group_call_host", "viewer"]))))),
        new("deleteParticipant", Writes.Nothing, r => ("Remove-DyteParticipant", With(("MeetingId", Id(r)), ("ParticipantId", Id(r)), ("Force", true)))),
        new("regenerateParticipantToken", Writes.One, r => ("New-DyteParticipantToken", With(("MeetingId", Id(r)), ("ParticipantId", Id(r))))),
        new("listSessions", Writes.Items, r => ("Get-DyteSession", Paging(r, With(
            ("MeetingId", r.Next(2) == 0 ? Id(r) : null), ("Status", r.Next(2) == 0 ? Pick(r, ["LIVE", "ended"]) : null))))),
        new("getSession", Writes.One, r => ("Get-DyteSession", With(("SessionId", Id(r))))),
        new("listSessionParticipants", Writes.Items, r => ("Get-DyteSessionParticipant", Paging(r, With(("SessionId", Id(r)))))),
        new("getActiveSession", Writes.One, r => ("Get-DyteSession", With(("MeetingId", Id(r)), ("Active", true)))),
        new("listRecordings", Writes.Items, r => ("Get-DyteRecording", Paging(r, With(
            ("MeetingId", r.Next(2) == 0 ? Id(r) : null), ("Status", r.Next(2) == 0 ? Pick(r, ["UPLOADED", "recording", "PAUSED"]) : null))))),
        new("startRecording", Writes.One, r => ("Start-DyteRecording", StartRecording(r))),
        new("getRecording", Writes.One, r => ("Get-DyteRecording", With(("RecordingId", Id(r))))),
        new("updateRecording", Writes.One, r => r.Next(3) switch
        {
            0 => ("Stop-DyteRecording", With(("RecordingId", Id(r)), ("Force", true))),
            1 => ("Suspend-DyteRecording", With(("RecordingId", Id(r)))),
            _ => ("Resume-DyteRecording", With(("RecordingId", Id(r)))),
        }),
        new("getActiveRecording", Writes.One, r => ("Get-DyteRecording", With(("MeetingId", Id(r)), ("Active", true)))),
        new("listLivestreams", Writes.Items, r => ("Get-DyteLivestream", Paging(r, With(("MeetingId", Id(r)))))),
        new("startLivestream", Writes.One, r => ("Start-DyteLivestream", With(("MeetingId", Id(r)), ("Name", r.Next(2) == 0 ? Pick(r, Names) : null)))),
        new("getActiveLivestream", Writes.One, r => ("Get-DyteLivestream", With(("MeetingId", Id(r)), ("Active", true)))),
        new("stopLivestream", Writes.Nothing, r => ("Stop-DyteLivestream", With(("MeetingId", Id(r)), ("Force", true)))),
        new("listWebhooks", Writes.Items, r => ("Get-DyteWebhook", With())),
        new("createWebhook", Writes.One, r => ("New-DyteWebhook", With(("Name", Pick(r, Names)), ("Url", Pick(r, Pictures)), ("Event", SomeEvents(r))))),
        // Every field given: the update alone, no read first.
        new("updateWebhook", Writes.One, r => ("Set-DyteWebhook", With(
            ("WebhookId", Id(r)), ("Name", Pick(r, Names)), ("Url", Pick(r, Pictures)), ("Event", SomeEvents(r)), ("PassThru", true)))),
        new("deleteWebhook", Writes.Nothing, r => ("Remove-DyteWebhook", With(("WebhookId", Id(r)), ("Force", true)))),
    ];

    /// <summary>The objects the cmdlet should write for <paramref name="items"/> items in the list's first answer.</summary>
    public static int ExpectedItems(Hashtable parameters, int items)
    {
        var pageSize = parameters["PageSize"] is int size ? size : 100;
        var skip = parameters["Skip"] is ulong s ? (long)s : 0;
        long? first = parameters["First"] is ulong f ? (long)f : null;
        // As the pager slices: small first slices ask for pages no bigger than the slice.
        var page = skip == 0 && first.HasValue ? Math.Max(1, Math.Min(pageSize, first.Value)) : pageSize;
        var written = Math.Max(0, items - skip % page);
        if (first.HasValue) written = Math.Min(written, first.Value);
        return (int)written + (parameters.ContainsKey("IncludeTotalCount") ? 1 : 0);
    }

    private static Hashtable StartRecording(Random r)
    {
        var parameters = With(("MeetingId", Id(r)),
            ("FileNamePrefix", r.Next(2) == 0 ? Pick(r, ["standup", "a.b_c-d", "X"]) : null),
            ("AudioCodec", r.Next(2) == 0 ? Pick(r, ["AAC", "mp3", "Aac"]) : null),
            ("VideoCodec", r.Next(2) == 0 ? Pick(r, ["H264", "vp8"]) : null),
            ("Width", r.Next(2) == 0 ? r.Next(16, 7681) : null),
            ("Height", r.Next(2) == 0 ? r.Next(16, 4321) : null));
        if (r.Next(3) == 0)
        {
            var secret = new SecureString();
            foreach (var c in "s3cr3t/" + r.Next()) secret.AppendChar(c);
            parameters["StorageType"] = Pick(r, ["aws", "GCS", "Azure", "digitalocean"]);
            parameters["StorageCredential"] = new PSCredential("AKIAEXAMPLE", secret);
            parameters["StorageBucket"] = Pick(r, ["recordings", "bücket"]);
            if (r.Next(2) == 0) parameters["StorageRegion"] = "eu-west-1";
            if (r.Next(2) == 0) parameters["StoragePath"] = Pick(r, ["meetings/2026", "ü/🎥"]);
        }
        return parameters;
    }

    private static string[] SomeEvents(Random r) => Events.Where(_ => r.Next(2) == 0).DefaultIfEmpty(Events[r.Next(Events.Length)]).ToArray();

    private static Hashtable Paging(Random r, Hashtable parameters)
    {
        if (r.Next(2) == 0) parameters["PageSize"] = r.Next(3) == 0 ? r.Next(1, 1001) : Pick(r, [1, 10, 100]);
        if (r.Next(3) == 0) parameters["First"] = (ulong)r.Next(1, 300);
        if (r.Next(4) == 0) parameters["Skip"] = (ulong)r.Next(0, 30);
        if (r.Next(4) == 0) parameters["IncludeTotalCount"] = true;
        return parameters;
    }

    private static Hashtable Maybe(Random r, string name, object value) => r.Next(3) == 0 ? With((name, value)) : With();

    private static Hashtable AtLeastOne(Random r, Hashtable parameters, params (string Name, object Value)[] options)
    {
        var chosen = options.Where(_ => r.Next(2) == 0).DefaultIfEmpty(options[r.Next(options.Length)]);
        foreach (var (name, value) in chosen) parameters[name] = value;
        return parameters;
    }

    /// <summary>An id from the case's generator, so a seed replays the same requests.</summary>
    private static Guid Id(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static object? Flag(Random r) => r.Next(2) == 0 ? true : null;

    private static T Pick<T>(Random r, IReadOnlyList<T> values) => values[r.Next(values.Count)];

    /// <summary>A splatting table; null values are left out (the parameter is not given).</summary>
    private static Hashtable With(params (string Name, object? Value)[] parameters)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters.Where(p => p.Value != null)) table[name] = value;
        return table;
    }
}
