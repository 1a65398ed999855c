using Xunit;
using Xunit.Abstractions;

namespace DytePS.Framework.Tests;

/// <summary>
/// The module on a .NET Framework runtime (Mono), imported as Windows PowerShell 5.1 imports it,
/// against the emulator. One test per check of tests/DytePS.Framework.Host: a check the host
/// no longer prints fails here too.
/// </summary>
public sealed class FrameworkLegTests(FrameworkHostRun run, ITestOutputHelper output) : IClassFixture<FrameworkHostRun>
{
    private static readonly string[] CheckNames =
    [
        // Loading: as Windows PowerShell 5.1 does, beside another module's RestSharp.
        "host-has-no-copies",
        "other-module-restsharp-loaded-first",
        "remove-module-removes-resolver",
        "import-module",
        "client-references-bind",
        "restsharp-isolated",
        "foreign-requests-not-answered",
        // The client end to end.
        "list-with-paging",
        "get",
        "create",
        "update",
        "delete",
        "429-retry-after",
        "503-retried",
        "401",
        "cancellation",
        "webhook-signature",
        "download",
        "tls-1.2-on-framework",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public void Passes_on_the_Framework(string check)
    {
        Assert.True(Mono.Find() != null, Mono.InstallHint);
        Assert.True(run.Checks.TryGetValue(check, out var result), $"The host printed no result for '{check}'.\n{run.Transcript}");
        output.WriteLine(result.Detail);
        Assert.True(result.Passed, $"{check}: {result.Detail}\n{run.Transcript}");
    }

    [Fact]
    public void The_host_runs_exit_zero_and_print_no_unexpected_check()
    {
        Assert.True(Mono.Find() != null, Mono.InstallHint);
        output.WriteLine(run.Transcript);
        Assert.Equal([0, 0], run.ExitCodes);
        Assert.Empty(run.Checks.Keys.Except(CheckNames));
    }
}
