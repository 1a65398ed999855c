using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DytePS.Testing;

namespace DytePS.Packager.Tests;

/// <summary>The tests that install things and start pwsh share one collection: they run one after the other, sharing one installed emulator tool.</summary>
[CollectionDefinition(Name)]
public sealed class DistributionCollection : ICollectionFixture<EmulatorToolFixture>
{
    public const string Name = "Distribution";
}

/// <summary>
/// The emulator as a user gets it: packed as the dotnet tool DytePS.Emulator (dotnet pack of the
/// built project), installed from a local folder source into a tool path (with a private NuGet
/// package cache, so a package of the same version from an earlier run is never reused), and
/// started as dyte-emulator. One instance keeps running for the tests that need an API.
/// </summary>
public sealed class EmulatorToolFixture : IAsyncLifetime
{
    private readonly TempFolder _temp = new();

    public string Feed => _temp.Combine("feed");

    public string ToolPath => _temp.Combine("tools");

    /// <summary>The DytePS.Emulator package dotnet pack wrote.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>What `dotnet tool install` printed.</summary>
    public string InstallOutput { get; private set; } = "";

    /// <summary>The installed command, as `dotnet tool install --tool-path` puts it.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "dyte-emulator.exe" : "dyte-emulator");

    /// <summary>An emulator started from the installed tool with three seeded meetings in the demo organization.</summary>
    public RunningEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Paths.InRepo("src", "DytePS.Emulator", "DytePS.Emulator.csproj");
        var pack = await DotnetProcess.RunAsync(["pack", project, "--no-build", "-c", Paths.BuildConfiguration, "-o", Feed, "-nologo"], TimeSpan.FromMinutes(5));
        if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack of the emulator failed ({pack.ExitCode}):\n{pack.Output}\n{pack.Errors}");
        PackagePath = Directory.GetFiles(Feed, "DytePS.Emulator.*.nupkg").Single();

        var install = await DotnetProcess.RunAsync(
            ["tool", "install", "DytePS.Emulator", "--tool-path", ToolPath, "--source", Feed, "--version", Paths.BuildVersion],
            TimeSpan.FromMinutes(5), _temp.Path, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _temp.Combine("nuget-packages") });
        if (install.ExitCode != 0) throw new InvalidOperationException($"dotnet tool install failed ({install.ExitCode}):\n{install.Output}\n{install.Errors}");
        InstallOutput = install.Output;

        Emulator = await StartAsync("--port", "0", "--seed-meetings", "3", "--rate-limit", "0", "--lifecycle-delay", "0");
    }

    private Task<GalleryPath>? _gallery;

    /// <summary>The Gallery path (<see cref="GalleryPath"/>), run against <see cref="Emulator"/> when a test first asks for it.</summary>
    public Task<GalleryPath> Gallery => _gallery ??= GalleryPath.RunAsync(Emulator, _temp.Combine("gallery"));

    /// <summary>Starts the installed dyte-emulator and waits for its "listening on" line.</summary>
    public Task<RunningEmulator> StartAsync(params string[] arguments) => RunningEmulator.StartAsync(Command, arguments);

    /// <summary>Runs the installed dyte-emulator to its end (for the options that stop it at once).</summary>
    public Task<ProcessResult> RunToEndAsync(params string[] arguments) => RunningEmulator.RunToEndAsync(Command, arguments);

    /// <summary>The text of an entry of the tool package.</summary>
    public string PackageEntry(string name)
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName == name).Open());
        return reader.ReadToEnd();
    }

    public async Task DisposeAsync()
    {
        if (Emulator != null) await Emulator.DisposeAsync();
        _temp.Dispose();
    }
}

/// <summary>A dyte-emulator process: its API base and the means to stop it the way Ctrl+C or a service manager would.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private static readonly Regex Listening = new(@"listening on (http://127\.0\.0\.1:\d+)/v2", RegexOptions.Compiled);

    private readonly Process _process;

    private RunningEmulator(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; }

    public Uri ApiBaseUri => new(Root, "v2");

    public int Port => Root.Port;

    public const string DemoOrganizationId = "4c5f2b7e-8d1a-4e3b-9f6c-0a1b2c3d4e5f";

    public const string DemoApiKey = "dyte-emulator-demo-key";

    public static async Task<RunningEmulator> StartAsync(string command, IEnumerable<string> arguments)
    {
        var process = Process.Start(StartInfo(command, arguments))!;
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                seen.AppendLine(line);
                var match = Listening.Match(line);
                if (!match.Success) continue;
                // Keep draining standard output so the emulator never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return new RunningEmulator(process, new Uri(match.Groups[1].Value + "/"));
            }
        }
        catch (OperationCanceledException)
        {
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"dyte-emulator printed no 'listening on' line (exit {process.ExitCode}):\n{seen}\n{await errors}");
    }

    public static async Task<ProcessResult> RunToEndAsync(string command, IEnumerable<string> arguments)
    {
        using var process = Process.Start(StartInfo(command, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, await output, "did not end within 60 s\n" + await errors, TimedOut: true);
        }
        return new ProcessResult(process.ExitCode, await output, await errors, TimedOut: false);
    }

    /// <summary>
    /// Asks the emulator to stop as Ctrl+C or `kill` would (SIGTERM) and returns its exit code.
    /// Windows has no such signal for a console process without one, so there it is killed and the code is -1.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (_process.HasExited) return _process.ExitCode;
        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return -1;
        }
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
