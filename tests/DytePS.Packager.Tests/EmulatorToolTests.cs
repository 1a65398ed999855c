using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace DytePS.Packager.Tests;

/// <summary>
/// The emulator as the dotnet tool DytePS.Emulator: packed from the built project, installed from a
/// local folder source, started as dyte-emulator, used and stopped; and the ways it refuses to start,
/// each one line on standard error and a documented exit code (2: bad input, 3: in use elsewhere).
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class EmulatorToolTests(EmulatorToolFixture tool) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void It_is_packed_as_the_dotnet_tool_DytePS_Emulator_of_the_repository_version_with_the_command_dyte_emulator()
    {
        Assert.Equal($"DytePS.Emulator.{Paths.BuildVersion}.nupkg", Path.GetFileName(tool.PackagePath));
        var nuspec = XDocument.Parse(tool.PackageEntry("DytePS.Emulator.nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("DytePS.Emulator", metadata.Element(ns + "id")!.Value);
        Assert.Equal(Paths.BuildVersion, metadata.Element(ns + "version")!.Value);
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value);
        Assert.Contains("<Command Name=\"dyte-emulator\"", tool.PackageEntry("tools/net10.0/any/DotnetToolSettings.xml"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal(File.ReadAllText(Paths.InRepo("docs", "emulator.md")), tool.PackageEntry("README.md"));

        Assert.Contains($"'dyteps.emulator' (version '{Paths.BuildVersion}') was successfully installed", tool.InstallOutput);
        Assert.True(File.Exists(tool.Command), $"no {tool.Command} after dotnet tool install");
    }

    [Fact]
    public async Task Installed_it_starts_serves_the_API_and_the_control_API_and_stops_on_SIGTERM_with_exit_code_0()
    {
        await using var emulator = await tool.StartAsync("--port", "0", "--seed-meetings", "2");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{RunningEmulator.DemoOrganizationId}:{RunningEmulator.DemoApiKey}")));

        using var meetings = JsonDocument.Parse(await http.GetStringAsync(new Uri(emulator.Root, "v2/meetings")));
        Assert.Equal(2, meetings.RootElement.GetProperty("data").GetArrayLength());
        using var log = JsonDocument.Parse(await http.GetStringAsync(new Uri(emulator.Root, $"_emulator/requests?organization={RunningEmulator.DemoOrganizationId}")));
        Assert.Contains("\"/v2/meetings\"", log.RootElement.GetRawText());

        var exit = await emulator.StopAsync();
        if (!OperatingSystem.IsWindows()) Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_port_and_exit_code_3()
    {
        var result = await tool.RunToEndAsync("--port", tool.Emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        AssertOneLineError(result, 3, $"port {tool.Emulator.Port}");
        Assert.Contains("in use", result.Errors);
    }

    [Fact]
    public async Task A_data_path_that_cannot_be_written_is_one_line_and_exit_code_2()
    {
        var file = _temp.Combine("a-file");
        File.WriteAllText(file, "not a folder");
        var data = Path.Combine(file, "dyte.db");

        var result = await tool.RunToEndAsync("--port", "0", "--data", data);

        AssertOneLineError(result, 2, $"--data {data}");
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--port 70000", "--port must be an integer from 0 to 65535")]
    [InlineData("--seed-meetings", "--seed-meetings needs a value")]
    [InlineData("--port 0 --fault noSuchOperation:status=500", "--fault noSuchOperation")]
    public async Task A_bad_option_is_one_line_and_exit_code_2(string arguments, string message)
    {
        var result = await tool.RunToEndAsync(arguments.Split(' '));

        AssertOneLineError(result, 2, message);
    }

    [Fact]
    public async Task Help_names_the_command_and_the_exit_codes()
    {
        var result = await tool.RunToEndAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dyte-emulator [options]", result.Output);
        Assert.Contains("Exit codes:", result.Output);
        Assert.Contains("--data <file>", result.Output);
    }

    private static void AssertOneLineError(DytePS.Testing.ProcessResult result, int exitCode, string message)
    {
        Assert.False(result.TimedOut, result.Errors);
        Assert.True(exitCode == result.ExitCode, $"exit code {result.ExitCode}, expected {exitCode}; standard error:\n{result.Errors}");
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on standard error, got {lines.Length}:\n{result.Errors}");
        Assert.StartsWith("dyte-emulator: ", lines[0]);
        Assert.Contains(message, lines[0]);
        Assert.DoesNotContain("Unhandled", result.Errors);
        Assert.DoesNotContain(" at ", result.Errors);
        Assert.DoesNotContain("listening on", result.Output);
    }
}
