using System.Management.Automation;
using DytePS.Playground;
using Xunit;

namespace DytePS.Tests.Help;

/// <summary>What users see: Get-Help in the engine, reading the MAML the build compiled from docs/en-US.</summary>
public sealed class GetHelpTests : IDisposable
{
    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private readonly DyteShell _shell = DyteShell.Open();

    public void Dispose() => _shell.Dispose();

    public static TheoryData<string> Cmdlets() => new(HelpPages.ExportedCmdlets());

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_cmdlet_has_full_help(string cmdlet)
    {
        _shell.SetVariable("cmdlet", cmdlet);
        var help = Assert.Single(_shell.Run("Get-Help $cmdlet -Full").ThrowIfFailed().Output);

        var synopsis = help.Str("Synopsis")?.Trim();
        Assert.False(string.IsNullOrEmpty(synopsis), $"{cmdlet}: no synopsis");
        Assert.DoesNotContain(cmdlet + " [", synopsis); // PowerShell shows the syntax as synopsis when there is no help
        var description = _shell.Run("(Get-Help $cmdlet -Full).description | ForEach-Object Text").ThrowIfFailed().Output;
        Assert.True(description.Any(d => !string.IsNullOrWhiteSpace(d?.ToString())), $"{cmdlet}: no description");
        var examples = _shell.Run("@((Get-Help $cmdlet -Examples).examples.example).Count").ThrowIfFailed().Output;
        Assert.True((int)examples[0].BaseObject >= 1, $"{cmdlet}: no example");

        var parameters = _shell.Run("(Get-Command $cmdlet).Parameters.Keys").ThrowIfFailed().Output.Select(o => o.ToString()!)
            .Where(p => !CommonParameters.Contains(p)).ToList();
        foreach (var parameter in parameters)
        {
            _shell.SetVariable("parameter", parameter);
            var text = _shell.Run("(Get-Help $cmdlet -Parameter $parameter).description | ForEach-Object Text").Output;
            Assert.True(text.Any(t => !string.IsNullOrWhiteSpace(t?.ToString())), $"{cmdlet} -{parameter}: no description");
        }
    }

    [Fact]
    public void About_DytePS_is_found_by_name()
    {
        var text = string.Concat(_shell.Run("Get-Help about_DytePS").ThrowIfFailed().Output.Select(o => o.ToString()));

        Assert.Contains("Connect-Dyte", text);
        Assert.Contains("DYTE_API_KEY", text);
        Assert.Contains("emulator", text, StringComparison.OrdinalIgnoreCase);
    }
}
