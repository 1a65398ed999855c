using System.Xml.Linq;
using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Writing;

/// <summary>
/// Turns help blocks into &lt;maml:para&gt; elements. Get-Help prints each para as its own paragraph,
/// so, as with platyPS, a paragraph's hard line breaks and each list item start a new para; a code
/// block stays one para with its line breaks, so it is not spread out with blank lines.
/// </summary>
internal static class MamlParagraphs
{
    public static IEnumerable<XElement> From(IEnumerable<HelpBlock> blocks) =>
        blocks.SelectMany(Lines).Select(text => new XElement(MamlWriter.Maml + "para", text));

    private static IEnumerable<string> Lines(HelpBlock block) => block switch
    {
        HelpParagraph paragraph => paragraph.Text.Split('\n'),
        HelpList list => list.Items.SelectMany(ItemLines),
        HelpCodeBlock code => [code.Code],
        _ => [],
    };

    private static IEnumerable<string> ItemLines(HelpListItem item)
    {
        var indent = new string(' ', 2 * item.Depth);
        var lines = item.Text.Split('\n');
        yield return $"{indent}{item.Marker} {lines[0]}";
        foreach (var line in lines.Skip(1)) yield return $"{indent}{new string(' ', item.Marker.Length + 1)}{line}";
    }
}
