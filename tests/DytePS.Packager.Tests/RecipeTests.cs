using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace DytePS.Packager.Tests;

/// <summary>
/// The admin recipes in examples/, read with the PowerShell parser: help for every parameter, the
/// safety switches where they change state, the "Runs in the hosted engine" promise, and, for
/// the ones that make it, only commands that the hosted engine (Core commands plus DytePS) has.
/// Running them against the emulator is the engine tests' job.
/// </summary>
public sealed class RecipeTests
{
    public static TheoryData<string> Recipes() => new(["Invoke-DyteCleanup.ps1", "Import-DyteParticipants.ps1", "Get-DyteRecordingReport.ps1"]);

    private static ScriptBlockAst Parse(string recipe)
    {
        var ast = Parser.ParseFile(Paths.InRepo("examples", recipe), out _, out var errors);
        Assert.Empty(errors);
        return ast;
    }

    /// <summary>yes or no, from the "# Runs in the hosted engine: ..." line near the top.</summary>
    private static string HostedEngine(string recipe)
    {
        var head = string.Join("\n", File.ReadLines(Paths.InRepo("examples", recipe)).TakeWhile(l => !l.StartsWith("param(", StringComparison.Ordinal)));
        var match = Regex.Match(head, @"^# Runs in the hosted engine: (yes|no \(needs [^)]+\))$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{recipe} has no '# Runs in the hosted engine: yes' or '...: no (needs ...)' line before its param block");
        return match.Groups[1].Value.StartsWith("yes") ? "yes" : "no";
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Each_recipe_has_comment_based_help_for_itself_and_every_parameter(string recipe)
    {
        var ast = Parse(recipe);
        var help = ast.GetHelpContent();

        Assert.NotNull(help);
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), $"{recipe}: .SYNOPSIS");
        Assert.False(string.IsNullOrWhiteSpace(help.Description), $"{recipe}: .DESCRIPTION");
        Assert.NotEmpty(help.Examples);
        Assert.All(help.Examples, e => Assert.Contains(recipe, e));
        foreach (var parameter in ast.ParamBlock.Parameters)
        {
            var name = parameter.Name.VariablePath.UserPath;
            Assert.True(help.Parameters.TryGetValue(name.ToUpperInvariant(), out var text) && !string.IsNullOrWhiteSpace(text), $"{recipe}: no .PARAMETER {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Each_recipe_is_an_advanced_script_with_WhatIf_exactly_when_it_changes_state(string recipe)
    {
        var binding = Parse(recipe).ParamBlock.Attributes.SingleOrDefault(a => a.TypeName.Name == "CmdletBinding");
        Assert.NotNull(binding);

        var supportsShouldProcess = binding!.NamedArguments.Any(a => a.ArgumentName == "SupportsShouldProcess");
        var changesState = recipe != "Get-DyteRecordingReport.ps1";
        Assert.Equal(changesState, supportsShouldProcess);
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Each_recipe_connects_only_when_there_is_no_connection(string recipe)
    {
        var text = File.ReadAllText(Paths.InRepo("examples", recipe)).ReplaceLineEndings("\n");

        Assert.Matches(@"if \(-not \(Get-DyteConnection\)\) \{\n\s+Connect-Dyte\b", text);
        Assert.Single(Regex.Matches(text, @"^\s*Connect-Dyte\b", RegexOptions.Multiline));
    }

    [Fact]
    public void Only_the_CSV_recipe_needs_the_full_PowerShell()
    {
        Assert.Equal("yes", HostedEngine("Invoke-DyteCleanup.ps1"));
        Assert.Equal("yes", HostedEngine("Get-DyteRecordingReport.ps1"));
        Assert.Equal("no", HostedEngine("Import-DyteParticipants.ps1"));
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Recipes_that_run_in_the_hosted_engine_use_only_its_commands(string recipe)
    {
        if (HostedEngine(recipe) != "yes") return;
        var ast = Parse(recipe);
        var ownFunctions = ast.FindAll(n => n is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = ast.FindAll(n => n is CommandAst, true).Cast<CommandAst>()
            .Select(c => c.GetCommandName()).Where(n => n != null && !ownFunctions.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();

        using var runspace = Engine.Open(Paths.ModuleManifest);
        var available = Engine.Run(runspace, "Get-Command -CommandType Cmdlet, Function, Alias | ForEach-Object Name").Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(available.Contains(name!), $"{recipe} uses {name}, which the hosted engine (Core commands and DytePS) does not have"));
    }

    [Fact]
    public void The_sample_CSV_has_the_columns_the_import_reads_and_names_meetings_by_title()
    {
        var lines = File.ReadAllLines(Paths.InRepo("examples", "participants.csv"));

        Assert.Equal("MeetingId,MeetingTitle,Name,PresetName,CustomParticipantId,Picture", lines[0]);
        Assert.True(lines.Length > 2);
        // Titles, so the sample works in any organization that has those meetings (the Pester suite creates them).
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^,[^,]+,", line));
    }
}
