using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using DytePS.Playground;

namespace DytePS.Benchmarks;

/// <summary>The cases of issue 7, each measured against its baseline in the same run.</summary>
internal static class Cases
{
    /// <summary>Fresh process: open a runspace and import DytePS, minus the same with an empty binary module.</summary>
    public static async Task<Result> ImportAsync(int runs)
    {
        var empty = typeof(Cases).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EmptyModuleManifest").Value!;
        var dyte = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so drift in the machine's load hits both sides alike.
            dyte.Add(await Child.MeasureImportAsync(BuildPaths.ModuleManifest));
            baseline.Add(await Child.MeasureImportAsync(empty));
        }
        var extra = Measure.Median(dyte) - Measure.Median(baseline);
        return new Result("Import-Module (fresh process)", Ms(Measure.Median(dyte)), Ms(Measure.Median(baseline)),
            $"+{extra:0} ms", "<= +150 ms", extra <= 150);
    }

    /// <summary>1,000 x Get-DyteMeeting -MeetingId through the engine vs 1,000 GETs with a raw HttpClient.</summary>
    public static async Task<Result> PerCallAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(1000);
        using var shell = bench.Shell(organization);
        var ids = shell.Run("Get-DyteMeeting | ForEach-Object Id").ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToArray();
        shell.SetVariable("ids", ids);
        using var raw = bench.Raw(organization);

        var (engine, baseline) = await Measure.CompareAsync(runs,
            () => shell.Run("$ids | Get-DyteMeeting | ForEach-Object { }").ThrowIfFailed(),
            async () => { foreach (var id in ids) await raw.GetMeetingAsync(id); }, warmups: 10);
        var ratio = engine / baseline;
        return new Result("1,000 x Get-DyteMeeting -MeetingId", Ms(engine), Ms(baseline), $"ratio {ratio:0.00}", "<= 1.30", ratio <= 1.3);
    }

    /// <summary>Where the per-call time goes: the client alone, one invocation with 1,000 ids, and 1,000 piped ids.</summary>
    public static async Task<IEnumerable<Result>> PerCallBreakdownAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(1000);
        using var shell = bench.Shell(organization);
        var ids = shell.Run("Get-DyteMeeting | ForEach-Object Id").ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToArray();
        shell.SetVariable("ids", ids);
        using var raw = bench.Raw(organization);
        using var client = new DytePS.Client.DyteClient(new DytePS.Client.DyteClientOptions
        {
            BaseUri = bench.ApiBaseUri,
            Credential = new DytePS.Client.DyteApiKeyCredential(organization.Id, Bench.Secure(organization.Key)),
        });
        async Task Baseline() { foreach (var id in ids) await raw.GetMeetingAsync(id); }
        // Each variant against its own baseline, measured alongside it.
        var variants = new (string Name, Action Run)[]
        {
            ("  client library alone (C#)", () => Task.Run(async () => { foreach (var id in ids) await client.Meetings.GetAsync(id, default); }).GetAwaiter().GetResult()),
            ("  Get-DyteMeeting -MeetingId $ids | Out-Null", () => shell.Run("Get-DyteMeeting -MeetingId $ids | Out-Null").ThrowIfFailed()),
            ("  $ids | Get-DyteMeeting | Out-Null", () => shell.Run("$ids | Get-DyteMeeting | Out-Null").ThrowIfFailed()),
            ("  $ids | Get-DyteMeeting | ForEach-Object {}", () => shell.Run("$ids | Get-DyteMeeting | ForEach-Object { }").ThrowIfFailed()),
        };
        var results = new List<Result>();
        foreach (var (variant, run) in variants)
        {
            var (measured, baseline) = await Measure.CompareAsync(runs, run, Baseline);
            results.Add(new Result(variant, Ms(measured), Ms(baseline), $"ratio {measured / baseline:0.00}", "-", true));
        }
        return results;
    }

    /// <summary>10,000 meetings auto-paged vs the raw paging loop, and time to the first object at 1,000 and 100,000 meetings.</summary>
    public static async Task<IEnumerable<Result>> PagingAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(10_000);
        using var shell = bench.Shell(organization);
        using var raw = bench.Raw(organization);
        var (engine, baseline) = await Measure.CompareAsync(runs,
            () => shell.Run("Get-DyteMeeting -PageSize 100 | ForEach-Object { }").ThrowIfFailed(),
            () => raw.PageAllAsync(100, _ => { }));
        var ratio = engine / baseline;

        // What bounds the ratio: the same 10,000 meetings, already in memory, through the same pipeline.
        var inMemory = new List<RawClient.MeetingDto>();
        await raw.PageAllAsync(100, inMemory.Add);
        shell.SetVariable("inMemory", inMemory.ToArray());
        var (floor, _) = await Measure.CompareAsync(runs, () => shell.Run("$inMemory | ForEach-Object { }").ThrowIfFailed(), () => raw.PageAllAsync(100, _ => { }));
        var (outNull, baselineAgain) = await Measure.CompareAsync(runs,
            () => shell.Run("Get-DyteMeeting -PageSize 100 | Out-Null").ThrowIfFailed(), () => raw.PageAllAsync(100, _ => { }));

        var (small, large) = FirstObjectMs(bench, await bench.NewOrganizationAsync(1_000), await bench.NewOrganizationAsync(100_000), runs);
        var firstRatio = large / small;
        return
        [
            new Result("10,000 meetings auto-paged (100/page)", Ms(engine), Ms(baseline), $"ratio {ratio:0.00}", "<= 1.20", ratio <= 1.2),
            new Result("  same, | Out-Null instead of ForEach-Object", Ms(outNull), Ms(baselineAgain), $"ratio {outNull / baselineAgain:0.00}", "-", true),
            new Result("  floor: 10,000 in-memory objects | ForEach-Object", Ms(floor), "-", $"{floor / engine:P0} of DytePS", "-", true),
            new Result("time to first object: 100,000 vs 1,000", Ms(large), Ms(small), $"ratio {firstRatio:0.00}", "independent (<= 1.5)", firstRatio <= 1.5),
        ];
    }

    /// <summary>
    /// Read-ahead: 2,000 meetings in pages of 100 with 50 ms of service latency per page, through a pipeline that
    /// spends about as long on each page. Fetching then writing in turn would cost the sum of the two; reading
    /// one page ahead while the current one is written hides most of the shorter one.
    /// </summary>
    public static async Task<Result> OverlapAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(2_000);
        using var shell = bench.Shell(organization);
        shell.Run("$inMemory = @(Get-DyteMeeting -PageSize 100)").ThrowIfFailed();
        await bench.AddFaultAsync(organization.Id, new { operation = "listMeetings", kind = "latency", latency_ms = 50 });
        // About 50 ms of work per page of 100 items: 5 ms on every tenth item.
        const string work = "ForEach-Object -Begin { $i = 0 } -Process { if ((++$i % 10) -eq 0) { [System.Threading.Thread]::Sleep(5) } }";

        var fetch = Measure.MedianMs(runs, () => shell.Run("Get-DyteMeeting -PageSize 100 | Out-Null").ThrowIfFailed());
        var pipeline = Measure.MedianMs(runs, () => shell.Run("$inMemory | " + work).ThrowIfFailed());
        var both = Measure.MedianMs(runs, () => shell.Run("Get-DyteMeeting -PageSize 100 | " + work).ThrowIfFailed());

        // 100 %: the listing costs only the longer of the two; 0 %: it costs their sum.
        var hidden = (fetch + pipeline - both) / Math.Min(fetch, pipeline);
        return new Result("read-ahead: 20 pages x 50 ms, 50 ms work/page", Ms(both), $"{Ms(fetch)} + {Ms(pipeline)}",
            $"{hidden:P0} of shorter hidden", "-", true);
    }

    /// <summary>
    /// Median times from starting Get-DyteMeeting to its first object reaching the pipeline, for a small
    /// and a large organization measured alternately after warming up (the times are a few milliseconds,
    /// so one slow moment would otherwise decide the ratio).
    /// </summary>
    private static (double Small, double Large) FirstObjectMs(Bench bench, (string Id, string Key) small, (string Id, string Key) large, int runs)
    {
        using var smallShell = bench.Shell(small);
        using var largeShell = bench.Shell(large);
        const int warmups = 20;
        var smallSamples = new List<double>();
        var largeSamples = new List<double>();
        for (var i = 0; i < warmups + Math.Max(runs, 15); i++)
        {
            var smallMs = TimeToFirstObject(smallShell);
            var largeMs = TimeToFirstObject(largeShell);
            if (i < warmups) continue;
            smallSamples.Add(smallMs);
            largeSamples.Add(largeMs);
        }
        return (Measure.Median(smallSamples), Measure.Median(largeSamples));
    }

    private static double TimeToFirstObject(DyteShell shell)
    {
        using var ps = shell.Create("Get-DyteMeeting -PageSize 100 | ForEach-Object { $_ }");
        var output = new PSDataCollection<PSObject>();
        using var first = new ManualResetEventSlim();
        output.DataAdded += (_, _) => first.Set();
        var clock = Stopwatch.StartNew();
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        first.Wait();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        ps.Stop();
        try { ps.EndInvoke(running); } catch (PipelineStoppedException) { }
        return elapsed;
    }

    /// <summary>100,000 meetings piped through ForEach-Object {} in a separate process: peak working-set growth.</summary>
    public static async Task<Result> MemoryAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(100_000);
        var growth = new List<double>();
        for (var i = 0; i < runs; i++)
            growth.Add(await Child.MeasureMemoryAsync(bench.ApiBaseUri, organization.Id, organization.Key, 100_000));
        var median = Measure.Median(growth);
        return new Result("100,000 meetings | ForEach-Object {}", $"{median:0.0} MB", "-", "peak WS growth", "<= 50 MB", median <= 50);
    }

    /// <summary>1,000 participants with 20 ms of emulator latency each: -ThrottleLimit 8 vs 1.</summary>
    public static async Task<Result> BulkAsync(Bench bench, int runs)
    {
        var organization = await bench.NewOrganizationAsync(1);
        await bench.AddFaultAsync(organization.Id, new { operation = "addParticipant", kind = "latency", latency_ms = 20 });
        using var shell = bench.Shell(organization);
        shell.Run("$m = (Get-DyteMeeting)[0].Id; $rows = 1..1000 | ForEach-Object { [pscustomobject]@{ MeetingId = $m; Name = \"P$_\"; PresetName = 'viewer' } }").ThrowIfFailed();

        var orderKept = true;
        double Run(int limit) => Measure.MedianMs(runs, () =>
        {
            var result = shell.Run($"$rows | New-DyteParticipant -ThrottleLimit {limit}").ThrowIfFailed();
            orderKept &= result.Output.Select(o => o.Properties["Name"].Value as string).SequenceEqual(Enumerable.Range(1, 1000).Select(i => $"P{i}"));
        });

        var parallel = Run(8);
        var sequential = Run(1);
        var speedup = sequential / parallel;
        return new Result("1,000 New-DyteParticipant, 20 ms latency", Ms(parallel) + " (x8)", Ms(sequential) + " (x1)",
            $"{speedup:0.0}x faster{(orderKept ? "" : ", ORDER LOST")}", ">= 5x, same order", speedup >= 5 && orderKept);
    }

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
