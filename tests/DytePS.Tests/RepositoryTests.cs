using DytePS.Playground;
using Xunit;

namespace DytePS.Tests;

/// <summary>Promises the repository makes to newcomers and to CI.</summary>
public sealed class RepositoryTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([BuildPaths.RepoRoot, .. path]));

    [Fact]
    public void README_opens_with_the_test_command_and_the_demo_command()
    {
        var opening = string.Join("\n", Read("README.md").Split('\n').Take(15));

        Assert.Contains("dotnet test", opening);
        Assert.Contains("dotnet run --project tools/DytePS.Playground", opening);
        Assert.True(File.Exists(Path.Combine(BuildPaths.RepoRoot, "tools", "DytePS.Playground", "DytePS.Playground.csproj")));
    }

    [Fact]
    public void CI_runs_the_README_test_command()
    {
        var ci = Read(".ci", "run");

        Assert.Contains("set -euo pipefail", ci);
        Assert.Matches(@"(?m)^dotnet test\b", ci);
    }

    [Fact]
    public void The_repository_carries_its_contract_and_reads_nothing_outside_itself()
    {
        Assert.Contains("operationId: listMeetings", Read("spec", "dyte-v2.openapi.yaml"));
        Assert.True(File.Exists(Path.Combine(BuildPaths.RepoRoot, "spec", "dyte-api-facts.md")));

        // A fresh clone has nothing beside it: no source, project or script may reach the shared folder next to the repository.
        var outside = new System.Text.RegularExpressions.Regex(@"""\.\.""\s*,\s*""shared""|\.\./shared");
        string[] kinds = ["*.cs", "*.csproj", "*.props", "*.targets", "*.ps1", "*.psd1"];
        var offenders = new[] { "src", "tests", "tools", "bench", "examples" }
            .Select(folder => Path.Combine(BuildPaths.RepoRoot, folder))
            .SelectMany(folder => kinds.SelectMany(kind => Directory.EnumerateFiles(folder, kind, SearchOption.AllDirectories)))
            .Concat(Directory.EnumerateFiles(BuildPaths.RepoRoot, "*.p*1"))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(file => outside.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(BuildPaths.RepoRoot, file))
            .ToList();
        Assert.Empty(offenders);
    }
}
