using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace DytePS.Packager.Tests;

/// <summary>
/// Updatable help: the packager writes the HelpInfo XML and the help archive per culture from the
/// built module folder, and pwsh's own Save-Help and Update-Help -SourcePath accept them.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class UpdatableHelpTests : IDisposable
{
    private const string Guid = "99cc3afc-fea3-446b-879e-efad7ea082b3";
    private static readonly XNamespace HelpInfo = "http://schemas.microsoft.com/powershell/help/2010/05";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ModuleMetadata Metadata => ModuleManifestReader.Read(Paths.ModuleManifest);

    [Fact]
    public void The_manifest_has_an_https_HelpInfoUri_ending_in_a_slash()
    {
        var uri = Assert.IsType<string>(Engine.ReadDataFile(Paths.InRepo("DytePS.psd1"))["HelpInfoUri"]);

        Assert.Equal("https://github.com/dyteps/DytePS/releases/latest/download/", uri);
        Assert.Equal(new Uri(uri), Metadata.HelpInfoUri);
    }

    [Fact]
    public void It_writes_the_HelpInfo_XML_and_one_archive_of_the_en_US_help_named_by_module_and_GUID()
    {
        var result = UpdatableHelpWriter.Write(Paths.ModuleFolder, Metadata, _temp.Combine("help"), PackageFixture.Timestamp);

        Assert.Equal([$"DytePS_{Guid}_HelpInfo.xml", $"DytePS_{Guid}_en-US_HelpContent.cab", $"DytePS_{Guid}_en-US_HelpContent.zip"], Directory.GetFiles(_temp.Combine("help")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["en-US"], result.Cultures);
        var xml = XDocument.Load(result.HelpInfoPath);
        Assert.Equal(HelpInfo + "HelpInfo", xml.Root!.Name);
        Assert.Equal("https://github.com/dyteps/DytePS/releases/latest/download/", xml.Root.Element(HelpInfo + "HelpContentURI")!.Value);
        var culture = xml.Root.Element(HelpInfo + "SupportedUICultures")!.Elements(HelpInfo + "UICulture").Single();
        Assert.Equal("en-US", culture.Element(HelpInfo + "UICultureName")!.Value);
        Assert.Equal(Paths.BuildVersion.Split('-')[0] + ".0", culture.Element(HelpInfo + "UICultureVersion")!.Value);

        using var zip = ZipFile.OpenRead(result.ContentPaths.Single(p => p.EndsWith(".zip", StringComparison.Ordinal)));
        var shipped = Directory.GetFiles(Path.Combine(Paths.ModuleFolder, "en-US")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DytePS.dll-Help.xml", "about_DytePS.help.txt"], shipped);
        Assert.Equal(shipped, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(Paths.ModuleFolder, "en-US", entry.FullName)), reader.ReadToEnd());
        }
    }

    /// <summary>
    /// Windows' Update-Help asks for the .cab. Windows is not at hand here, so the cabinet is read
    /// back by an independent reader of the format (header, folder, file entries, data blocks);
    /// cabextract -t also accepts it (checked by hand, it is not on the test machines).
    /// </summary>
    [Fact]
    public void The_cab_for_Windows_holds_the_same_files_as_the_zip()
    {
        var result = UpdatableHelpWriter.Write(Paths.ModuleFolder, Metadata, _temp.Combine("help"), PackageFixture.Timestamp);

        var files = ReadCabinet(File.ReadAllBytes(result.ContentPaths.Single(p => p.EndsWith(".cab", StringComparison.Ordinal))));
        Assert.Equal(["DytePS.dll-Help.xml", "about_DytePS.help.txt"], files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, content) in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(Paths.ModuleFolder, "en-US", name)), content);
    }

    [Fact]
    public void A_cab_of_more_than_one_32_KiB_block_and_of_an_empty_file_reads_back()
    {
        var big = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new MemoryStream();

        CabinetWriter.Write(stream, [("a.txt", big), ("empty.txt", []), ("b.txt", "bee"u8.ToArray())], new DateTime(2026, 11, 25, 12, 0, 0));

        var files = ReadCabinet(stream.ToArray());
        Assert.Equal(big, files["a.txt"]);
        Assert.Empty(files["empty.txt"]);
        Assert.Equal("bee"u8.ToArray(), files["b.txt"]);
    }

    /// <summary>The files of a single-folder, uncompressed cabinet, checking the header's own sizes and counts as it goes.</summary>
    private static Dictionary<string, byte[]> ReadCabinet(byte[] cab)
    {
        Assert.Equal("MSCF"u8.ToArray(), cab[..4]);
        Assert.Equal(cab.Length, (int)BitConverter.ToUInt32(cab, 8));
        var firstFile = (int)BitConverter.ToUInt32(cab, 16);
        Assert.Equal((3, 1), (cab[24], cab[25]));
        Assert.Equal(1, BitConverter.ToUInt16(cab, 26));
        var fileCount = BitConverter.ToUInt16(cab, 28);
        Assert.Equal(0, BitConverter.ToUInt16(cab, 30));
        var firstData = (int)BitConverter.ToUInt32(cab, 36);
        var blockCount = BitConverter.ToUInt16(cab, 40);
        Assert.Equal(0, BitConverter.ToUInt16(cab, 42));

        var data = new MemoryStream();
        var at = firstData;
        for (var block = 0; block < blockCount; block++)
        {
            var length = BitConverter.ToUInt16(cab, at + 4);
            Assert.Equal(length, BitConverter.ToUInt16(cab, at + 6));
            Assert.InRange(length, 0, 32768);
            data.Write(cab, at + 8, length);
            at += 8 + length;
        }
        Assert.Equal(cab.Length, at);

        var folder = data.ToArray();
        var files = new Dictionary<string, byte[]>();
        at = firstFile;
        for (var i = 0; i < fileCount; i++)
        {
            var size = (int)BitConverter.ToUInt32(cab, at);
            var offset = (int)BitConverter.ToUInt32(cab, at + 4);
            var end = Array.IndexOf(cab, (byte)0, at + 16);
            files.Add(System.Text.Encoding.ASCII.GetString(cab, at + 16, end - at - 16), folder[offset..(offset + size)]);
            at = end + 1;
        }
        Assert.Equal(firstData, at);
        return files;
    }

    [Fact]
    public void Without_a_HelpInfoUri_it_refuses_and_says_what_to_add()
    {
        var error = Assert.Throws<PackagingException>(() => UpdatableHelpWriter.Write(Paths.ModuleFolder, Metadata with { HelpInfoUri = null }, _temp.Combine("help")));

        Assert.Contains("no HelpInfoUri", error.Message);
        Assert.False(Directory.Exists(_temp.Combine("help")));
    }

    [Fact]
    public void The_command_line_with_help_out_prints_the_package_then_the_help_files()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CommandLine.Run(["--module", Paths.ModuleFolder, "--out", _temp.Combine("out"), "--help-out", _temp.Combine("out", "help")], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal([
            _temp.Combine("out", $"DytePS.{Paths.BuildVersion}.nupkg"),
            _temp.Combine("out", "help", $"DytePS_{Guid}_HelpInfo.xml"),
            _temp.Combine("out", "help", $"DytePS_{Guid}_en-US_HelpContent.zip"),
            _temp.Combine("out", "help", $"DytePS_{Guid}_en-US_HelpContent.cab")],
            stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The installed module without its en-US folder, its HelpInfoUri pointing at a loopback server
    /// that serves what the packager wrote: Save-Help downloads it, Update-Help -SourcePath installs
    /// it from that folder, and Get-Help then shows the real help.
    /// </summary>
    [Fact]
    public async Task Save_Help_downloads_it_and_Update_Help_from_that_folder_installs_it_in_real_pwsh()
    {
        var served = _temp.Combine("served");
        using var server = new StaticFileServer(served);
        UpdatableHelpWriter.Write(Paths.ModuleFolder, Metadata with { HelpInfoUri = server.Root }, served);
        var home = _temp.Combine("home");
        var saved = _temp.Combine("saved");
        var result = _temp.Combine("result.json");
        var script = $$"""
            $userModules = @($env:PSModulePath -split [IO.Path]::PathSeparator)[0]
            $module = Join-Path $userModules 'DytePS' {{Pwsh.Quote(Paths.BuildVersion.Split('-')[0])}}
            $null = New-Item -ItemType Directory -Path $module -Force
            Copy-Item -Path (Join-Path {{Pwsh.Quote(Paths.ModuleFolder)}} '*') -Destination $module -Recurse
            Remove-Item -LiteralPath (Join-Path $module 'en-US') -Recurse
            $manifest = Join-Path $module 'DytePS.psd1'
            (Get-Content -LiteralPath $manifest -Raw) -replace "(?m)^(\s*HelpInfoUri\s*=\s*)'[^']*'", "`$1'{{server.Root}}'" | Set-Content -LiteralPath $manifest
            $before = (Get-Help -Name Get-DyteMeeting).Synopsis
            $null = New-Item -ItemType Directory -Path {{Pwsh.Quote(saved)}} -Force
            Save-Help -Module DytePS -DestinationPath {{Pwsh.Quote(saved)}} -UICulture en-US
            $savedFiles = @(Get-ChildItem -LiteralPath {{Pwsh.Quote(saved)}} | ForEach-Object Name)
            Update-Help -Module DytePS -SourcePath {{Pwsh.Quote(saved)}} -UICulture en-US
            @{
                HelpInfoUri = (Get-Module -ListAvailable -Name DytePS).HelpInfoUri
                Before      = "$before".Trim()
                Saved       = $savedFiles
                After       = (Get-Help -Name Get-DyteMeeting).Synopsis
            } | ConvertTo-Json | Set-Content -LiteralPath {{Pwsh.Quote(result)}} -Encoding utf8
            """;

        var run = await Pwsh.RunAsync(script, home, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0 && File.Exists(result), $"pwsh failed (exit {run.ExitCode}):\n{run.Errors}\n{run.Output}");
        using var json = JsonDocument.Parse(File.ReadAllText(result));
        var seen = json.RootElement;
        Assert.Equal(server.Root.ToString(), seen.GetProperty("HelpInfoUri").GetString());
        Assert.Equal([$"DytePS_{Guid}_HelpInfo.xml", $"DytePS_{Guid}_en-US_HelpContent.zip"], server.Requests.Order(StringComparer.Ordinal));
        Assert.Equal([$"DytePS_{Guid}_HelpInfo.xml", $"DytePS_{Guid}_en-US_HelpContent.zip"], seen.GetProperty("Saved").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        // Without help files, Get-Help makes a synopsis of the syntax; with them, the page's own.
        Assert.StartsWith("Get-DyteMeeting [", seen.GetProperty("Before").GetString());
        Assert.Equal("Gets meetings: every meeting of the organization, or the ones with the given ids.", seen.GetProperty("After").GetString());
    }
}
