using DytePS.Testing;
using System.Diagnostics;
using System.IO.Compression;

namespace DytePS.Packager.Tests;

/// <summary>The packager's command line on copies of the module folder: in-process through CommandLine.Run, and as the real process the build starts.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Packs_the_module_folder_and_prints_only_the_package_path()
    {
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = Run("--module", Paths.ModuleFolder, "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var path = Path.Combine(output, "DytePS.0.1.0.nupkg");
        Assert.Equal(path + Environment.NewLine, stdout);
        Assert.True(File.Exists(path));
        Assert.Equal([path], Directory.GetFiles(output));
    }

    [Fact]
    public void Replaces_a_package_that_is_already_there()
    {
        var output = _temp.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "DytePS.0.1.0.nupkg"), "stale");

        var (exit, _, _) = Run("--module", Paths.ModuleFolder, "--out", output);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(Path.Combine(output, "DytePS.0.1.0.nupkg"));
        Assert.NotNull(zip.GetEntry("DytePS.nuspec"));
    }

    [Fact]
    public void Leaves_out_build_leftovers_and_says_so()
    {
        var module = _temp.CopyModule();
        var leftovers = new[] { "DytePS.pdb", "bin/Debug/DytePS.dll", "obj/project.assets.json", ".DS_Store", "dependencies/.hidden", ".git/config", "DytePS.nuspec", "DytePS.0.0.1.nupkg" };
        foreach (var leftover in leftovers)
        {
            var path = Path.Combine(module, leftover);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "leftover");
        }
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = Run("--module", module, "--out", output);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(stdout.Trim());
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(entries, e => e.Contains(".pdb") || e.StartsWith("bin/") || e.StartsWith("obj/") || e.Contains(".DS_Store")
            || e.Contains(".hidden") || e.StartsWith(".git") || e.EndsWith(".nupkg"));
        Assert.NotEqual("leftover", new StreamReader(zip.GetEntry("DytePS.nuspec")!.Open()).ReadToEnd());
        foreach (var shown in new[] { "DytePS.pdb", "bin" + Path.DirectorySeparatorChar, "obj" + Path.DirectorySeparatorChar, ".git" + Path.DirectorySeparatorChar, ".DS_Store" })
            Assert.Contains($"DytePS.Packager : note: left out {shown}", stderr);
    }

    [Fact]
    public void The_same_folder_and_timestamp_give_the_same_bytes()
    {
        var stamp = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var first = ModulePackager.Pack(Paths.ModuleFolder, _temp.Combine("one"), stamp).PackagePath;
        var second = ModulePackager.Pack(Paths.ModuleFolder, _temp.Combine("two"), stamp).PackagePath;

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void A_missing_module_folder_is_an_error_and_writes_nothing()
    {
        var missing = _temp.Combine("nowhere", "DytePS");
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = Run("--module", missing, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"DytePS.Packager : error: {missing}: the module folder does not exist", stderr);
        Assert.EndsWith("No package was written." + Environment.NewLine, stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_without_a_manifest_of_its_name_is_an_error()
    {
        var module = _temp.CopyModule();
        var renamed = Path.Combine(Path.GetDirectoryName(module)!, "Other");
        Directory.Move(module, renamed);

        var (exit, _, stderr) = Run("--module", renamed, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Contains($"{renamed}: no module manifest Other.psd1", stderr);
    }

    [Theory]
    [InlineData("DytePS.dll", "RootModule names 'DytePS.dll', which is not in the module folder")]
    [InlineData("DytePS.Loader.dll", "NestedModules names 'DytePS.Loader.dll', which is not in the module folder")]
    [InlineData("DytePS.format.ps1xml", "FormatsToProcess names 'DytePS.format.ps1xml', which is not in the module folder")]
    [InlineData("DytePS.types.ps1xml", "TypesToProcess names 'DytePS.types.ps1xml', which is not in the module folder")]
    public void A_file_the_manifest_names_that_is_missing_is_an_error(string file, string message)
    {
        var module = _temp.CopyModule();
        File.Delete(Path.Combine(module, file));

        var (exit, stdout, stderr) = Run("--module", module, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"DytePS.Packager : error: {Path.Combine(module, "DytePS.psd1")}: {message}", stderr);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Theory]
    [InlineData("Description          = 'Manage Dyte", "Description = ''\n    # 'Manage Dyte", "Description is empty; the PowerShell Gallery needs it.")]
    [InlineData("Author               = 'DytePS contributors'", "Author = ' '", "Author is empty; the PowerShell Gallery needs it")]
    [InlineData("'Dyte', 'RealtimeKit'", "'Dyte video', 'RealtimeKit'", "the tag 'Dyte video' is empty or has white space")]
    [InlineData("ProjectUri   = 'https://github.com/dyteps/DytePS'", "ProjectUri = 'github.com/dyteps'", "PSData.ProjectUri 'github.com/dyteps' is not an absolute http(s) URL.")]
    [InlineData("Tags         =", "RequireLicenseAcceptance = $true; Tags =", "RequireLicenseAcceptance is true")]
    [InlineData("ModuleVersion        = '0.1.0'", "ModuleVersion = '0.1.0'; GUID2 = (Get-Date)", "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions")]
    [InlineData("ModuleVersion        = '0.1.0'", "ModuleVersion        = 'zero'", "ModuleVersion")]
    public void An_invalid_manifest_is_an_error_naming_the_problem(string find, string replace, string message)
    {
        var module = _temp.CopyModule();
        var manifest = Path.Combine(module, "DytePS.psd1");
        var text = File.ReadAllText(manifest);
        Assert.Contains(find, text);
        File.WriteAllText(manifest, text.Replace(find, replace));

        var (exit, stdout, stderr) = Run("--module", module, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"DytePS.Packager : error: {manifest}", stderr);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void A_manifest_that_does_not_parse_is_an_error_with_its_line()
    {
        var module = _temp.CopyModule();
        var manifest = Path.Combine(module, "DytePS.psd1");
        File.WriteAllText(manifest, "@{\n    ModuleVersion = '0.1.0'\n    Author = 'x\n");

        var (exit, _, stderr) = Run("--module", module, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Matches(@$"DytePS\.Packager : error: {System.Text.RegularExpressions.Regex.Escape(manifest)}\(3,\d+\): ", stderr);
    }

    [Fact]
    public void Prerelease_in_PSData_makes_a_prerelease_package()
    {
        var module = _temp.CopyModule();
        var manifest = Path.Combine(module, "DytePS.psd1");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("Tags         =", "Prerelease = 'preview1'; Tags ="));

        var (exit, stdout, _) = Run("--module", module, "--out", _temp.Combine("out"));

        Assert.Equal(0, exit);
        Assert.Equal(_temp.Combine("out", "DytePS.0.1.0-preview1.nupkg"), stdout.Trim());
    }

    [Theory]
    [InlineData(new string[0], "both --module and --out are required.")]
    [InlineData(new[] { "--module", "out/DytePS" }, "both --module and --out are required.")]
    [InlineData(new[] { "--module" }, "--module needs a folder.")]
    [InlineData(new[] { "--module", "out/DytePS", "--out", "out", "--force" }, "unknown argument '--force'.")]
    public void Usage_mistakes_exit_one_and_point_at_the_help(string[] args, string message)
    {
        var (exit, stdout, stderr) = Run(args);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"DytePS.Packager : error: {message}{Environment.NewLine}Run with --help for usage.{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Help_exits_zero_and_shows_the_usage()
    {
        var (exit, stdout, _) = Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("dotnet run --project tools/DytePS.Packager -- --module <folder> --out <folder>", stdout);
    }

    [Fact]
    public void RealProcess_PacksAndPrintsThePath()
    {
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = RunProcess("--module", Paths.ModuleFolder, "--out", output);

        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(output, "DytePS.0.1.0.nupkg"), stdout.Trim());
    }

    [Fact]
    public void RealProcess_MissingFolderExitsOne()
    {
        var (exit, stdout, stderr) = RunProcess("--module", _temp.Combine("missing"), "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("the module folder does not exist", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built packager as `dotnet DytePS.*.dll ...` with no standard input, as the build does.</summary>
    private static (int Exit, string Stdout, string Stderr) RunProcess(params string[] args)
    {
        var result = DotnetProcess.RunAsync([typeof(CommandLine).Assembly.Location, .. args], TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        Assert.False(result.TimedOut, "the packager did not finish within 120 s");
        return (result.ExitCode, result.Output, result.Errors);
    }
}
