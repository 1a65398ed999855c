using DytePS.HelpCompiler.Parsing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>Broken pages fail with an error that names the file, the line and the problem, instead of compiling to empty help.</summary>
public sealed class MalformedPageTests
{
    private const string Page = "Get-DyteMeeting.md";

    private const string AllYaml = """
        ```yaml
        Type: SwitchParameter
        Parameter Sets: List
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        """;

    [Fact]
    public void ParameterWithoutYamlBlock()
    {
        var markdown = Fixtures.Edit(Page, AllYaml.ReplaceLineEndings("\n"), "");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "### -All"), error.Line);
        Assert.Contains("parameter -All has no ```yaml block", error.Problem);
    }

    [Fact]
    public void MissingSynopsis()
    {
        var error = Fails(Fixtures.Edit(Page, "## SYNOPSIS\nGets meetings from the connected Dyte organization.\n\n", ""));
        Assert.Null(error.Line);
        Assert.Equal("missing section '## SYNOPSIS'", error.Problem);
        Assert.Equal($"{Page}: missing section '## SYNOPSIS'", error.Message);
    }

    [Fact]
    public void EmptySynopsis()
    {
        var markdown = Fixtures.Edit(Page, "Gets meetings from the connected Dyte organization.\n", "");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "## SYNOPSIS"), error.Line);
        Assert.Equal("section '## SYNOPSIS' is empty", error.Problem);
    }

    [Theory]
    [InlineData("## DESCRIPTION")]
    [InlineData("## PARAMETERS")]
    [InlineData("## SYNTAX")]
    public void MissingRequiredSection(string heading)
    {
        var markdown = Fixtures.Read(Page).ReplaceLineEndings("\n");
        markdown = markdown.Replace(heading + "\n", "## NOTES\n");
        markdown = markdown.Replace("## NOTES\nThe cmdlet", "The cmdlet"); // keep one NOTES section
        var error = Fails(markdown);
        Assert.Contains($"'{heading}'", error.Problem);
    }

    [Fact]
    public void UnterminatedCodeFence_IsReportedWhereItOpens()
    {
        var markdown = Fixtures.Edit(Page, "1b6d3b4c-1c55-4ad1-a9a4-07a5c8a4e1f0 Daily standup ACTIVE\n```\n", "1b6d3b4c-1c55-4ad1-a9a4-07a5c8a4e1f0 Daily standup ACTIVE\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "```Output"), error.Line);
        Assert.Equal($"unterminated code fence: the ``` opened here is never closed (it runs on to the ```yaml on line {LineOf(markdown, "```yaml")})", error.Problem);
        Assert.StartsWith($"{Page}({error.Line}): unterminated code fence", error.Message);
    }

    [Fact]
    public void UnterminatedYamlFence_AtTheEndOfThePage()
    {
        var markdown = Fixtures.Read("Set-DyteEscaping.md").ReplaceLineEndings("\n") + "\n```powershell\nGet-Help\n";
        var error = Assert.Throws<HelpParseException>(() => PlatyPSMarkdown.ParseCommand(markdown, "Set-DyteEscaping.md"));
        Assert.Equal(markdown.Split('\n').Length - 2, error.Line);
        Assert.Contains("unterminated code fence", error.Problem);
    }

    [Fact]
    public void NoFrontMatter()
    {
        var markdown = Fixtures.Read(Page).ReplaceLineEndings("\n");
        var error = Fails(markdown[markdown.IndexOf("# Get-DyteMeeting", StringComparison.Ordinal)..]);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("bad front matter: a platyPS page starts with a '---' YAML block", error.Problem);
    }

    [Theory]
    [InlineData("external help file: DytePS.dll-Help.xml\n", "external help file DytePS.dll-Help.xml\n", 2, "bad front matter: expected a 'key: value' line, found 'external help file DytePS.dll-Help.xml'")]
    [InlineData("schema: 2.0.0\n", "schema: 1.0.0\n", 1, "bad front matter: schema is '1.0.0', but this compiler reads platyPS schema 2.0.0")]
    [InlineData("schema: 2.0.0\n", "", 1, "bad front matter: no 'schema: 2.0.0' key (this compiler reads platyPS schema 2.0.0)")]
    [InlineData("Module Name: DytePS\n", "Module Name: DytePS\nmodule name: Other\n", 4, "bad front matter: key 'module name' appears twice")]
    [InlineData("online version: https://github.com/dyteps/DytePS/blob/main/docs/en-US/Get-DyteMeeting.md\n", "online version: docs/Get-DyteMeeting.md\n", 1, "bad front matter: online version 'docs/Get-DyteMeeting.md' is not an absolute http(s) address")]
    [InlineData("schema: 2.0.0\n---\n", "schema: 2.0.0\n\n", 1, "bad front matter: the '---' block opened on line 1 is never closed by a '---' line")]
    public void BadFrontMatter(string find, string replacement, int line, string problem)
    {
        var error = Fails(Fixtures.Edit(Page, find, replacement));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(line, error.Line);
        Assert.Equal($"{Page}({line}): {problem}", error.Message);
    }

    [Fact]
    public void UnknownSection_IsATypoNotAnIgnoredSection()
    {
        var markdown = Fixtures.Edit(Page, "## EXAMPLES\n", "## EXAMPLE\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "## EXAMPLE\n"), error.Line);
        Assert.StartsWith("unknown section '## EXAMPLE'", error.Problem);
    }

    [Fact]
    public void DuplicateSectionAndParameter()
    {
        Assert.Equal("section '## NOTES' appears twice", Fails(Fixtures.Edit(Page, "## RELATED LINKS\n", "## NOTES\nMore.\n\n## RELATED LINKS\n")).Problem);
        Assert.Equal("parameter -all is documented twice", Fails(Fixtures.Edit(Page, "### CommonParameters\n", "### -all\nAgain.\n\n" + AllYaml.ReplaceLineEndings("\n") + "\n### CommonParameters\n")).Problem);
    }

    [Fact]
    public void UnknownYamlKey_NamesTheLine()
    {
        var markdown = Fixtures.Edit(Page, "Required: True\n", "Require: True\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "Require: True"), error.Line);
        Assert.StartsWith("parameter -Id: unknown yaml key 'Require'", error.Problem);
    }

    [Theory]
    [InlineData("Required: True\n", "Required: yes\n", "parameter -Id: 'Required: yes' must be True or False")]
    [InlineData("Position: 0\n", "Position: first\n", "parameter -Id: 'Position: first' must be Named or a number from 0")]
    [InlineData("Accept pipeline input: True (ByPropertyName)\n", "Accept pipeline input: maybe\n", "parameter -Id: 'Accept pipeline input: maybe' must be False or True (ByValue), True (ByPropertyName), True (ByValue, ByPropertyName)")]
    [InlineData("Aliases: MeetingId, Meeting\n", "Aliases MeetingId\n", "parameter -Id: bad yaml line 'Aliases MeetingId'; expected 'Key: value'")]
    public void BadYamlValues(string find, string replacement, string problem)
    {
        Assert.Equal(problem, Fails(Fixtures.Edit(Page, find, replacement)).Problem);
    }

    [Fact]
    public void ParameterSetMissingFromSyntax()
    {
        var markdown = Fixtures.Edit(Page, "Parameter Sets: ById\n", "Parameter Sets: ByID, ByName\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "Parameter Sets: ByID") - 2, error.Line); // the ```yaml line
        Assert.Equal("parameter -Id is in parameter set 'ByName', which ## SYNTAX does not list (List, ById)", error.Problem);
    }

    [Fact]
    public void TextAfterTheYamlBlock()
    {
        var markdown = Fixtures.Edit(Page, "### -Id\n", "### -Id\nIntro.\n\n```yaml\nType: Guid[]\n```\n\nStray text.\n\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "Stray text."), error.Line);
        Assert.StartsWith("unexpected text after the yaml block of parameter -Id", error.Problem);
    }

    [Fact]
    public void ParameterHeadingWithoutDash()
    {
        Assert.StartsWith("parameter heading '### All' must be '### -Name'", Fails(Fixtures.Edit(Page, "### -All\n", "### All\n")).Problem);
    }

    [Fact]
    public void ExampleWithoutCode()
    {
        var markdown = Fixtures.Edit(Page, "### Example 1: List every meeting\n```powershell\nGet-DyteMeeting -All\n```\n", "### Example 1: List every meeting\n");
        var error = Fails(markdown);
        Assert.Equal(LineOf(markdown, "### Example 1"), error.Line);
        Assert.Equal("example 'Example 1: List every meeting' has no code block", error.Problem);
    }

    [Theory]
    [InlineData("Specifies the IDs of the meetings to get.", "{{ Fill Id Description }}", "unfilled platyPS placeholder '{{ Fill Id Description }}'")]
    [InlineData("Get-DyteMeeting -All\n", "PS C:\\> {{ Add example code here }}\n", "unfilled platyPS placeholder '{{ Add example code here }}'")]
    public void UnfilledPlaceholder(string find, string placeholder, string problem)
    {
        Assert.Equal(problem, Fails(Fixtures.Edit(Page, find, placeholder)).Problem);
    }

    [Theory]
    [InlineData("# Get-DyteMeeting\n", "# GetDyteMeeting\n", "title '# GetDyteMeeting' is not a Verb-Noun command name")]
    [InlineData("# Get-DyteMeeting\n", "Intro.\n\n# Get-DyteMeeting\n", "text before the '# Verb-Noun' title")]
    [InlineData("## RELATED LINKS\n", "# Get-Other\n\n## RELATED LINKS\n", "second level-1 heading '# Get-Other'; a page documents one command")]
    [InlineData("## DESCRIPTION\n", "## DESCRIPTION\n### Overview\n", "unexpected heading '### Overview' in ## DESCRIPTION; only text, lists and code blocks go there")]
    [InlineData("[New-DyteMeeting](New-DyteMeeting.md)", "[Bad](<https://example.com/a b>)", "related link")]
    public void StructureErrors(string find, string replacement, string problem)
    {
        var error = Fails(Fixtures.Edit(Page, find, replacement));
        Assert.StartsWith(problem, error.Problem);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void AboutTopic_WithoutShortDescription()
    {
        var markdown = Fixtures.Edit("about_DytePS.md", "# SHORT DESCRIPTION\n", "# SUMMARY\n");
        var error = Assert.Throws<HelpParseException>(() => PlatyPSMarkdown.ParseAbout(markdown, "about_DytePS.md"));
        Assert.Equal("about_DytePS.md", error.FileName);
        Assert.StartsWith("no '# SHORT DESCRIPTION' (or '## Short description') section", error.Problem);
    }

    [Theory]
    [InlineData("## about_DytePS\n", "## DytePS\n", "topic name 'DytePS' must be about_Name")]
    [InlineData("# LONG DESCRIPTION\n", "# DETAILS\n", "no LONG DESCRIPTION section")]
    [InlineData("# SHORT DESCRIPTION\n", "# INTRO\nHello.\n\n# SHORT DESCRIPTION\n", "SHORT DESCRIPTION must be the first section")]
    [InlineData("Manage Dyte video meetings, participants, recordings and webhooks from PowerShell.\n", "", "the SHORT DESCRIPTION section must start with a sentence")]
    [InlineData("# about_DytePS\n\n## about", "---\nschema: 3.0.0\n---\n# about_DytePS\n\n## about", "bad front matter: schema is '3.0.0'")]
    [InlineData("# LONG DESCRIPTION\n", "# LONG DESCRIPTION\n{{ Long Description Placeholder }}\n\n", "unfilled platyPS placeholder")]
    public void AboutTopic_StructureErrors(string find, string replacement, string problem)
    {
        var markdown = Fixtures.Edit("about_DytePS.md", find, replacement);
        var error = Assert.Throws<HelpParseException>(() => PlatyPSMarkdown.ParseAbout(markdown, "about_DytePS.md"));
        Assert.StartsWith(problem, error.Problem);
        Assert.StartsWith("about_DytePS.md", error.Message);
    }

    private static HelpParseException Fails(string markdown)
    {
        var error = Assert.Throws<HelpParseException>(() => PlatyPSMarkdown.ParseCommand(markdown, Page));
        Assert.Equal(Page, error.FileName);
        Assert.StartsWith(Page, error.Message);
        Assert.EndsWith(error.Problem, error.Message);
        return error;
    }

    private static int LineOf(string markdown, string snippet)
    {
        var index = markdown.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{snippet}' is not in the page");
        return markdown[..index].Count(c => c == '\n') + 1;
    }
}
