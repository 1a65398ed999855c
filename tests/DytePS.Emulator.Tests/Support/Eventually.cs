using Xunit.Sdk;

namespace DytePS.Emulator.Tests.Support;

/// <summary>Waits for a condition with a short polling loop and a deadline, never a long sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new XunitException($"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(20);
        }
    }

    public static Task UntilAsync(Func<bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(done()), d => d, what, timeout);
}
