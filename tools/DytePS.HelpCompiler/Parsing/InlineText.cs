using System.Text;
using Markdig.Syntax.Inlines;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// Flattens markdown inlines to the plain text Get-Help shows. Follows platyPS: emphasis markers go,
/// code spans keep their backticks (PowerShell's own help reads that way), a web link becomes
/// "text (address)" so the address survives in a console, and a link to a sibling page (Get-Foo.md)
/// keeps only its text.
/// </summary>
internal static class InlineText
{
    public static string Render(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return Tidy(text.ToString());
    }

    /// <summary>Renders a run of inlines (a line of a paragraph).</summary>
    public static string Render(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines) Append(inline, text);
        return Tidy(text.ToString());
    }

    private static void Append(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            Append(inline, text);
        }
    }

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LinkInline link:
                var linkText = Render(link);
                text.Append(linkText);
                if (!link.IsImage && link.Url is { Length: > 0 } url && FrontMatterReader.IsWebAddress(url) && linkText != url)
                {
                    text.Append(" (").Append(url).Append(')');
                }
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case ContainerInline container:
                Append(container, text);
                break;
            default:
                text.Append(inline.ToString());
                break;
        }
    }

    /// <summary>Trims each line (markdown indentation and trailing hard-break spaces mean nothing in help text).</summary>
    private static string Tidy(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Trim()));
}
