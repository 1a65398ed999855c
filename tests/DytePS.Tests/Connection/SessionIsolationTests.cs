using DytePS.Playground;
using Xunit;

namespace DytePS.Tests.Connection;

public sealed class SessionIsolationTests : EngineTest
{
    [Fact]
    public void Each_runspace_has_its_own_current_connection()
    {
        using var other = DyteShell.Open();

        var result = other.Run("Get-DyteConnection");

        Assert.Empty(result.Output);
        Assert.Single(Run("Get-DyteConnection").ThrowIfFailed().Output);
    }
}
