using System.Collections.Concurrent;

namespace DytePS.Emulator.State;

/// <summary>All organizations of one emulator instance, found by id or by credentials.</summary>
public sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, Organization> _organizations = new(StringComparer.OrdinalIgnoreCase);

    private readonly EmulatorOptions _options;

    public EmulatorState(TimeProvider clock, EmulatorOptions options)
    {
        Clock = clock;
        _options = options;
    }

    public TimeProvider Clock { get; }

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    public IEnumerable<Organization> Organizations => _organizations.Values;

    /// <summary>Adds an organization; every setting not given takes the emulator's default from <see cref="EmulatorOptions"/>.</summary>
    public Organization AddOrganization(
        string id, string apiKey, TimeSpan? lifecycleDelay = null, string? accountId = null, string? flavor = null,
        TimeSpan? webhookRetryDelay = null, int? requestsPerMinute = null, long? recordingFileSize = null)
    {
        var organization = new Organization(id, apiKey, lifecycleDelay ?? _options.LifecycleDelay, recordingFileSize ?? _options.RecordingFileSize,
            trackChanges: _options.DataFile != null)
        {
            AccountId = accountId ?? Guid.NewGuid().ToString(),
            Flavor = flavor ?? Organization.Dyte,
            WebhookRetryDelay = webhookRetryDelay ?? _options.WebhookRetryDelay,
            RequestsPerMinute = requestsPerMinute ?? _options.RequestsPerMinute,
        };
        if (!_organizations.TryAdd(id, organization))
            throw new InvalidOperationException($"The organization '{id}' already exists.");
        return organization;
    }

    public Organization? Find(string id) => _organizations.GetValueOrDefault(id);

    /// <summary>Takes back an organization just added whose creation could not be saved.</summary>
    public void Remove(Organization organization) => _organizations.TryRemove(KeyValuePair.Create(organization.Id, organization));

    /// <summary>The organization whose id and key match, compared in constant time.</summary>
    public Organization? Authenticate(string id, string apiKey)
    {
        var organization = Find(id);
        if (organization is null) return null;
        var expected = System.Text.Encoding.UTF8.GetBytes(organization.ApiKey);
        var given = System.Text.Encoding.UTF8.GetBytes(apiKey);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, given) ? organization : null;
    }
}
