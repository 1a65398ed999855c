using System.Management.Automation.Language;

namespace DytePS.Packager.Tests;

/// <summary>build.ps1, read with the PowerShell parser (it needs pwsh 7 to run): its tasks, its safety settings, and only documented dotnet commands.</summary>
public sealed class BuildScriptTests
{
    private static readonly ScriptBlockAst Script = Parser.ParseFile(Paths.InRepo("build.ps1"), out _, out _);

    [Fact]
    public void It_offers_the_Build_Test_Docs_Package_Demo_and_Release_tasks()
    {
        var task = Script.ParamBlock.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var set = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");

        Assert.Equal(["Build", "Test", "Docs", "Package", "Demo", "Release"], set.PositionalArguments.Cast<StringConstantExpressionAst>().Select(s => s.Value));
    }

    [Fact]
    public void It_is_an_advanced_script_with_help_that_stops_on_errors_in_strict_mode()
    {
        Assert.Contains(Script.ParamBlock.Attributes, a => a.TypeName.Name == "CmdletBinding");
        var help = Script.GetHelpContent();
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis));
        Assert.False(string.IsNullOrWhiteSpace(help.Description));
        Assert.Contains("TASK", help.Parameters.Keys);
        Assert.Contains("CONFIGURATION", help.Parameters.Keys);
        Assert.NotEmpty(help.Examples);

        var text = Script.Extent.Text;
        Assert.Contains("$ErrorActionPreference = 'Stop'", text);
        Assert.Contains("Set-StrictMode -Version Latest", text);
        Assert.Contains("#Requires -Version 7.0", text);
    }

    [Fact]
    public void Every_dotnet_command_is_a_documented_one_and_its_exit_code_is_checked()
    {
        var dotnetCalls = Script.FindAll(n => n is CommandAst c && c.GetCommandName() is "dotnet" or "Invoke-Dotnet", searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();
        var verbs = dotnetCalls.Select(c => c.CommandElements.Skip(1).OfType<StringConstantExpressionAst>().FirstOrDefault()?.Value)
            .Where(v => v != null && !v.StartsWith('@')).ToList();

        Assert.NotEmpty(verbs);
        Assert.All(verbs, v => Assert.Contains(v, new[] { "build", "test", "run", "pack", "nuget" }));
        // Each place that starts dotnet (or a job) looks at how it ended.
        Assert.True(Script.Extent.Text.Split("$LASTEXITCODE -ne 0").Length - 1 >= 2, "build.ps1 checks $LASTEXITCODE after dotnet");
    }

    [Fact]
    public void Package_runs_the_packager_on_the_built_module_folder()
    {
        var text = Script.Extent.Text;
        Assert.Contains("dotnet run --no-build --project $project -c $Configuration -- --module $moduleFolder --out $outFolder --help-out $helpFolder", text);
        Assert.Contains("Join-Path $root 'tools' 'DytePS.Packager'", text);
        Assert.Contains("$helpFolder = Join-Path $outFolder 'help'", text);
        Assert.Contains("Invoke-Dotnet pack $emulatorProject --no-build --configuration $Configuration --output $outFolder", text);
    }
}
