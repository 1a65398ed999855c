using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DytePS.Emulator.Events;
using Microsoft.Extensions.DependencyInjection;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Tests.Support;

/// <summary>An <see cref="IEmulatorEvents"/> that remembers what each organization published, in order.</summary>
public sealed class CapturedEvents : IEmulatorEvents
{
    private readonly ConcurrentDictionary<string, List<(string Name, JsonObject Payload)>> _byOrganization = new();

    public void Publish(Organization organization, string eventName, JsonObject payload)
    {
        // Publishing must never happen while the organization's data lock is held.
        if (Monitor.IsEntered(organization.Gate)) throw new InvalidOperationException("Published under the organization's lock.");
        var list = _byOrganization.GetOrAdd(organization.Id, _ => new());
        lock (list) list.Add((eventName, payload));
    }

    public IReadOnlyList<(string Name, JsonObject Payload)> Of(string organizationId)
    {
        var list = _byOrganization.GetOrAdd(organizationId, _ => new());
        lock (list) return list.ToList();
    }
}

/// <summary>A second emulator, for tests that watch its events; one per test process, shared by organization.</summary>
public static class EventsEmulator
{
    public static readonly CapturedEvents Events = new();

    private static readonly Lazy<Task<DyteEmulator>> Instance = new(() =>
        DyteEmulator.StartAsync(new EmulatorOptions { Port = 0 }, configureServices: services =>
            services.AddSingleton<IEmulatorEvents>(Events)));

    public static Task<DyteEmulator> GetAsync() => Instance.Value;
}
