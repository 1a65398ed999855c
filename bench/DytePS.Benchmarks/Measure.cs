using System.Diagnostics;

namespace DytePS.Benchmarks;

/// <summary>Runs a case several times and keeps the median, the statistic least moved by a noisy machine.</summary>
internal static class Measure
{
    public static double MedianMs(int runs, Action action, Action? beforeEach = null)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            beforeEach?.Invoke();
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(samples);
    }

    public static async Task<double> MedianMsAsync(int runs, Func<Task> action)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(samples);
    }

    /// <summary>How long both sides run before measuring: tiered JIT (here and in the emulator) and
    /// PowerShell's script block compilation settle only after 5-10 s of calls here; a few
    /// warm-up runs alone measured the paging case at 4-5x its steady cost.</summary>
    public static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Medians of a DytePS action and its baseline, warmed up first (at least <paramref name="warmups"/>
    /// runs and <see cref="MinimumWarmup"/>) and measured alternately, so a change in the machine's
    /// load affects both alike.
    /// </summary>
    public static async Task<(double Measured, double Baseline)> CompareAsync(int runs, Action measured, Func<Task> baseline, int warmups = 3)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmups || warming.Elapsed < MinimumWarmup; i++)
        {
            measured();
            await baseline();
        }
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            measured();
            a.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await baseline();
            b.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (Median(a), Median(b));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>One row of the results table.</summary>
internal sealed record Result(string Case, string Measured, string Baseline, string Comparison, string Goal, bool Met);
