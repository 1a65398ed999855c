using DytePS.Playground;
using DytePS.Tests.Connection;
using Xunit;

namespace DytePS.Tests.Examples;

/// <summary>The README's demo: examples/Quickstart.ps1 as the playground runs it (DYTE_* variables, Out-Default).</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class QuickstartTests : EngineTest, IDisposable
{
    protected override bool ConnectOnStart => false;

    public void Dispose()
    {
        foreach (var name in new[] { "DYTE_BASE_URI", "DYTE_ORG_ID", "DYTE_API_KEY" }) Environment.SetEnvironmentVariable(name, null);
    }

    [Fact]
    public async Task Quickstart_runs_cleanly_and_prints_the_tables()
    {
        Environment.SetEnvironmentVariable("DYTE_BASE_URI", Org.ApiBaseUri.ToString());
        Environment.SetEnvironmentVariable("DYTE_ORG_ID", Org.Id);
        Environment.SetEnvironmentVariable("DYTE_API_KEY", Org.ApiKey);

        var result = Shell.Run("& $args[0] | Out-Default", [Path.Combine(BuildPaths.RepoRoot, "examples", "Quickstart.ps1")]).ThrowIfFailed();

        var text = Shell.Host.Text;
        Assert.Contains(Org.Id, text);
        Assert.Matches(@"All hands\s+INACTIVE", text);
        Assert.Matches(@"Weekly standup\s+ACTIVE", text);
        Assert.Contains((await RequestsAsync()), r => r.Method == "PATCH");
        Assert.Empty(result.Output);
    }
}
