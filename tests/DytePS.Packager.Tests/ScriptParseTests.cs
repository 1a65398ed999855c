using System.Management.Automation.Language;

namespace DytePS.Packager.Tests;

/// <summary>
/// Every PowerShell file in the repository parses in the PowerShell 7.6 parser: a fast first line
/// of defence (the Pester suite and the CSV recipe also run for real in pwsh, in DytePS.Tests;
/// build.ps1 only here and by users); data files (.psd1) must also hold only constants, as
/// Import-PowerShellDataFile needs.
/// </summary>
public sealed class ScriptParseTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "out", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules"];

    public static IReadOnlyList<string> PowerShellFiles()
    {
        var files = new List<string>();
        void Walk(string folder)
        {
            files.AddRange(Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".ps1" or ".psd1" or ".psm1"));
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase)) Walk(sub);
            }
        }
        Walk(Paths.RepoRoot);
        return files.Select(f => Path.GetRelativePath(Paths.RepoRoot, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_ps1_and_psd1_in_the_repository_parses_without_errors()
    {
        var files = PowerShellFiles();
        var problems = new List<string>();
        foreach (var file in files)
        {
            Parser.ParseFile(Paths.InRepo(file), out _, out var errors);
            problems.AddRange(errors.Select(e => $"{file}({e.Extent.StartLineNumber},{e.Extent.StartColumnNumber}): {e.ErrorId}: {e.Message}"));
        }

        Assert.True(problems.Count == 0, "PowerShell parse errors:\n" + string.Join("\n", problems));
        // The walk found the files it is here for (and so would find a broken one).
        Assert.Contains("build.ps1", files);
        Assert.Contains("DytePS.psd1", files);
        Assert.Contains("examples/Quickstart.ps1", files);
    }

    [Fact]
    public void Every_psd1_is_a_data_file_of_constants()
    {
        foreach (var file in PowerShellFiles().Where(f => f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)))
        {
            var ast = Parser.ParseFile(Paths.InRepo(file), out _, out _);
            var table = ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst;
            Assert.True(table != null, $"{file} holds no hashtable");
            var exception = Record.Exception(() => table!.SafeGetValue());
            Assert.True(exception is null, $"{file}: {exception?.Message}");
        }
    }

    [Fact]
    public void Bin_obj_and_out_are_not_searched()
    {
        Assert.DoesNotContain(PowerShellFiles(), f => f.Split('/').Any(s => s is "bin" or "obj" or "out"));
    }
}
