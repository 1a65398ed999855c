using System.Management.Automation.Language;

namespace DytePS.Packager.Tests;

/// <summary>
/// tests/Pester/DytePS.Tests.ps1 needs pwsh and Pester 5, which this machine's test run does not
/// have; read with the PowerShell parser, it is checked for the Pester 5 shape and for what it
/// promises to cover.
/// </summary>
public sealed class PesterSuiteTests
{
    private static readonly string SuitePath = Paths.InRepo("tests", "Pester", "DytePS.Tests.ps1");
    private static readonly ScriptBlockAst Suite = Parser.ParseFile(SuitePath, out _, out _);

    private static IEnumerable<CommandAst> Commands(string name) =>
        Suite.FindAll(n => n is CommandAst c && string.Equals(c.GetCommandName(), name, StringComparison.OrdinalIgnoreCase), true).Cast<CommandAst>();

    /// <summary>Pester blocks called at the top of the file (not inside another block).</summary>
    private static IEnumerable<string?> TopLevelCommands() =>
        Suite.EndBlock.Statements.OfType<PipelineAst>().SelectMany(p => p.PipelineElements.OfType<CommandAst>()).Select(c => c.GetCommandName());

    [Fact]
    public void It_sets_up_and_tears_down_once_around_one_Describe()
    {
        Assert.Equal(["BeforeAll", "AfterAll", "Describe"], TopLevelCommands());
        Assert.Contains(Suite.ParamBlock!.Parameters, p => p.Name.VariablePath.UserPath == "Configuration");
    }

    [Fact]
    public void It_imports_the_built_module_folder_and_starts_the_emulator_on_a_free_port()
    {
        var text = Suite.Extent.Text;
        Assert.Contains("Join-Path $RepoRoot 'out' 'DytePS' 'DytePS.psd1'", text);
        Assert.Contains("Join-Path $PSScriptRoot '..' '..'", text);
        Assert.Contains("Join-Path $RepoRoot 'src' 'DytePS.Emulator' 'bin' $_ 'net10.0' 'DytePS.Emulator.dll'", text);
        Assert.Contains("'--port', '0', '--lifecycle-delay', '0'", text);
        Assert.Contains("'--rate-limit', '0'", text);
        Assert.Contains("listening on (http://127\\.0\\.0\\.1:\\d+)/v2", text);
        Assert.Contains("Invoke-Control -Path 'organizations' -Method Post", text);
        Assert.Contains("Stop-Process -Id $EmulatorProcess.Id -Force", text);
    }

    [Fact]
    public void Every_Should_uses_the_Pester_5_operator_syntax()
    {
        var shoulds = Commands("Should").ToList();
        Assert.NotEmpty(shoulds);
        var known = new[] { "-Be", "-Not", "-HaveCount", "-Throw", "-BeTrue", "-BeFalse", "-BeNullOrEmpty", "-BeLike", "-BeOfType", "-BeIn", "-BeGreaterThan" };
        foreach (var should in shoulds)
        {
            var first = should.CommandElements.Skip(1).FirstOrDefault();
            Assert.True(first is CommandParameterAst, $"line {should.Extent.StartLineNumber}: '{should.Extent.Text}' is Pester 3 syntax (Should Be); Pester 5 needs Should -Be");
            Assert.Contains("-" + ((CommandParameterAst)first!).ParameterName, known, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void It_covers_each_area_in_a_Context_of_its_own()
    {
        var contexts = Commands("Context").Select(c => ((StringConstantExpressionAst)c.CommandElements[1]).Value).ToList();
        Assert.Equal(["Module and connection", "Meetings", "Participants", "Sessions", "Recordings", "Livestreams", "Webhooks", "-WhatIf sends nothing", "Errors", "Admin recipes"], contexts);

        var tests = Commands("It").Select(c => ((StringConstantExpressionAst)c.CommandElements[1]).Value).ToList();
        Assert.Equal(tests.Count, tests.Distinct().Count());
        Assert.Contains(Commands("It"), c => c.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName == "TestCases"));
    }

    [Theory]
    [InlineData("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Confirm:$false")]
    [InlineData("Get-DyteMeeting | Get-DyteRecording -Active | Stop-DyteRecording -Confirm:$false")]
    [InlineData("Get-DyteSession | Get-DyteSessionParticipant")]
    [InlineData("Get-DyteWebhook -Name old* | Remove-DyteWebhook -Confirm:$false")]
    [InlineData("Save-DyteRecording -Path TestDrive:\\")]
    [InlineData("Get-ApiRequest $organization.id | Should -HaveCount 0")]
    [InlineData("Should -Throw -ErrorId 'DyteNotFound,*'")]
    [InlineData("Import-DyteParticipants.ps1') -Path $sample")]
    public void It_runs_the_pipelines_and_checks_the_brief_asks_for(string text)
    {
        Assert.Contains(text, Suite.Extent.Text);
    }
}
