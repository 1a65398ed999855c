using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>The model parsed from Fixtures/Get-DyteMeeting.md, field by field.</summary>
public sealed class CommandParserTests
{
    private readonly CommandHelp _help = Fixtures.Command("Get-DyteMeeting.md");

    [Fact]
    public void FrontMatter_HasThePlatyPSKeys()
    {
        var front = _help.FrontMatter;
        Assert.Equal("DytePS.dll-Help.xml", front.ExternalHelpFile);
        Assert.Equal("DytePS", front.ModuleName);
        Assert.Equal("https://github.com/dyteps/DytePS/blob/main/docs/en-US/Get-DyteMeeting.md", front.OnlineVersion);
        Assert.Equal("2.0.0", front.Schema);
        Assert.Equal("DytePS", front.Get("module name")); // keys are case-insensitive, as in platyPS
        Assert.Equal(4, front.Values.Count);
    }

    [Fact]
    public void Name_VerbAndNoun_ComeFromTheTitle()
    {
        Assert.Equal("Get-DyteMeeting", _help.Name);
        Assert.Equal("Get", _help.Verb);
        Assert.Equal("DyteMeeting", _help.Noun);
        Assert.Equal("Get-DyteMeeting.md", _help.SourceFile);
    }

    [Fact]
    public void Synopsis_IsOneParagraph()
    {
        var synopsis = Assert.IsType<HelpParagraph>(Assert.Single(_help.Synopsis));
        Assert.Equal("Gets meetings from the connected Dyte organization.", synopsis.Text);
    }

    [Fact]
    public void Syntax_HasBothSetsInPageOrder_WithTheDefaultMarkedAndTheCodeKept()
    {
        Assert.Equal(2, _help.Syntax.Count);
        Assert.Equal(new SyntaxBlock("List", true,
            "Get-DyteMeeting [-Search <String>] [-Status <String>] [-All] [-PageSize <Int32>] [<CommonParameters>]"), _help.Syntax[0]);
        Assert.Equal(new SyntaxBlock("ById", false,
            "Get-DyteMeeting [-Id] <Guid[]> [-PageSize <Int32>] [<CommonParameters>]"), _help.Syntax[1]);
    }

    [Fact]
    public void Description_KeepsParagraphsAndTheList_WithSoftBreaksJoinedAndEmphasisDropped()
    {
        Assert.Equal(3, _help.Description.Count);
        Assert.Equal(new HelpParagraph("The `Get-DyteMeeting` cmdlet gets meetings from the organization that `Connect-Dyte` connected to. "
            + "By default it gets the first page of meetings."), _help.Description[0]);
        Assert.Equal(new HelpParagraph("Use it to:"), _help.Description[1]);
        var list = Assert.IsType<HelpList>(_help.Description[2]);
        Assert.Equal(
            [new HelpListItem("-", "list meetings, optionally filtered by title or status", 0),
             new HelpListItem("-", "get meetings by ID, including IDs piped from other cmdlets", 0)],
            list.Items);
    }

    [Fact]
    public void Examples_HaveTitleCodeAndRemarks()
    {
        Assert.Equal(2, _help.Examples.Count);

        var first = _help.Examples[0];
        Assert.Equal("Example 1: List every meeting", first.Title);
        Assert.Empty(first.Introduction);
        Assert.Equal([new HelpCodeBlock("powershell", "Get-DyteMeeting -All")], first.Code);
        Assert.Equal([new HelpParagraph("This command gets every meeting in the organization, following the API's pages.")], first.Remarks);

        var second = _help.Examples[1];
        Assert.Equal("Example 2: Get meetings by ID from a CSV file", second.Title);
        Assert.Equal(2, second.Code.Count); // the command, then its output block
        Assert.Equal(new HelpCodeBlock("powershell", "Import-Csv -Path .\\meetings.csv | Get-DyteMeeting"), second.Code[0]);
        Assert.Equal("Output", second.Code[1].Language);
        Assert.StartsWith("Id                                   Title", second.Code[1].Code);
        Assert.Equal(3, second.Code[1].Code.Split('\n').Length);
        Assert.Equal([new HelpParagraph("Each row's Id column binds to the Id parameter by property name. The output shows one meeting per row.")], second.Remarks);
    }

    [Fact]
    public void Parameters_AreInPageOrder_AndCommonParametersIsAFlag()
    {
        Assert.Equal(["All", "Id", "PageSize", "Search", "Status"], _help.Parameters.Select(p => p.Name));
        Assert.True(_help.SupportsCommonParameters);
    }

    [Fact]
    public void SwitchParameter_All()
    {
        var all = Parameter("All");
        Assert.Equal([new HelpParagraph("Gets every page of results instead of only the first one.")], all.Description);
        Assert.Equal("SwitchParameter", all.Type);
        Assert.True(all.IsSwitch);
        Assert.Equal(["List"], all.ParameterSets);
        Assert.Empty(all.Aliases);
        Assert.Empty(all.AcceptedValues);
        Assert.False(all.Required);
        Assert.Equal("Named", all.Position);
        Assert.Equal("False", all.DefaultValue);
        Assert.Equal("False", all.PipelineInput);
        Assert.False(all.AcceptsWildcards);
        Assert.Single(all.Metadata);
    }

    [Fact]
    public void ArrayParameter_Id_HasAliasesPositionAndPipelineInputByPropertyName()
    {
        var id = Parameter("Id");
        Assert.Equal("Guid[]", id.Type);
        Assert.False(id.IsSwitch);
        Assert.Equal(["ById"], id.ParameterSets);
        Assert.Equal(["MeetingId", "Meeting"], id.Aliases);
        Assert.True(id.Required);
        Assert.Equal("0", id.Position);
        Assert.Equal(0, id.Primary.PositionNumber);
        Assert.Equal("None", id.DefaultValue);
        Assert.Equal("True (ByPropertyName)", id.PipelineInput);
        Assert.False(id.AcceptsWildcards);
    }

