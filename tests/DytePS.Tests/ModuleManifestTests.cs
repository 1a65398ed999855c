using System.Management.Automation;
using System.Reflection;
using DytePS.Playground;
using Xunit;

namespace DytePS.Tests;

public sealed class ModuleManifestTests : IDisposable
{
    private readonly DyteShell _shell = DyteShell.Open();

    public void Dispose() => _shell.Dispose();

    [Fact]
    public void Manifest_passes_Test_ModuleManifest()
    {
        var result = _shell.Run("Test-ModuleManifest -Path $args[0]", [BuildPaths.ModuleManifest]).ThrowIfFailed();

        var module = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("DytePS", module.Name);
    }

    [Fact]
    public void Manifest_lists_exactly_the_cmdlets_the_assembly_defines()
    {
        // The manifest's own list, as written (Test-ModuleManifest would expand a wildcard).
        var manifest = System.Management.Automation.Language.Parser.ParseFile(BuildPaths.ModuleManifest, out _, out _);
        var table = (System.Management.Automation.Language.HashtableAst)manifest.Find(a => a is System.Management.Automation.Language.HashtableAst, false)!;
        var listed = ((object[])((System.Management.Automation.Language.PipelineAst)table.KeyValuePairs
                .Single(p => p.Item1.SafeGetValue() is "CmdletsToExport").Item2).GetPureExpression().SafeGetValue())
            .Select(o => (string)o).Order().ToList();
        var declared = _shell.Run("(Test-ModuleManifest -Path $args[0]).ExportedCmdlets.Keys", [BuildPaths.ModuleManifest]).ThrowIfFailed()
            .Output.Select(o => o.ToString()).Order().ToList();
        var defined = _shell.Run("Get-Command -Module DytePS -CommandType Cmdlet | ForEach-Object Name").ThrowIfFailed()
            .Output.Select(o => o.ToString()).Order().ToList();

        Assert.NotEmpty(defined);
        Assert.Equal(defined, declared);
        Assert.Equal(defined, listed);
        Assert.DoesNotContain(listed, name => name.Contains('*'));
    }

    [Fact]
    public void Manifest_version_matches_the_assembly_version()
    {
        var manifestVersion = _shell.Run("(Test-ModuleManifest -Path $args[0]).Version.ToString()", [BuildPaths.ModuleManifest])
            .ThrowIfFailed().Output[0].ToString();
        var assemblyVersion = _shell.Run("(Get-Module DytePS).ImplementingAssembly.GetName().Version.ToString(3)").ThrowIfFailed().Output[0].ToString();

        Assert.Equal(manifestVersion, assemblyVersion);
    }

    [Fact]
    public void Every_cmdlet_follows_the_naming_and_metadata_conventions()
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var commands = _shell.Run("Get-Command -Module DytePS -CommandType Cmdlet").ThrowIfFailed().Objects<CmdletInfo>();

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            Assert.Contains(command.Verb, approved);
            Assert.StartsWith("Dyte", command.Noun);
            Assert.False(command.Noun.EndsWith('s') && command.Noun != "Dyte", $"{command.Name}: nouns are singular");
            Assert.True(command.OutputType.Count > 0, $"{command.Name} declares no [OutputType]");
            var changesState = command.Verb is "New" or "Set" or "Remove" or "Start" or "Stop" or "Suspend" or "Resume" or "Save";
            var attribute = command.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            if (changesState) Assert.True(attribute.SupportsShouldProcess, $"{command.Name} changes state but has no -WhatIf");
            if (command.Verb is "Remove" or "Stop") Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        }
    }
}
