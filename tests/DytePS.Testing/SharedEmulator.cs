using DytePS.Emulator;

namespace DytePS.Testing;

/// <summary>
/// One emulator per test process, on a free loopback port. Tests stay independent by each
/// creating their own organization (<see cref="NewOrganizationAsync"/>): separate data, separate
/// request log, so they can run in parallel.
/// </summary>
public static class SharedEmulator
{
    private static readonly Lazy<Task<DyteEmulator>> Instance = new(() =>
        DyteEmulator.StartAsync(new EmulatorOptions { Port = 0 }));

    public static async Task<DyteEmulator> GetAsync() => await Instance.Value;

    /// <param name="lifecycleDelayMs">0 (the default for tests): the next request sees each timed transition.</param>
    public static async Task<TestOrganization> NewOrganizationAsync(int lifecycleDelayMs = 0, string flavor = "dyte")
    {
        var emulator = await GetAsync();
        return await TestOrganization.CreateAsync(emulator, lifecycleDelayMs, flavor);
    }
}
