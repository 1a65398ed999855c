using DytePS.Testing;
using System.Diagnostics;
using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>The command line on temporary folders: in-process through CommandLine.Run, and as the real process an MSBuild Exec task starts.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CompilesEveryPage_SkipsTheModulePage_AndExitsZero()
    {
        var docs = _temp.CopyFixtures("docs");
        var output = _temp.Combine("out", "en-US");

        var (exit, stdout, stderr) = Run("--docs", docs, "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(["DytePS.dll-Help.xml", "about_DytePS.help.txt", "about_DytePSDocsLayout.help.txt"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Skipped {Path.Combine(docs, "DytePS.md")} (module page)", stdout);
        Assert.Contains($"Wrote {Path.Combine(output, "DytePS.dll-Help.xml")}", stdout);
        Assert.Contains("Compiled 2 cmdlet page(s) and 2 about topic(s).", stdout);

        var maml = new MamlXml(File.ReadAllText(Path.Combine(output, "DytePS.dll-Help.xml")));
        Assert.Equal(["Get-DyteMeeting", "Set-DyteEscaping"], maml.Values("/msh:helpItems/command:command/command:details/command:name"));
        Assert.Equal(AboutTextWriter.Write(Fixtures.About("about_DytePS.md")), File.ReadAllText(Path.Combine(output, "about_DytePS.help.txt")));
        Assert.NotEqual(0xEF, File.ReadAllBytes(Path.Combine(output, "DytePS.dll-Help.xml"))[0]); // no byte order mark
    }

    [Fact]
    public void BrokenPages_ExitOne_ListEveryErrorInMSBuildFormat_AndWriteNothing()
    {
        var docs = _temp.CopyFixtures("docs");
        var broken = Path.Combine(docs, "Get-DyteMeeting.md");
        File.WriteAllText(broken, Fixtures.Edit("Get-DyteMeeting.md", "## SYNOPSIS\nGets meetings from the connected Dyte organization.\n\n", ""));
        var brokenAbout = Path.Combine(docs, "about_DytePS.md");
        var aboutMarkdown = Fixtures.Edit("about_DytePS.md", "# LONG DESCRIPTION\n", "# LONG DESCRIPTION\n```\nunclosed\n");
        File.WriteAllText(brokenAbout, aboutMarkdown);
        var powershellFence = Array.IndexOf(aboutMarkdown.Split('\n'), "```powershell") + 1;
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = Run("--docs", docs, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"{brokenAbout}(9): error DYTEHELP001: unterminated code fence: the ``` opened here is never closed (it runs on to the ```powershell on line {powershellFence})", lines[0]);
        Assert.Equal($"{broken} : error DYTEHELP001: missing section '## SYNOPSIS'", lines[1]);
        Assert.Equal("Help was not compiled: 2 error(s).", lines[2]);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("external help file: DytePS.dll-Help.xml\n", "", "(1): error DYTEHELP001: bad front matter: no 'external help file' key")]
    [InlineData("external help file: DytePS.dll-Help.xml\n", "external help file: ../DytePS.dll-Help.xml\n", "(1): error DYTEHELP001: bad front matter: external help file '../DytePS.dll-Help.xml' must be a file name ending in .xml")]
    public void PagesThatCannotSayWhereTheirHelpGoes_AreErrors(string find, string replacement, string error)
    {
        var docs = _temp.CopyFixtures("docs", "Get-DyteMeeting.md");
        var page = Path.Combine(docs, "Get-DyteMeeting.md");
        File.WriteAllText(page, Fixtures.Edit("Get-DyteMeeting.md", find, replacement));

        var (exit, _, stderr) = Run("--docs", docs, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.StartsWith(page + error, stderr);
    }

    [Fact]
    public void TheSameCommandInTwoPages_IsAnError()
    {
        var docs = _temp.CopyFixtures("docs", "Get-DyteMeeting.md");
        File.Copy(Path.Combine(docs, "Get-DyteMeeting.md"), Path.Combine(docs, "Get-DyteMeeting.Copy.md"));

        var (exit, _, stderr) = Run("--docs", docs, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Contains("error DYTEHELP001: Get-DyteMeeting is documented in more than one page (Get-DyteMeeting.Copy.md, Get-DyteMeeting.md)", stderr);
    }

    [Fact]
    public void AboutTopicWhoseNameIsNotItsFileName_IsAnError()
    {
        var docs = _temp.CopyFixtures("docs", "about_DytePS.md");
        File.Move(Path.Combine(docs, "about_DytePS.md"), Path.Combine(docs, "about_Dyte.md"));

        var (exit, _, stderr) = Run("--docs", docs, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Contains("about_Dyte.md : error DYTEHELP001: topic 'about_DytePS' is in about_Dyte.md", stderr);
    }

    [Fact]
    public void EqualsFormOfOptions_Works()
    {
        var docs = _temp.CopyFixtures("docs", "Set-DyteEscaping.md");
        Assert.Equal(0, Run($"--docs={docs}", $"--out={_temp.Combine("out")}").Exit);
        Assert.True(File.Exists(_temp.Combine("out", "DytePS.dll-Help.xml")));
    }

    [Theory]
    [InlineData(new string[0], "both --docs and --out are required")]
    [InlineData(new[] { "--docs", "x" }, "both --docs and --out are required")]
    [InlineData(new[] { "--docs" }, "--docs needs a folder")]
    [InlineData(new[] { "--docs", "x", "--out", "y", "--force" }, "unknown argument '--force'")]
    public void UsageErrors_ExitOne(string[] args, string problem)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"DytePS.HelpCompiler : error DYTEHELP001: {problem}", stderr);
    }

    [Fact]
    public void MissingOrEmptyDocsFolder_ExitsOne()
    {
        var missing = _temp.Combine("nowhere");
        Assert.Contains($"error DYTEHELP001: the docs folder '{missing}' does not exist", Run("--docs", missing, "--out", _temp.Combine("out")).Stderr);
        Directory.CreateDirectory(_temp.Combine("empty"));
        var (exit, _, stderr) = Run("--docs", _temp.Combine("empty"), "--out", _temp.Combine("out"));
        Assert.Equal(1, exit);
        Assert.Contains("no help pages (*.md)", stderr);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var (exit, stdout, stderr) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("dotnet DytePS.HelpCompiler.dll --docs <folder> --out <folder>", stdout);
    }

    [Fact]
    public void RealProcess_SucceedsOnTheFixtures()
    {
        var docs = _temp.CopyFixtures("docs");
        var output = _temp.Combine("out");

        var (exit, stdout, stderr) = RunProcess("--docs", docs, "--out", output);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Compiled 2 cmdlet page(s) and 2 about topic(s).", stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(output, "about_DytePSDocsLayout.help.txt")),
            AboutTextWriter.Write(Fixtures.About("about_DytePSDocsLayout.md")));
        Assert.Equal(2, new MamlXml(File.ReadAllText(Path.Combine(output, "DytePS.dll-Help.xml"))).Elements("/msh:helpItems/command:command").Count);
    }

    [Fact]
    public void RealProcess_FailsWithExitOneAndErrorsOnStandardError()
    {
        var docs = _temp.CopyFixtures("docs", "Get-DyteMeeting.md");
        var page = Path.Combine(docs, "Get-DyteMeeting.md");
        var markdown = Fixtures.Edit("Get-DyteMeeting.md", "Required: True\n", "Require: True\n");
        File.WriteAllText(page, markdown);
        var line = markdown[..markdown.IndexOf("Require: True", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var (exit, stdout, stderr) = RunProcess("--docs", docs, "--out", _temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{page}({line}): error DYTEHELP001: parameter -Id: unknown yaml key 'Require'", stderr);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void RealProcess_HelpExitsZero()
    {
        var (exit, stdout, _) = RunProcess("--help");
        Assert.Equal(0, exit);
        Assert.StartsWith("DytePS.HelpCompiler: compiles platyPS markdown help", stdout);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built compiler as `dotnet DytePS.*.dll ...` with no standard input, as the build does.</summary>
    private static (int Exit, string Stdout, string Stderr) RunProcess(params string[] args)
    {
        var result = DotnetProcess.RunAsync([typeof(CommandLine).Assembly.Location, .. args], TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.False(result.TimedOut, "the compiler did not finish within 60 s");
        return (result.ExitCode, result.Output, result.Errors);
    }
}
