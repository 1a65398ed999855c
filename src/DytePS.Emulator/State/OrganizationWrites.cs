using DytePS.Emulator.Events;
using DytePS.Emulator.Persistence;

namespace DytePS.Emulator.State;

/// <summary>
/// How requests change an organization so that a change is kept, and seen, only once it is in the
/// data file. A write holds the organization's <see cref="Organization.WriteGate"/> from its first
/// change to the end of its commit, so no other write mixes into it or into its undoing; it holds
/// <see cref="Organization.Gate"/> only while it changes memory and while its commit either
/// succeeds at once or undoes it, never while it waits for a locked file, so reads
/// (<see cref="Organization.ReadLock"/>) are served meanwhile (see <see cref="IStateStore.Commit"/>).
/// A commit that fails throws <see cref="DataFileUnavailableException"/>, the organization as the
/// file has it. Without a data file the commit does nothing and the same rules cost one
/// uncontended semaphore.
/// </summary>
public static class OrganizationWrites
{
    /// <summary>Runs a write, commits it and publishes its events, all before the caller answers.</summary>
    public static async Task<T> RunAsync<T>(Organization organization, IStateStore store, EventDispatcher dispatcher, Func<Task<T>> write)
    {
        await organization.WriteGate.WaitAsync();
        try
        {
            // An organization whose last undo could not read the file is brought back first.
            store.Commit(organization);
            T result;
            try
            {
                result = await write();
            }
            finally
            {
                // Also after a failed request: the lifecycle steps it applied first are changes too.
                store.Commit(organization);
            }
            // Published while still the only writer: a later write's failed commit must not drop these.
            dispatcher.Flush(organization);
            return result;
        }
        finally
        {
            organization.WriteGate.Release();
        }
    }

    public static T Run<T>(Organization organization, IStateStore store, EventDispatcher dispatcher, Func<T> write) =>
        RunAsync(organization, store, dispatcher, () => Task.FromResult(write())).GetAwaiter().GetResult();

    /// <summary>
    /// For reads: applies the lifecycle steps due now and commits them, unless a write is under way
    /// (then that write, the next request or the ticker applies them; a read never waits for
    /// another request's commit), and without waiting for a locked file: then the steps are undone,
    /// stay due, and the read is still served.
    /// </summary>
    public static void AdvanceIfFree(Organization organization, DateTime now, IStateStore store, EventDispatcher dispatcher)
    {
        if (!organization.WriteGate.Wait(0)) return;
        try
        {
            lock (organization.Gate) organization.Advance(now);
            // Without waiting: a read must not wait for a locked file, even for its own steps.
            store.Commit(organization, wait: false);
            dispatcher.Flush(organization);
        }
        catch (DataFileUnavailableException)
        {
            // Undone; the step is due again at the next request or tick.
        }
        finally
        {
            organization.WriteGate.Release();
        }
    }
}
