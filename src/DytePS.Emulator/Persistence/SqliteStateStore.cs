using DytePS.Emulator.State;
using Microsoft.Data.Sqlite;

namespace DytePS.Emulator.Persistence;

/// <summary>
/// The data file (<c>--data</c>): a SQLite database in WAL mode with synchronous=FULL, so a
/// committed transaction survives a crash. Organizations are rows with a column per setting;
/// entities are JSON documents (<see cref="EntityJson"/>) keyed by organization, kind and id, in
/// creation order. One connection, used under a lock.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly FileStream _lock;
    private readonly object _gate = new();
    private readonly long _busyTimeoutMs;

    /// <param name="busyTimeout">How long a commit waits for another process's lock on the file before it fails.</param>
    public SqliteStateStore(string path, TimeSpan? busyTimeout = null)
    {
        _busyTimeoutMs = (long)(busyTimeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        _lock = TakeLock(path);
        try
        {
            // No pooling: disposing the store closes the file, so another instance can open it.
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? TimeSpan.FromSeconds(5)).TotalSeconds)),
            }.ToString());
            _connection.Open();
            Initialize(path, busyTimeout ?? TimeSpan.FromSeconds(5));
        }
        catch
        {
            _connection?.Dispose();
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The sidecar <c>&lt;file&gt;.lock</c>, opened exclusively for the store's lifetime: a second
    /// emulator on the same data file would overwrite this one's acknowledged writes. An OS lock
    /// (flock on Linux and macOS, a share lock on Windows) is released even when the process dies.
    /// </summary>
    private static FileStream TakeLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new DataFileInUseException(path, e);
        }
    }

    private void Initialize(string path, TimeSpan busyTimeout)
    {
        // SQLite's own wait for a locked file, in milliseconds (DefaultTimeout above is whole seconds).
        Execute($"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS organizations (
                id TEXT PRIMARY KEY,
                api_key TEXT NOT NULL,
                account_id TEXT NOT NULL,
                flavor TEXT NOT NULL,
                lifecycle_delay_ms INTEGER NOT NULL,
                webhook_retry_delay_ms INTEGER NOT NULL,
                requests_per_minute INTEGER NOT NULL,
                recording_file_size INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS entities (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                data TEXT NOT NULL,
                UNIQUE (organization_id, kind, id));
            """);
        var version = GetSetting("schema_version");
        if (version is null) SetSetting("schema_version", SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (version != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new InvalidDataException($"{path} holds emulator data of schema version {version}; this emulator reads version {SchemaVersion}.");
    }

    public string? GetSetting(string key)
    {
        lock (_gate)
        {
            using var command = Command("SELECT value FROM settings WHERE key = $key", ("$key", key));
            return command.ExecuteScalar() as string;
        }
    }

    public void SetSetting(string key, string value)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ("$key", key), ("$value", value));
            command.ExecuteNonQuery();
        }
    }

    public void LoadInto(EmulatorState state)
    {
        lock (_gate)
        {
            var organizations = new List<Organization>();
            using (var command = Command("SELECT id, api_key, account_id, flavor, lifecycle_delay_ms, webhook_retry_delay_ms, requests_per_minute, recording_file_size FROM organizations ORDER BY rowid"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    organizations.Add(state.AddOrganization(reader.GetString(0), reader.GetString(1),
                        TimeSpan.FromMilliseconds(reader.GetInt64(4)), reader.GetString(2), reader.GetString(3),
                        TimeSpan.FromMilliseconds(reader.GetInt64(5)), reader.GetInt32(6), reader.GetInt64(7)));
                }
            }
            foreach (var organization in organizations)
            {
                var saved = ReadEntities(organization.Id);
                lock (organization.Gate)
                {
                    foreach (var kind in EntityKinds.LoadOrder)
                        foreach (var (_, json) in saved.Where(e => e.Kind == kind)) EntityJson.Restore(organization, kind, json);
                    // Loading is not a change.
                    organization.Changes.Take();
                }
            }
        }
    }

    /// <summary>Throws <see cref="DataFileUnavailableException"/> when the file cannot be written; the caller undoes the change.</summary>
    public void SaveOrganization(Organization organization)
    {
        lock (_gate)
        {
            try
            {
                Execute($"PRAGMA busy_timeout = {_busyTimeoutMs};");
                SaveOrganizationRow(organization);
            }
            catch (SqliteException e)
            {
                throw new DataFileUnavailableException(e);
            }
        }
    }

    private void SaveOrganizationRow(Organization organization)
    {
        {
            using var command = Command("""
                INSERT INTO organizations (id, api_key, account_id, flavor, lifecycle_delay_ms, webhook_retry_delay_ms, requests_per_minute, recording_file_size)
                VALUES ($id, $key, $account, $flavor, $delay, $retry, $rpm, $size)
                ON CONFLICT (id) DO UPDATE SET api_key = excluded.api_key, account_id = excluded.account_id, flavor = excluded.flavor,
                    lifecycle_delay_ms = excluded.lifecycle_delay_ms, webhook_retry_delay_ms = excluded.webhook_retry_delay_ms,
                    requests_per_minute = excluded.requests_per_minute, recording_file_size = excluded.recording_file_size
                """,
                ("$id", organization.Id), ("$key", organization.ApiKey), ("$account", organization.AccountId), ("$flavor", organization.Flavor),
                ("$delay", (long)organization.LifecycleDelay.TotalMilliseconds), ("$retry", (long)organization.WebhookRetryDelay.TotalMilliseconds),
                ("$rpm", organization.RequestsPerMinute), ("$size", organization.RecordingFileSize));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Writes what the organization changed since its last commit, in one transaction; call holding
    /// <see cref="Organization.WriteGate"/>. Memory never shows a change the file does not have for
    /// longer than this takes when the file is free: the changes are taken and committed under the
    /// organization's lock without waiting (readers wait that long, as for any write). When another
    /// process holds the file's lock, the change is undone in memory first (the organization is
    /// reloaded from the file, which WAL lets us read meanwhile), the lock is released so reads go
    /// on, and the commit waits for the file outside it, up to the busy timeout: committed, the
    /// organization is reloaded with it; not, it stays undone and
    /// <see cref="DataFileUnavailableException"/> is thrown. The events the write raised are
    /// published only if it was committed.
    /// </summary>
    public void Commit(Organization organization, bool wait = true)
    {
        try
        {
            if (organization.NeedsReload) Reload(organization);
        }
        catch (SqliteException e)
        {
            throw new DataFileUnavailableException(e);
        }
        Rows rows;
        IReadOnlyList<Events.PendingEvent> raised;
        lock (organization.Gate)
        {
            try
            {
                if (organization.Changes.IsEmpty) return;
                var (cleared, changes) = organization.Changes.Take();
                rows = new Rows(cleared, changes.Select(c => (c.Key.Kind, c.Key.Id, c.Value is null ? null : EntityJson.Serialize(c.Key.Kind, c.Value))).ToList());
                try
                {
                    // The usual case: the file is free and the write is durable before anyone sees it.
                    if (TryWrite(organization.Id, rows, wait: false)) return;
                }
                catch (SqliteException e)
                {
                    TryReload(organization);
                    throw new DataFileUnavailableException(e);
                }
                // Locked by another process: undo in memory, keeping the write's events aside.
                raised = organization.Outbox.TakeAll();
                if (!TryReload(organization)) throw new DataFileUnavailableException(new InvalidOperationException("The data file could not be read to undo the write."));
                if (!wait) throw new DataFileUnavailableException(new InvalidOperationException("The data file is locked; not waiting for it."));
            }
            finally
            {
                Monitor.PulseAll(organization.Gate);
            }
        }
        bool written;
        try
        {
            written = TryWrite(organization.Id, rows, wait: true);
        }
        catch (SqliteException e)
        {
            throw new DataFileUnavailableException(e);
        }
        if (!written) throw new DataFileUnavailableException(new SqliteException("The data file stayed locked for the busy timeout.", 5));
        // Durable now: memory takes it from the file (or, if the file cannot be read just now, is
        // marked to be reloaded before anything more is served), and its events go out.
        TryReload(organization);
        foreach (var pending in raised) organization.Outbox.Raise(pending.Name, pending.Payload);
    }

    /// <summary>Reload, or false (and <see cref="Organization.NeedsReload"/> set) when the file cannot be read.</summary>
    private bool TryReload(Organization organization)
    {
        try
        {
            Reload(organization);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private sealed record Rows(bool Cleared, List<(string Kind, Guid Id, string? Json)> Changes);

    /// <summary>
    /// One transaction. Begun with SQLite's own BEGIN IMMEDIATE, so that without
    /// <paramref name="wait"/> a locked file answers at once (busy_timeout 0) instead of after
    /// Microsoft.Data.Sqlite's retry loop; false when the file stayed locked.
    /// </summary>
    private bool TryWrite(string organizationId, Rows rows, bool wait)
    {
        // The one connection is busy when another organization's commit waits for a locked file;
        // a commit that must not wait (it holds its organization's lock) goes the waiting way then.
        if (wait) Monitor.Enter(_gate);
        else if (!Monitor.TryEnter(_gate, QuickConnectionWait)) return false;
        try
        {
            Execute($"PRAGMA busy_timeout = {(wait ? _busyTimeoutMs : 0)};");
            var db = _connection.Handle!;
            var begun = SQLitePCL.raw.sqlite3_exec(db, "BEGIN IMMEDIATE;");
            if (begun is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED) return false;
            SqliteException.ThrowExceptionForRC(begun, db);
            try
            {
                Write(organizationId, rows);
                var committed = SQLitePCL.raw.sqlite3_exec(db, "COMMIT;");
                if (committed is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
                {
                    SQLitePCL.raw.sqlite3_exec(db, "ROLLBACK;");
                    return false;
                }
                SqliteException.ThrowExceptionForRC(committed, db);
                return true;
            }
            catch
            {
                SQLitePCL.raw.sqlite3_exec(db, "ROLLBACK;");
                throw;
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    /// <summary>How long a commit that must not wait waits for the connection (another organization's commit, normally a few ms).</summary>
    private static readonly TimeSpan QuickConnectionWait = TimeSpan.FromMilliseconds(250);

    private void Write(string organizationId, Rows rows)
    {
        if (rows.Cleared)
        {
            using var clear = Command("DELETE FROM entities WHERE organization_id = $org", ("$org", organizationId));
            clear.ExecuteNonQuery();
        }
        using var upsert = Command("""
            INSERT INTO entities (organization_id, kind, id, data) VALUES ($org, $kind, $id, $data)
            ON CONFLICT (organization_id, kind, id) DO UPDATE SET data = excluded.data
            """, ("$org", organizationId), ("$kind", ""), ("$id", ""), ("$data", ""));
        using var delete = Command("DELETE FROM entities WHERE organization_id = $org AND kind = $kind AND id = $id",
            ("$org", organizationId), ("$kind", ""), ("$id", ""));
        foreach (var (kind, id, json) in rows.Changes)
        {
            var command = json is null ? delete : upsert;
            command.Parameters["$kind"].Value = kind;
            command.Parameters["$id"].Value = id.ToString();
            if (json != null) command.Parameters["$data"].Value = json;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Puts the organization back as the file has it. If even reading fails, the organization is
    /// marked <see cref="Organization.NeedsReload"/>: requests get 503 until a reload succeeds.
    /// </summary>
    private void Reload(Organization organization)
    {
        List<(string Kind, string Json)> saved;
        try
        {
            saved = ReadEntities(organization.Id);
        }
        catch (SqliteException)
        {
            organization.NeedsReload = true;
            throw;
        }
        lock (organization.Gate)
        {
            organization.ClearForReload();
            foreach (var kind in EntityKinds.LoadOrder)
                foreach (var (_, json) in saved.Where(e => e.Kind == kind)) EntityJson.Restore(organization, kind, json);
            // What was just read is what the file holds: nothing to write.
            organization.Changes.Take();
            organization.NeedsReload = false;
            Monitor.PulseAll(organization.Gate);
        }
    }

    private List<(string Kind, string Json)> ReadEntities(string organizationId)
    {
        lock (_gate)
        {
            var entities = new List<(string, string)>();
            using var command = Command("SELECT kind, data FROM entities WHERE organization_id = $id ORDER BY seq", ("$id", organizationId));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var kind = reader.GetString(0);
                if (!EntityKinds.LoadOrder.Contains(kind)) throw new InvalidDataException($"The data file holds an entity of unknown kind '{kind}'.");
                entities.Add((kind, reader.GetString(1)));
            }
            return entities;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
            _lock.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
