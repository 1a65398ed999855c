using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>&lt;, &amp; and quotes in every kind of text (Fixtures/Set-DyteEscaping.md) come back from the XML unchanged.</summary>
public sealed class EscapingTests
{
    private const string Command = "/msh:helpItems/command:command";
    private readonly MamlXml _maml = new(MamlWriter.Write([Fixtures.Command("Set-DyteEscaping.md")]));

    [Fact]
    public void Synopsis_AndDescription_RoundTrip()
    {
        Assert.Equal("Sets a value when A < B & \"C\" is 'quoted'.", _maml.Value($"{Command}/command:details/maml:description/maml:para"));
        Assert.Equal("Compares <values> & \"quotes\" and 'apostrophes', then writes ]]> safely.", _maml.Value($"{Command}/maml:description/maml:para"));
    }

    [Fact]
    public void Code_Remarks_AndTitle_RoundTrip()
    {
        Assert.Equal(
            "Get-Thing | Where-Object { $_.Size -lt 5 -and $_.Name -ne \"a&b\" } | Set-DyteEscaping -Filter '<x>'\n# ]]> and <!-- are text here",
            _maml.Value($"{Command}/command:examples/command:example/dev:code"));
        Assert.Equal("Uses \"<\" & \">\" in remarks.", _maml.Value($"{Command}/command:examples/command:example/dev:remarks/maml:para"));
        Assert.Contains("Example 1: Filter with <, > and &", _maml.Value($"{Command}/command:examples/command:example/maml:title"));
    }

    [Fact]
    public void ParameterText_TypeNames_AndLinks_RoundTrip()
    {
        Assert.Equal("A filter such as `Size < 5 && Name == \"x\"`.", _maml.Value($"{Command}/command:parameters/command:parameter/maml:description/maml:para"));
        Assert.Equal("\"<none>\" & 'all'", _maml.Value($"{Command}/command:parameters/command:parameter/dev:defaultValue"));
        Assert.Equal("System.Collections.Generic.List<System.String>", _maml.Value($"{Command}/command:returnValues/command:returnValue/dev:type/maml:name"));
        Assert.Equal("A list of \"names\" & <tags>.", _maml.Value($"{Command}/command:returnValues/command:returnValue/maml:description/maml:para"));
        Assert.Equal("Search & filter", _maml.Value($"{Command}/command:relatedLinks/maml:navigationLink/maml:linkText"));
        Assert.Equal("https://example.com/search?q=a&b=c%3C", _maml.Value($"{Command}/command:relatedLinks/maml:navigationLink/maml:uri"));
    }

    [Fact]
    public void RawText_HasEntitiesAndNoUnescapedMarkup()
    {
        Assert.Contains("A &lt; B &amp; \"C\"", _maml.Text);
        Assert.Contains("Compares &lt;values&gt; &amp;", _maml.Text);
        Assert.Contains("-ne \"a&amp;b\" } | Set-DyteEscaping -Filter '&lt;x&gt;'", _maml.Text);
        Assert.Contains("# ]]&gt; and &lt;!-- are text here", _maml.Text);
        Assert.Contains("?q=a&amp;b=c%3C", _maml.Text);
        Assert.DoesNotContain("<values>", _maml.Text);
        Assert.DoesNotContain("<!--", _maml.Text);
        Assert.DoesNotContain("<![CDATA[", _maml.Text);
    }
}
