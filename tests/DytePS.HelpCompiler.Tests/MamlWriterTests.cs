using System.Xml.Linq;
using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;
using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>Every MAML element and attribute written for Fixtures/Get-DyteMeeting.md, against platyPS's layout.</summary>
public sealed class MamlWriterTests
{
    private const string Command = "/msh:helpItems/command:command";
    private readonly MamlXml _maml = new(MamlWriter.Write([Fixtures.Command("Get-DyteMeeting.md")]));

    [Fact]
    public void Document_IsHelpItemsWithTheMamlSchema_InUtf8WithCrLf()
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<helpItems schema=\"maml\" xmlns=\"http://msh\">\r\n", _maml.Text);
        Assert.EndsWith("</helpItems>\r\n", _maml.Text);
        Assert.DoesNotContain("\n", _maml.Text.Replace("\r\n", "")); // no bare line feeds
        var root = _maml.Document.Root!;
        Assert.Equal(MamlWriter.Msh + "helpItems", root.Name);
        Assert.Equal(["schema=maml"], MamlXml.Attributes(root));
    }

    [Fact]
    public void Command_DeclaresTheFourMamlPrefixes_AndHasPlatyPSSectionOrder()
    {
        var command = _maml.Single(Command);
        Assert.Equal("http://schemas.microsoft.com/maml/2004/10", command.GetNamespaceOfPrefix("maml")?.NamespaceName);
        Assert.Equal("http://schemas.microsoft.com/maml/dev/command/2004/10", command.GetNamespaceOfPrefix("command")?.NamespaceName);
        Assert.Equal("http://schemas.microsoft.com/maml/dev/2004/10", command.GetNamespaceOfPrefix("dev")?.NamespaceName);
        Assert.Equal("http://msdn.microsoft.com/mshelp", command.GetNamespaceOfPrefix("MSHelp")?.NamespaceName);
        Assert.Equal(
            ["command:details", "maml:description", "command:syntax", "command:parameters", "command:inputTypes",
             "command:returnValues", "maml:alertSet", "command:examples", "command:relatedLinks"],
            MamlXml.ChildNames(command));
    }

    [Fact]
    public void Details_HoldNameVerbNounAndSynopsis()
    {
        var details = _maml.Single($"{Command}/command:details");
        Assert.Equal(["command:name", "command:verb", "command:noun", "maml:description"], MamlXml.ChildNames(details));
        Assert.Equal("Get-DyteMeeting", _maml.Value("command:name", details));
        Assert.Equal("Get", _maml.Value("command:verb", details));
        Assert.Equal("DyteMeeting", _maml.Value("command:noun", details));
        Assert.Equal(["Gets meetings from the connected Dyte organization."], _maml.Values("maml:description/maml:para", details));
    }

    [Fact]
    public void Description_IsOneParaPerParagraphAndListItem()
    {
        Assert.Equal(
            ["The `Get-DyteMeeting` cmdlet gets meetings from the organization that `Connect-Dyte` connected to. By default it gets the first page of meetings.",
             "Use it to:",
             "- list meetings, optionally filtered by title or status",
             "- get meetings by ID, including IDs piped from other cmdlets"],
            _maml.Values($"{Command}/maml:description/maml:para"));
    }

    [Fact]
    public void Syntax_HasOneItemPerParameterSet_DefaultFirst_PositionalFirst()
    {
        var items = _maml.Elements($"{Command}/command:syntax/command:syntaxItem");
        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal("Get-DyteMeeting", _maml.Value("maml:name", item)));
        Assert.Equal(["All", "PageSize", "Search", "Status"], _maml.Values("command:parameter/maml:name", items[0])); // List (Default)
        Assert.Equal(["Id", "PageSize"], _maml.Values("command:parameter/maml:name", items[1])); // ById
    }

    [Fact]
    public void SyntaxSwitch_HasNoParameterValue()
    {
        var all = SyntaxParameter(0, "All");
        Assert.Equal(["required=false", "variableLength=true", "globbing=false", "pipelineInput=False", "position=named", "aliases=none"], MamlXml.Attributes(all));
        Assert.Equal(["maml:name", "maml:description", "dev:type", "dev:defaultValue"], MamlXml.ChildNames(all));
        Assert.Equal("SwitchParameter", _maml.Value("dev:type/maml:name", all));
        Assert.Equal("False", _maml.Value("dev:defaultValue", all));
    }

    [Fact]
    public void SyntaxAcceptedValues_AreAParameterValueGroup()
    {
        var status = SyntaxParameter(0, "Status");
        Assert.Equal(["maml:name", "maml:description", "command:parameterValueGroup", "command:parameterValue", "dev:type", "dev:defaultValue"], MamlXml.ChildNames(status));
        var values = _maml.Elements("command:parameterValueGroup/command:parameterValue", status);
        Assert.Equal(["ACTIVE", "INACTIVE"], values.Select(v => v.Value));
        Assert.All(values, v => Assert.Equal(["required=false", "variableLength=false"], MamlXml.Attributes(v)));
        Assert.Equal("String", _maml.Value("command:parameterValue", status));
    }

    [Fact]
    public void SyntaxArrayParameter_IsRequiredPositionalWithAliasesAndPipelineInput()
    {
        var id = SyntaxParameter(1, "Id");
        Assert.Equal(["required=true", "variableLength=true", "globbing=false", "pipelineInput=True (ByPropertyName)", "position=0", "aliases=MeetingId, Meeting"], MamlXml.Attributes(id));
        Assert.Equal(["Specifies the IDs of the meetings to get."], _maml.Values("maml:description/maml:para", id));
        var value = _maml.Single("command:parameterValue", id);
        Assert.Equal("Guid[]", value.Value);
        Assert.Equal(["required=true", "variableLength=false"], MamlXml.Attributes(value));
    }

    [Fact]
    public void Parameters_ListEachOnce_WithEveryAttribute_AndNoValueGroup()
    {
        var parameters = _maml.Elements($"{Command}/command:parameters/command:parameter");
        Assert.Equal(["All", "Id", "PageSize", "Search", "Status"], parameters.Select(p => _maml.Value("maml:name", p)));
        Assert.All(parameters, p => Assert.Equal(
            ["maml:name", "maml:description", "command:parameterValue", "dev:type", "dev:defaultValue"], MamlXml.ChildNames(p)));

        string[][] expected =
        [
            ["required=false", "variableLength=true", "globbing=false", "pipelineInput=False", "position=named", "aliases=none"],
            ["required=true", "variableLength=true", "globbing=false", "pipelineInput=True (ByPropertyName)", "position=0", "aliases=MeetingId, Meeting"],
            ["required=false", "variableLength=true", "globbing=false", "pipelineInput=False", "position=named", "aliases=none"],
            ["required=false", "variableLength=true", "globbing=true", "pipelineInput=False", "position=named", "aliases=none"],
            ["required=false", "variableLength=true", "globbing=false", "pipelineInput=False", "position=named", "aliases=none"],
        ];
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], MamlXml.Attributes(parameters[i]));

        Assert.Equal(["SwitchParameter", "Guid[]", "Int32", "String", "String"], parameters.Select(p => _maml.Value("command:parameterValue", p)));
        Assert.Equal(["false", "true", "true", "true", "true"], parameters.Select(p => _maml.Single("command:parameterValue", p).Attribute("required")!.Value));
        Assert.Equal(["SwitchParameter", "Guid[]", "Int32", "String", "String"], parameters.Select(p => _maml.Value("dev:type/maml:name", p)));
        Assert.All(parameters, p => Assert.True(_maml.Single("dev:type/maml:uri", p).IsEmpty));
        Assert.Equal(["False", "None", "50", "None", "None"], parameters.Select(p => _maml.Value("dev:defaultValue", p)));
        Assert.Equal(["Specifies text to search for in meeting titles. Wildcards are allowed."], _maml.Values("maml:description/maml:para", parameters[3]));
    }

    [Fact]
    public void InputTypesAndReturnValues_HaveTypeNameAndDescription()
    {
        var input = _maml.Single($"{Command}/command:inputTypes/command:inputType");
        Assert.Equal(["dev:type", "maml:description"], MamlXml.ChildNames(input));
        Assert.Equal("System.Guid[]", _maml.Value("dev:type/maml:name", input));
        Assert.Equal(["You can pipe objects that have an Id property to this cmdlet."], _maml.Values("maml:description/maml:para", input));

        var output = _maml.Single($"{Command}/command:returnValues/command:returnValue");
        Assert.Equal("DytePS.Meeting", _maml.Value("dev:type/maml:name", output));
        Assert.Equal(["This cmdlet returns one object per meeting."], _maml.Values("maml:description/maml:para", output));
    }

    [Fact]
    public void Notes_AreTheAlertSet()
    {
        Assert.Equal(
            ["The cmdlet needs a connection; run `Connect-Dyte` first.",
             "Pages are requested lazily, so stopping the pipeline early stops the requests."],
            _maml.Values($"{Command}/maml:alertSet/maml:alert/maml:para"));
    }

    [Fact]
    public void Examples_HavePaddedTitle_JoinedCode_AndRemarks()
    {
        var examples = _maml.Elements($"{Command}/command:examples/command:example");
        Assert.Equal(2, examples.Count);
        Assert.All(examples, e => Assert.Equal(["maml:title", "dev:code", "dev:remarks"], MamlXml.ChildNames(e)));

        Assert.Equal("---------------- Example 1: List every meeting ----------------", _maml.Value("maml:title", examples[0]));
        Assert.Equal("Get-DyteMeeting -All", _maml.Value("dev:code", examples[0]));
        Assert.Equal(["This command gets every meeting in the organization, following the API's pages."], _maml.Values("dev:remarks/maml:para", examples[0]));

        Assert.Equal("-------- Example 2: Get meetings by ID from a CSV file --------", _maml.Value("maml:title", examples[1]));
        var code = _maml.Value("dev:code", examples[1]);
        Assert.StartsWith("Import-Csv -Path .\\meetings.csv | Get-DyteMeeting\n\nId                                   Title", code);
        Assert.EndsWith("Daily standup ACTIVE", code);
        Assert.Contains("Get-DyteMeeting\r\n\r\nId ", _maml.Text); // written with CRLF, as platyPS joins code blocks
    }

    [Fact]
    public void RelatedLinks_StartWithTheOnlineVersion_AndKeepOnlyAbsoluteUris()
    {
        var links = _maml.Elements($"{Command}/command:relatedLinks/maml:navigationLink");
        Assert.All(links, l => Assert.Equal(["maml:linkText", "maml:uri"], MamlXml.ChildNames(l)));
        Assert.Equal(["Online Version:", "New-DyteMeeting", "Dyte REST API: meetings", "about_DytePS"], links.Select(l => _maml.Value("maml:linkText", l)));
        Assert.Equal(
            ["https://github.com/dyteps/DytePS/blob/main/docs/en-US/Get-DyteMeeting.md", "", "https://docs.dyte.io/api#tag/Meetings", ""],
            links.Select(l => _maml.Value("maml:uri", l)));
    }

    [Fact]
    public void OnlineVersion_IsNotRepeated_WhenTheFirstLinkAlreadyIsIt()
    {
        var markdown = Fixtures.Edit("Get-DyteMeeting.md", "## RELATED LINKS\n",
            "## RELATED LINKS\n\n[Online Version](https://github.com/dyteps/DytePS/blob/main/docs/en-US/Get-DyteMeeting.md)\n");
        var maml = new MamlXml(MamlWriter.Write([PlatyPSMarkdown.ParseCommand(markdown, "edited.md")]));
        var texts = maml.Values($"{Command}/command:relatedLinks/maml:navigationLink/maml:linkText");
        Assert.Equal(["Online Version", "New-DyteMeeting", "Dyte REST API: meetings", "about_DytePS"], texts);
    }

    [Fact]
    public void NoOnlineVersion_NoNotes_EmptyInputDescription_AndSingleSyntaxSet()
    {
        var maml = new MamlXml(MamlWriter.Write([Fixtures.Command("Set-DyteEscaping.md")]));
        Assert.Equal(["Search & filter"], maml.Values($"{Command}/command:relatedLinks/maml:navigationLink/maml:linkText"));
        Assert.True(maml.Single($"{Command}/maml:alertSet/maml:alert").IsEmpty);
        Assert.True(maml.Single($"{Command}/command:inputTypes/command:inputType/maml:description").IsEmpty);
        Assert.Equal(["Filter"], maml.Values($"{Command}/command:syntax/command:syntaxItem/command:parameter/maml:name"));
    }

    [Fact]
    public void SeveralCommands_AreWrittenInTheOrderGiven()
    {
        var maml = new MamlXml(MamlWriter.Write([Fixtures.Command("Set-DyteEscaping.md"), Fixtures.Command("Get-DyteMeeting.md")]));
        Assert.Equal(["Set-DyteEscaping", "Get-DyteMeeting"], maml.Values($"{Command}/command:details/command:name"));
        Assert.Empty(new MamlXml(MamlWriter.Write([])).Elements(Command));
    }

    [Fact]
    public void MultiYamlParameter_UsesEachSetsOwnMetadataInSyntax_AndTheFirstInParameters()
    {
        var markdown = Fixtures.Edit("Get-DyteMeeting.md", "Accept wildcard characters: True\n```",
            "Accept wildcard characters: True\n```\n\n```yaml\nType: String\nParameter Sets: ById\nRequired: True\nPosition: 1\n```");
        var maml = new MamlXml(MamlWriter.Write([PlatyPSMarkdown.ParseCommand(markdown, "edited.md")]));
        var byId = maml.Elements($"{Command}/command:syntax/command:syntaxItem")[1];
        Assert.Equal(["Id", "Search", "PageSize"], maml.Values("command:parameter/maml:name", byId)); // by position, then named
        Assert.Equal("true", maml.Single("command:parameter[maml:name='Search']", byId).Attribute("required")!.Value);
        Assert.Equal("1", maml.Single("command:parameter[maml:name='Search']", byId).Attribute("position")!.Value);
        var inParameters = maml.Single($"{Command}/command:parameters/command:parameter[maml:name='Search']");
        Assert.Equal("false", inParameters.Attribute("required")!.Value);
        Assert.Equal("named", inParameters.Attribute("position")!.Value);
    }

    [Fact]
    public void Prose_HardBreaksSplitParas_NestedItemsAreIndented_AndCodeStaysOnePara()
    {
        var markdown = Fixtures.Edit("Get-DyteMeeting.md", "Use it to:\n", "Use it to:  \nthen pick one:\n");
        markdown = markdown.Replace("- get meetings by ID, including IDs piped from other cmdlets",
            "- get meetings by ID\n  1. from the pipeline\n\n```powershell\n$ids | Get-DyteMeeting\n$ids.Count\n```");
        var maml = new MamlXml(MamlWriter.Write([PlatyPSMarkdown.ParseCommand(markdown, "edited.md")]));
        Assert.Equal(
            ["The `Get-DyteMeeting` cmdlet gets meetings from the organization that `Connect-Dyte` connected to. By default it gets the first page of meetings.",
             "Use it to:",
             "then pick one:",
             "- list meetings, optionally filtered by title or status",
             "- get meetings by ID",
             "  1. from the pipeline",
             "$ids | Get-DyteMeeting\n$ids.Count"],
            maml.Values($"{Command}/maml:description/maml:para"));
    }

    [Theory]
    [InlineData("Example 1", "-------------------------- Example 1 --------------------------")]
    [InlineData("Example 10", "-------------------------- Example 10 --------------------------")]
    public void ExampleTitles_ArePaddedWithDashesLikePlatyPS(string title, string padded)
    {
        Assert.Equal(padded, MamlWriter.PadExampleTitle(title));
        Assert.Equal(title.Length % 2 == 1 ? 63 : 64, padded.Length);
    }

    [Fact]
    public void LongExampleTitles_AreNotPadded()
    {
        var title = "Example 12: ".PadRight(62, 'A');
        Assert.Equal(title, MamlWriter.PadExampleTitle(title));
    }

    private XElement SyntaxParameter(int set, string name) =>
        _maml.Single($"{Command}/command:syntax/command:syntaxItem[{set + 1}]/command:parameter[maml:name='{name}']");
}
