using System.Diagnostics;
using System.Globalization;
using DytePS.Benchmarks;

// dotnet run -c Release --project bench/DytePS.Benchmarks [-- --case import|call|call-breakdown|paging|overlap|memory|bulk] [--runs N]
// Child modes (started by the import and memory cases): --child import <manifest> | --child memory <base> <org> <key> <count>
if (args.Length > 0 && args[0] == "--child") return await Child.RunAsync(args[1..]);

// The engine blocks its calling thread while a cmdlet waits for HTTP; here that thread comes from
// the pool (async Main), which the in-process emulator also needs. Enough threads up front keep
// pool starvation from being measured instead of DytePS.
ThreadPool.SetMinThreads(32, 32);
var selected = Option(args, "--case");
var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
await using var bench = await Bench.StartAsync();
var results = new List<Result>();

Console.WriteLine($"DytePS benchmarks: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {runs} runs per case (medians)");
if (Wants("import")) results.Add(await Cases.ImportAsync(runs * 2));
if (Wants("call")) results.Add(await Cases.PerCallAsync(bench, runs));
if (selected == "call-breakdown") results.AddRange(await Cases.PerCallBreakdownAsync(bench, runs));
if (Wants("paging")) results.AddRange(await Cases.PagingAsync(bench, runs));
if (Wants("overlap")) results.Add(await Cases.OverlapAsync(bench, runs));
if (Wants("memory")) results.Add(await Cases.MemoryAsync(bench, Math.Max(3, runs / 2)));
if (Wants("bulk")) results.Add(await Cases.BulkAsync(bench, Math.Max(2, runs / 2)));

Console.WriteLine();
Console.WriteLine($"{"Case",-44} {"DytePS",-16} {"Baseline",-16} {"Result",-18} {"Goal",-18} Met");
foreach (var r in results)
    Console.WriteLine($"{r.Case,-44} {r.Measured,-16} {r.Baseline,-16} {r.Comparison,-18} {r.Goal,-18} {(r.Met ? "yes" : "NO")}");
return results.All(r => r.Met) ? 0 : 1;

bool Wants(string name) => selected is null || selected == name;

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
