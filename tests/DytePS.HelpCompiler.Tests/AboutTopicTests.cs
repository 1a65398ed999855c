using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;
using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>about_ topics: both markdown layouts in use, and the classic help.txt text Get-Help reads.</summary>
public sealed class AboutTopicTests
{
    [Fact]
    public void PlatyPSLayout_NameComesFromTheLookupHeading_AndSectionsFromLevel1()
    {
        var topic = Fixtures.About("about_DytePS.md");
        Assert.Equal("about_DytePS", topic.Name);
        Assert.Equal("about_DytePS", topic.Title);
        Assert.Same(HelpFrontMatter.Empty, topic.FrontMatter);
        Assert.Equal(["SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "SEE ALSO", "KEYWORDS"], topic.Sections.Select(s => s.Title));
        Assert.Equal([new HelpParagraph("Manage Dyte video meetings, participants, recordings and webhooks from PowerShell.")], topic.ShortDescription.Blocks);
    }

    [Fact]
    public void PlatyPSLayout_LongDescription_KeepsParagraphsCodeAndNestedSubsections()
    {
        var longDescription = Fixtures.About("about_DytePS.md").LongDescription;
        Assert.Equal(3, longDescription.Blocks.Count);
        Assert.StartsWith("DytePS wraps the Dyte REST API", Assert.IsType<HelpParagraph>(longDescription.Blocks[0]).Text);
        Assert.Equal(new HelpParagraph("Before you use any other cmdlet, connect with `Connect-Dyte`:"), longDescription.Blocks[1]);
        Assert.Equal(new HelpCodeBlock("powershell", "Connect-Dyte -OrganizationId $orgId -ApiKey $key"), longDescription.Blocks[2]);

        var paging = Assert.Single(longDescription.Subsections);
        Assert.Equal("Paging", paging.Title);
        Assert.Equal([new HelpParagraph("Cmdlets that list things return the first page unless you use -All.")], paging.Blocks);
        var pageSize = Assert.Single(paging.Subsections);
        Assert.Equal("Page size", pageSize.Title);
        Assert.Empty(pageSize.Subsections);
    }

    [Fact]
    public void PlatyPSLayout_Lists_KeepOrderAndNesting_AndLinksKeepTheirAddress()
    {
        var topic = Fixtures.About("about_DytePS.md");
        Assert.Equal(
            [new HelpListItem("1.", "Connect to the organization.", 0),
             new HelpListItem("2.", "List meetings:", 0),
             new HelpListItem("-", "active ones with `-Status ACTIVE`", 1),
             new HelpListItem("-", "all of them with `-All`", 1)],
            Assert.IsType<HelpList>(Assert.Single(topic.Section("examples")!.Blocks)).Items);
        Assert.Equal(["Get-DyteMeeting", "Dyte documentation (https://docs.dyte.io)"],
            Assert.IsType<HelpList>(Assert.Single(topic.Section("SEE ALSO")!.Blocks)).Items.Select(i => i.Text));
    }

    [Fact]
    public void DocsLayout_SectionsAreLevel2_WithFrontMatter()
    {
        var topic = Fixtures.About("about_DytePSDocsLayout.md");
        Assert.Equal("about_DytePSDocsLayout", topic.Name);
        Assert.Equal("2.0.0", topic.FrontMatter.Schema);
        Assert.Equal("about_DytePSDocsLayout", topic.FrontMatter.Get("title"));
        Assert.Equal(["Short description", "Long description"], topic.Sections.Select(s => s.Title));
        Assert.Equal([new HelpParagraph("Shows the PowerShell-Docs layout of an about topic.")], topic.ShortDescription.Blocks);
        Assert.Equal("A subsection", Assert.Single(topic.LongDescription.Subsections).Title);
    }

    [Fact]
    public void Text_IsTheClassicLayout()
    {
        var expected = """
            TOPIC
                about_dyteps

            SHORT DESCRIPTION
                Manage Dyte video meetings, participants, recordings and webhooks from
                PowerShell.

            LONG DESCRIPTION
                DytePS wraps the Dyte REST API (also sold as Cloudflare RealtimeKit) in
                PowerShell cmdlets that page automatically, accept pipeline input and
                support -WhatIf on every change.

                Before you use any other cmdlet, connect with `Connect-Dyte`:

                Connect-Dyte -OrganizationId $orgId -ApiKey $key

            Paging
                Cmdlets that list things return the first page unless you use -All.

                PAGE SIZE
                The API returns at most 100 items per page.

            EXAMPLES
                1. Connect to the organization.
                2. List meetings:
                  - active ones with `-Status ACTIVE`
                  - all of them with `-All`

            SEE ALSO
                - Get-DyteMeeting
                - Dyte documentation (https://docs.dyte.io)

            KEYWORDS
                - Dyte
                - RealtimeKit

            """.ReplaceLineEndings("\r\n");
        Assert.Equal(expected, AboutTextWriter.Write(Fixtures.About("about_DytePS.md")));
    }

    [Fact]
    public void Text_LineFiveIsTheShortDescription_BecauseGetHelpReadsItAsTheSynopsis()
    {
        foreach (var fixture in new[] { "about_DytePS.md", "about_DytePSDocsLayout.md" })
        {
            var topic = Fixtures.About(fixture);
            var lines = AboutTextWriter.Write(topic).Split("\r\n");
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    " + topic.Name.ToLowerInvariant(), lines[1]);
            Assert.Equal("SHORT DESCRIPTION", lines[3]);
            Assert.StartsWith(lines[4].Trim(), Assert.IsType<HelpParagraph>(topic.ShortDescription.Blocks[0]).Text);
            Assert.Equal("LONG DESCRIPTION", lines.First(l => l.StartsWith("LONG")));
        }
    }

    [Fact]
    public void Text_WrapsAtTheWidth_ButNeverBreaksWordsOrCode()
    {
        var longWord = new string('x', 90);
        var code = "Get-DyteMeeting -All | Where-Object { $_.Title -like '*standup*' } | Select-Object -Property Id, Title, Status";
        var markdown = $"# about_Wrap\n\n## Short description\nShort.\n\n## Long description\n{string.Join(' ', Enumerable.Repeat("word", 40))} {longWord} end.\n\n```\n{code}\n```\n";
        var text = AboutTextWriter.Write(PlatyPSMarkdown.ParseAbout(markdown), width: 60);
        var lines = text.Split("\r\n");
        Assert.All(lines.Where(l => !l.Contains(longWord) && !l.Contains("Get-DyteMeeting")), l => Assert.True(l.Length <= 60, $"'{l}' is {l.Length} long"));
        Assert.Contains("    " + longWord, lines);
        Assert.Contains("    " + code, lines);
        Assert.Equal(40, lines.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w == "word")));
    }
}
