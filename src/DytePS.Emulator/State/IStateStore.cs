namespace DytePS.Emulator.State;

/// <summary>
/// Where the emulator's state lives between runs: nowhere (<see cref="MemoryStateStore"/>, the
/// default) or a SQLite data file (<c>--data</c>, Persistence.SqliteStateStore).
/// </summary>
public interface IStateStore : IDisposable
{
    /// <summary>An emulator-wide value (the webhook signing key), or null.</summary>
    string? GetSetting(string key);

    void SetSetting(string key, string value);

    /// <summary>Adds the saved organizations, with all their entities, to <paramref name="state"/>.</summary>
    void LoadInto(EmulatorState state);

    /// <summary>Saves an organization's credentials and settings (not its entities).</summary>
    void SaveOrganization(Organization organization);

    /// <summary>
    /// Writes what the organization changed since the last commit (<see cref="Organization.Changes"/>)
    /// in one transaction. Called before an answer is sent, so an acknowledged change is never lost;
    /// called holding <see cref="Organization.WriteGate"/> and not <see cref="Organization.Gate"/>
    /// (see <see cref="OrganizationWrites"/>). Readers never see a change before it is committed:
    /// a commit that cannot happen at once undoes the change in memory before it waits. When the
    /// transaction fails the organization stays as the file has it and
    /// Persistence.DataFileUnavailableException is thrown.
    /// </summary>
    /// <param name="wait">
    /// False: when the file is locked, undo and throw at once instead of waiting for it (reads and
    /// the ticker applying lifecycle steps: the steps stay due).
    /// </param>
    void Commit(Organization organization, bool wait = true);
}

/// <summary>The default: nothing outlives the process.</summary>
public sealed class MemoryStateStore : IStateStore
{
    private readonly Dictionary<string, string> _settings = new();

    public string? GetSetting(string key)
    {
        lock (_settings) return _settings.GetValueOrDefault(key);
    }

    public void SetSetting(string key, string value)
    {
        lock (_settings) _settings[key] = value;
    }

    public void LoadInto(EmulatorState state)
    {
    }

    public void SaveOrganization(Organization organization)
    {
    }

    public void Commit(Organization organization, bool wait = true)
    {
    }

    public void Dispose()
    {
    }
}
