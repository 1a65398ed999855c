using System.Diagnostics;
using System.Globalization;
using System.Management.Automation.Runspaces;
using DytePS.Playground;

namespace DytePS.Benchmarks;

/// <summary>Measurements that need a fresh process: import time and peak memory.</summary>
internal static class Child
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args[0])
        {
            case "import":
            {
                var clock = Stopwatch.StartNew();
                using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                using var ps = System.Management.Automation.PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddCommand("Import-Module").AddParameter("Name", args[1]).AddParameter("ErrorAction", "Stop").Invoke();
                Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
                return 0;
            }
            case "memory":
            {
                using var shell = DyteShell.Open();
                shell.SetVariable("key", Secure(args[3]));
                shell.Run($"Connect-Dyte -BaseUri '{args[1]}' -OrganizationId '{args[2]}' -ApiKey $key; Get-DyteMeeting -First 1000 | ForEach-Object {{ }}").ThrowIfFailed();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var process = Process.GetCurrentProcess();
                process.Refresh();
                var baseline = process.WorkingSet64;
                long peak = baseline;
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        process.Refresh();
                        peak = Math.Max(peak, process.WorkingSet64);
                        await Task.Delay(10);
                    }
                });
                var count = shell.Run("$n = 0; Get-DyteMeeting | ForEach-Object { $n++ }; $n").ThrowIfFailed().Output[0].BaseObject;
                sampling.Cancel();
                await sampler;
                if (Convert.ToInt32(count, CultureInfo.InvariantCulture) != int.Parse(args[4], CultureInfo.InvariantCulture))
                    throw new InvalidOperationException($"Expected {args[4]} meetings, got {count}.");
                Console.WriteLine(((peak - baseline) / 1048576.0).ToString(CultureInfo.InvariantCulture));
                return 0;
            }
            default:
                Console.Error.WriteLine("Unknown child mode " + args[0]);
                return 2;
        }
    }

    public static Task<double> MeasureImportAsync(string manifest) => RunChildAsync("import", manifest);

    public static Task<double> MeasureMemoryAsync(Uri baseUri, string organizationId, string apiKey, int count) =>
        RunChildAsync("memory", baseUri.ToString(), organizationId, apiKey, count.ToString(CultureInfo.InvariantCulture));

    private static async Task<double> RunChildAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Child).Assembly.Location);
        start.ArgumentList.Add("--child");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {arguments[0]} child failed: {error}");
        return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
