using System.Text;
using System.Xml;
using System.Xml.Linq;
using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Writing;

/// <summary>
/// Writes cmdlet help as MAML, the XML that Get-Help reads from &lt;Assembly&gt;.dll-Help.xml, element
/// for element as platyPS's New-ExternalHelp does (its MamlRenderer): the same namespaces, element
/// order, attributes and defaults, so Get-Help -Full, -Examples, -Parameter and -Online behave the
/// same in Windows PowerShell 5.1 and PowerShell 7. Built with XDocument, so text is always escaped
/// and the file always well-formed.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    /// <summary>The link text platyPS gives the front matter's "online version"; Get-Help -Online opens the first link that has a uri.</summary>
    public const string OnlineVersionLinkText = "Online Version:";

    /// <summary>The MAML document for <paramref name="commands"/>, in the order given.</summary>
    public static XDocument ToXml(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

    /// <summary>Writes the MAML as UTF-8 (no byte order mark), indented, with CRLF line breaks as platyPS writes on Windows.</summary>
    public static void Write(IEnumerable<CommandHelp> commands, Stream output)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using (var writer = XmlWriter.Create(output, settings))
        {
            ToXml(commands).Save(writer);
        }
        output.Write("\r\n"u8); // end the file with a line break, as a text file should
    }

    /// <summary>The MAML file's text.</summary>
    public static string Write(IEnumerable<CommandHelp> commands)
    {
        using var buffer = new MemoryStream();
        Write(commands, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static XElement CommandElement(CommandHelp command) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                new XElement(Maml + "description", MamlParagraphs.From(command.Synopsis))),
            new XElement(Maml + "description", MamlParagraphs.From(command.Description)),
            new XElement(Command + "syntax", SyntaxSets.For(command).Select(set =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", command.Name),
                    set.Select(p => ParameterElement(p.Parameter, p.Metadata, inSyntax: true))))),
            new XElement(Command + "parameters", command.Parameters.Select(p => ParameterElement(p, p.Primary, inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet",
                new XElement(Maml + "alert", MamlParagraphs.From(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", Links(command).Select(LinkElement)));

    private static XElement ParameterElement(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        // platyPS spells every switch "SwitchParameter" and, in syntax, leaves out its value so the
        // line reads "[-All]" rather than "[-All <SwitchParameter>]".
        var type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type ?? "";
        return new XElement(Command + "parameter",
            new XAttribute("required", metadata.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"), // platyPS's constant
            new XAttribute("globbing", metadata.AcceptsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", metadata.Aliases.IsEmpty ? "none" : string.Join(", ", metadata.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", MamlParagraphs.From(parameter.Description)),
            inSyntax && !metadata.AcceptedValues.IsEmpty
                ? new XElement(Command + "parameterValueGroup", metadata.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
                : null,
            inSyntax && metadata.IsSwitch
                ? null
                : new XElement(Command + "parameterValue",
                    new XAttribute("required", metadata.IsSwitch ? "false" : "true"),
                    new XAttribute("variableLength", "false"),
                    type),
            new XElement(Dev + "type",
                new XElement(Maml + "name", type),
                new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue",
                metadata.IsSwitch && (metadata.DefaultValue is null || metadata.DefaultValue.Equals("None", StringComparison.OrdinalIgnoreCase))
                    ? "False"
                    : metadata.DefaultValue ?? "None"));
    }

    private static XElement TypeElement(string kind, TypeHelp type) =>
        new(Command + kind,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", MamlParagraphs.From(type.Description)));

    private static XElement ExampleElement(ExampleHelp example) =>
        new(Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            // Several code blocks (a command, then its output) read as one, a blank line apart.
            new XElement(Dev + "code", string.Join("\n\n", example.Code.Select(c => c.Code))),
            // platyPS drops the rare introduction text; kept here ahead of the remarks so it is not lost.
            new XElement(Dev + "remarks", MamlParagraphs.From([.. example.Introduction, .. example.Remarks])));

    /// <summary>
    /// The front matter's online version goes first as "Online Version:" (unless the first link already
    /// is that address), as platyPS does: Get-Help -Online opens the first link with a uri.
    /// </summary>
    private static IEnumerable<RelatedLink> Links(CommandHelp command)
    {
        var online = command.FrontMatter.OnlineVersion;
        if (online is not null && command.RelatedLinks.FirstOrDefault()?.Uri != online)
        {
            yield return new RelatedLink(OnlineVersionLinkText, online);
        }
        foreach (var link in command.RelatedLinks) yield return link;
    }

    /// <summary>A link to a sibling page (Get-Foo.md) keeps its text but no uri: Get-Help rejects a uri that is not absolute.</summary>
    private static XElement LinkElement(RelatedLink link) =>
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", link.Uri is not null && Uri.TryCreate(link.Uri, UriKind.Absolute, out _) ? link.Uri : ""));

    /// <summary>platyPS centres titles shorter than 62 characters in dashes to 64: "---------- Example 1: ... ----------".</summary>
    public static string PadExampleTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62) return title;
        var pad = new string('-', (64 - title.Length - 2) / 2);
        return $"{pad} {title} {pad}";
    }
}