    [Fact]
    public void Parameter_InAllSets_IsFoundForEverySet()
    {
        var pageSize = Parameter("PageSize");
        Assert.Equal([ParameterMetadata.AllParameterSets], pageSize.ParameterSets);
        Assert.True(pageSize.Primary.InAllSets);
        Assert.Same(pageSize.Primary, pageSize.ForSet("List"));
        Assert.Same(pageSize.Primary, pageSize.ForSet("ById"));
        Assert.Equal("50", pageSize.DefaultValue);
        Assert.Null(Parameter("Id").ForSet("List"));
    }

    [Fact]
    public void Parameter_WithWildcardsAndAcceptedValues()
    {
        var search = Parameter("Search");
        Assert.True(search.AcceptsWildcards);
        Assert.Equal([new HelpParagraph("Specifies text to search for in meeting titles. Wildcards are allowed.")], search.Description);

        var status = Parameter("Status");
        Assert.Equal(["ACTIVE", "INACTIVE"], status.AcceptedValues);
        Assert.False(status.AcceptsWildcards);
    }

    [Fact]
    public void InputsAndOutputs_AreTypeNamesWithDescriptions()
    {
        var input = Assert.Single(_help.Inputs);
        Assert.Equal("System.Guid[]", input.TypeName);
        Assert.Equal([new HelpParagraph("You can pipe objects that have an Id property to this cmdlet.")], input.Description);

        var output = Assert.Single(_help.Outputs);
        Assert.Equal("DytePS.Meeting", output.TypeName);
        Assert.Equal([new HelpParagraph("This cmdlet returns one object per meeting.")], output.Description);
    }

    [Fact]
    public void Notes_AreParagraphs()
    {
        Assert.Equal(
            [new HelpParagraph("The cmdlet needs a connection; run `Connect-Dyte` first."),
             new HelpParagraph("Pages are requested lazily, so stopping the pipeline early stops the requests.")],
            _help.Notes);
    }

    [Fact]
    public void RelatedLinks_AreMarkdownLinksOrPlainText()
    {
        Assert.Equal(
            [new RelatedLink("New-DyteMeeting", "New-DyteMeeting.md"),
             new RelatedLink("Dyte REST API: meetings", "https://docs.dyte.io/api#tag/Meetings"),
             new RelatedLink("about_DytePS", null)],
            _help.RelatedLinks);
    }

    [Fact]
    public void SingleSyntaxBlockWithoutHeading_IsTheAllSet_AndEmptySectionsAreEmpty()
    {
        var help = Fixtures.Command("Set-DyteEscaping.md");
        Assert.Equal(ParameterMetadata.AllParameterSets, Assert.Single(help.Syntax).Name);
        Assert.True(help.Syntax[0].IsDefault);
        Assert.Null(help.FrontMatter.OnlineVersion); // "online version:" with no value
        Assert.Empty(help.Notes);
        Assert.Empty(Assert.Single(help.Inputs).Description);
    }

    [Fact]
    public void LineEndingsAndByteOrderMark_DoNotChangeTheModel()
    {
        var windows = "\uFEFF" + Fixtures.Read("Get-DyteMeeting.md").ReplaceLineEndings("\r\n");
        var help = PlatyPSMarkdown.ParseCommand(windows, "Get-DyteMeeting.md");
        Assert.Equal(_help.Syntax, help.Syntax);
        Assert.Equal(_help.Examples[1].Code, help.Examples[1].Code);
        Assert.Equal(_help.Description, help.Description);
        Assert.Equal(_help.RelatedLinks, help.RelatedLinks);
    }

    [Fact]
    public void ExampleIntroduction_HardBreaks_OrderedAndNestedLists_AndMultipleYamlBlocks()
    {
        var markdown = Fixtures.Edit("Get-DyteMeeting.md",
            "### Example 1: List every meeting\n```powershell",
            "### Example 1: List every meeting\nFirst, connect.\n\n```powershell");
        markdown = markdown.Replace("Use it to:\n", "Use it to:  \nthen pick one:\n");
        markdown = markdown.Replace("- get meetings by ID, including IDs piped from other cmdlets",
            "- get meetings by ID\n  1. from the pipeline\n  2. from -Id");
        markdown = markdown.Replace("Accept wildcard characters: True\n```",
            "Accept wildcard characters: True\n```\n\n```yaml\nType: String\nParameter Sets: ById\nRequired: True\nPosition: 1\n```");

        var help = PlatyPSMarkdown.ParseCommand(markdown, "edited.md");

        Assert.Equal([new HelpParagraph("First, connect.")], help.Examples[0].Introduction);
        Assert.Equal(new HelpParagraph("Use it to:\nthen pick one:"), help.Description[1]);
        Assert.Equal(
            [new HelpListItem("-", "list meetings, optionally filtered by title or status", 0),
             new HelpListItem("-", "get meetings by ID", 0),
             new HelpListItem("1.", "from the pipeline", 1),
             new HelpListItem("2.", "from -Id", 1)],
            Assert.IsType<HelpList>(help.Description[2]).Items);

        var search = help.Parameters.Single(p => p.Name == "Search");
        Assert.Equal(2, search.Metadata.Count);
        Assert.False(search.Required); // the first block is what PARAMETERS shows
        Assert.True(search.ForSet("ById")!.Required);
        Assert.Equal("1", search.ForSet("ById")!.Position);
        Assert.Equal("Named", search.ForSet("List")!.Position);
    }

    private ParameterHelp Parameter(string name) => _help.Parameters.Single(p => p.Name == name);
}
