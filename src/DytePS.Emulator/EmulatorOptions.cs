namespace DytePS.Emulator;

/// <summary>How an emulator instance is started. Every option has a command-line flag (see <see cref="CommandLine"/>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The organization every fresh emulator has, so docs and demos can name its credentials.</summary>
    public static readonly OrganizationSeed DemoOrganization =
        new("4c5f2b7e-8d1a-4e3b-9f6c-0a1b2c3d4e5f", "dyte-emulator-demo-key") { AccountId = "9d3e6a1f-2b4c-4d5e-8f70-a1b2c3d4e5f6" };

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 5380;

    /// <summary>Organizations and their API keys. Empty means just <see cref="DemoOrganization"/>.</summary>
    public List<OrganizationSeed> Organizations { get; } = new();

    /// <summary>Meetings created in each organization at start-up.</summary>
    public int SeedMeetings { get; set; }

    /// <summary>
    /// How long each timed lifecycle step takes (recording INVOKED -> RECORDING and UPLOADING ->
    /// UPLOADED, livestream STARTING -> LIVE and STOPPING -> OFFLINE, a recording's stop after its
    /// session ends). Organizations created through the control API can set their own.
    /// </summary>
    public TimeSpan LifecycleDelay { get; set; } = State.Organization.DefaultLifecycleDelay;

    /// <summary>Size in bytes of every recording file the emulator serves.</summary>
    public long RecordingFileSize { get; set; } = State.Organization.DefaultRecordingFileSize;

    /// <summary>
    /// Each organization's API requests per minute before 429 (0: unlimited). Off by default for
    /// in-process use; the command line's <c>--rate-limit</c> defaults to the service's 2000.
    /// </summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>The wait before a failed webhook delivery's first retry (it doubles for each of the 5 retries).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = State.Organization.DefaultWebhookRetryDelay;

    /// <summary>How long a webhook receiver has to answer before the attempt counts as failed (the service's 3 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A SQLite file that keeps every organization and entity across restarts (<c>--data</c>);
    /// null: in memory only.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>
    /// How long a commit to the data file waits for another process's lock on it before the write
    /// fails with 503 and is undone (SQLite's busy timeout).
    /// </summary>
    public TimeSpan DataFileBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The webhook deliveries each organization sends at once.</summary>
    public const int DefaultWebhookConcurrency = 8;

    /// <summary>The webhook deliveries each organization sends at once (see <see cref="DefaultWebhookConcurrency"/>).</summary>
    public int WebhookConcurrency { get; set; } = DefaultWebhookConcurrency;

    /// <summary>
    /// The webhook deliveries each organization may have waiting to be sent; past it, new ones are
    /// dropped (and logged as not delivered), for that organization only.
    /// </summary>
    public int WebhookQueueCapacity { get; set; } = 1_000;

    /// <summary>Write each request to the console as it is served.</summary>
    public bool LogRequests { get; set; }

    /// <summary>Faults active from start-up (<c>--fault</c>); see docs/emulator.md.</summary>
    public List<Faults.FaultDefinition> Faults { get; } = new();

    internal IReadOnlyList<OrganizationSeed> OrganizationsOrDemo =>
        Organizations.Count > 0 ? Organizations : new[] { DemoOrganization };
}

/// <summary>An organization id and the API key that authenticates it.</summary>
public sealed record OrganizationSeed(string Id, string ApiKey)
{
    /// <summary>Its RealtimeKit account id; null: a random one.</summary>
    public string? AccountId { get; init; }

    /// <summary>Parses "id:key".</summary>
    public static OrganizationSeed Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            throw new FormatException($"'{text}' is not <organization-id>:<api-key>.");
        var id = text[..colon];
        if (!Guid.TryParseExact(id, "D", out _))
            throw new FormatException($"The organization id '{id}' is not a UUID.");
        return new OrganizationSeed(id, text[(colon + 1)..]);
    }
}
