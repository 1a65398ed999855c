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

    /// <summary>Adds an organization; <paramref name="lifecycleDelay"/> defaults to <see cref="EmulatorOptions.LifecycleDelay"/>.</summary>
    public Organization AddOrganization(string id, string apiKey, TimeSpan? lifecycleDelay = null)
    {
        var organization = new Organization(id, apiKey, lifecycleDelay ?? _options.LifecycleDelay, _options.RecordingFileSize)
        {
            RequestsPerMinute = _options.RequestsPerMinute,
        };
        if (!_organizations.TryAdd(id, organization))
            throw new InvalidOperationException($"The organization '{id}' already exists.");
        return organization;
    }

    public Organization? Find(string id) => _organizations.GetValueOrDefault(id);

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
