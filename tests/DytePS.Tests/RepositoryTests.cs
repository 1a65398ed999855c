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
}
