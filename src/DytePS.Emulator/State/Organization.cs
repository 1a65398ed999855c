using DytePS.Emulator.Events;

namespace DytePS.Emulator.State;

/// <summary>
/// One organization's data. Every read or change of its tables happens under <see cref="Gate"/>,
/// so a request sees and leaves the organization consistent; organizations never share data.
/// </summary>
public sealed class Organization
{
    public static readonly TimeSpan DefaultLifecycleDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultWebhookRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>A Dyte organization: webhooks carry dyte-* headers.</summary>
    public const string Dyte = "dyte";

    /// <summary>A Cloudflare RealtimeKit app: webhooks carry rtk-* headers.</summary>
    public const string RealtimeKit = "realtimekit";

    public static readonly string[] Flavors = [Dyte, RealtimeKit];
    public const long DefaultRecordingFileSize = 256 * 1024;

    /// <param name="trackChanges">Record changes for the data file (see <see cref="Changes"/>).</param>
    public Organization(string id, string apiKey, TimeSpan? lifecycleDelay = null, long recordingFileSize = DefaultRecordingFileSize, bool trackChanges = false)
    {
        Id = id;
        ApiKey = apiKey;
        LifecycleDelay = lifecycleDelay ?? DefaultLifecycleDelay;
        RecordingFileSize = recordingFileSize;
        Changes = new ChangeSet(trackChanges);
        Meetings = new(EntityKinds.Meeting, Changes);
        // Grouped by meeting: their lists, active-item lookups and lifecycles go per meeting.
        Participants = new(EntityKinds.Participant, Changes, p => p.MeetingId);
        Sessions = new(EntityKinds.Session, Changes, s => s.MeetingId);
        Recordings = new(EntityKinds.Recording, Changes, r => r.MeetingId);
        Livestreams = new(EntityKinds.Livestream, Changes, l => l.MeetingId);
        Webhooks = new(EntityKinds.Webhook, Changes);
    }

    public string Id { get; }

    public string ApiKey { get; }

    /// <summary>How long each timed lifecycle step takes (INVOKED -> RECORDING, STARTING -> LIVE, ...).</summary>
    public TimeSpan LifecycleDelay { get; }

    /// <summary>The size of every recording file this organization's recordings produce.</summary>
    public long RecordingFileSize { get; }

    /// <summary>
    /// The Cloudflare account the organization belongs to when addressed as a RealtimeKit app
    /// (<c>/client/v4/accounts/{account_id}/realtime/kit/{app_id = organization id}</c>).
    /// </summary>
    public string AccountId { get; init; } = Guid.NewGuid().ToString();

    /// <summary><see cref="Dyte"/> or <see cref="RealtimeKit"/>: which header names its webhook deliveries use.</summary>
    public string Flavor { get; init; } = Dyte;

    /// <summary>The wait before a failed webhook delivery's first retry; it doubles for each further one.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = DefaultWebhookRetryDelay;

    /// <summary>Bumped by <see cref="Reset"/>: deliveries queued before it see the change and stop retrying.</summary>
    public int Generation => Volatile.Read(ref _generation);

    private int _generation;

    /// <summary>The API's budget of requests per minute (see Infrastructure.RateLimits); 0: unlimited.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Guards the tables: every read and change of them happens under it, briefly.</summary>
    public object Gate { get; } = new();

    /// <summary>
    /// Enters <see cref="Gate"/> to read. A write's changes are in memory uncommitted only from its
    /// last change until its commit takes them under <see cref="Gate"/> and, within the same hold,
    /// either commits them (the file is free) or undoes them (it is not): a read that comes in that
    /// moment waits for the hold (as long as a free file's commit takes), never for a locked file.
    /// Use as <c>using (organization.ReadLock()) { ... }</c>.
    /// </summary>
    public ReadScope ReadLock()
    {
        Monitor.Enter(Gate);
        var guard = Environment.TickCount64 + 10_000;
        // The hang guard only matters if a change were ever left without a commit: then read anyway.
        while (!Changes.IsEmpty && Environment.TickCount64 < guard) Monitor.Wait(Gate, 50);
        return new ReadScope(Gate);
    }

    /// <summary>Leaves the <see cref="Gate"/> a <see cref="ReadLock"/> entered.</summary>
    public readonly struct ReadScope(object gate) : IDisposable
    {
        public void Dispose() => Monitor.Exit(gate);
    }

    /// <summary>
    /// Held by a write from its first change to the end of its commit to the data file (see
    /// <see cref="OrganizationWrites"/>); never needed to read.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>
    /// Set when a failed commit could not read the data file to undo itself: the organization's
    /// memory may hold a change the file does not, so nothing is served until it is reloaded.
    /// </summary>
    public bool NeedsReload
    {
        get => Volatile.Read(ref _needsReload);
        set => Volatile.Write(ref _needsReload, value);
    }

    private bool _needsReload;

    /// <summary>Orders publication of <see cref="Outbox"/>; never taken while holding <see cref="Gate"/>.</summary>
    public object PublishGate { get; } = new();

    /// <summary>Events raised under <see cref="Gate"/>, published after it is released.</summary>
    public EventOutbox Outbox { get; } = new();

    /// <summary>What changed since the last commit to the data file; disabled without one.</summary>
    public ChangeSet Changes { get; }

    public EntityTable<MeetingRecord> Meetings { get; }
    public EntityTable<ParticipantRecord> Participants { get; }
    public EntityTable<SessionRecord> Sessions { get; }
    public EntityTable<RecordingRecord> Recordings { get; }
    public EntityTable<LivestreamRecord> Livestreams { get; }
    public EntityTable<WebhookRecord> Webhooks { get; }

    /// <summary>
    /// Applies the timed lifecycle steps due at <paramref name="now"/>, at most one per entity, so a
    /// delay of 0 still shows each state for one request. Call under <see cref="Gate"/>: it runs at
    /// the start of every API request and from the background ticker.
    /// </summary>
    public void Advance(DateTime now)
    {
        RecordingLifecycle.Advance(this, now);
        LivestreamLifecycle.Advance(this, now);
    }

    /// <summary>
    /// Empties the tables and the outbox without starting a new generation: the first step of
    /// reloading the organization from the data file after a failed commit. Call under <see cref="Gate"/>.
    /// </summary>
    public void ClearForReload()
    {
        Meetings.Clear();
        Participants.Clear();
        Sessions.Clear();
        Recordings.Clear();
        Livestreams.Clear();
        Webhooks.Clear();
        Outbox.Clear();
    }

    /// <summary>Forgets everything the organization holds; its credentials and settings stay.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            Interlocked.Increment(ref _generation);
            Meetings.Clear();
            Participants.Clear();
            Sessions.Clear();
            Recordings.Clear();
            Livestreams.Clear();
            Webhooks.Clear();
            Outbox.Clear();
        }
    }
}
