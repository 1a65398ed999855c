using DytePS.Emulator;
using DytePS.Playground;

// dotnet run --project tools/DytePS.Playground [-- <script.ps1> [--keep-running] [--seed-meetings <n>] [--preload <assembly.dll>]]
// Starts the emulator, points DytePS at it through the DYTE_* environment variables, runs the
// script in the real PowerShell engine and prints its formatted output. --preload loads an
// assembly first, as another module would, to see DytePS cope with a conflicting dependency.
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var preload = Option("--preload");
var seedMeetings = int.TryParse(Option("--seed-meetings"), out var seed) ? seed : 0;
var script = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || args[i - 1] == "--keep-running")).FirstOrDefault()
    ?? Path.Combine(BuildPaths.RepoRoot, "examples", "Quickstart.ps1");
if (!File.Exists(script))
{
    Console.Error.WriteLine($"No such script: {script}");
    return 2;
}

await using var emulator = await DyteEmulator.StartAsync(new EmulatorOptions { Port = 0, SeedMeetings = seedMeetings });
var organization = EmulatorOptions.DemoOrganization;
Environment.SetEnvironmentVariable("DYTE_BASE_URI", emulator.ApiBaseUri.ToString());
Environment.SetEnvironmentVariable("DYTE_ORG_ID", organization.Id);
Environment.SetEnvironmentVariable("DYTE_API_KEY", organization.ApiKey);
Console.WriteLine($"Emulator: {emulator.ApiBaseUri}   Script: {Path.GetFileName(script)}");
Console.WriteLine();

if (preload != null)
{
    var loaded = System.Reflection.Assembly.LoadFrom(Path.GetFullPath(preload));
    Console.WriteLine($"Preloaded {loaded.GetName().Name} {loaded.GetName().Version} into the default load context.");
}
using var shell = DyteShell.Open(echo: Console.Out);
var result = shell.Run("& $args[0] | Out-Default", [Path.GetFullPath(script)]);
foreach (var error in result.Errors) Console.Error.WriteLine($"ERROR [{error.FullyQualifiedErrorId}]: {error}");
if (result.Terminating != null) Console.Error.WriteLine($"TERMINATED: {result.Terminating.Message}");

if (args.Contains("--keep-running"))
{
    Console.WriteLine($"The emulator keeps running at {emulator.ApiBaseUri} (organization {organization.Id}, key {organization.ApiKey}); Ctrl+C stops it.");
    await emulator.WaitForShutdownAsync();
}
return result.Errors.Count == 0 && result.Terminating is null ? 0 : 1;
