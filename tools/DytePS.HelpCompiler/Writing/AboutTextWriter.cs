using System.Text;
using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Writing;

/// <summary>
/// Writes an about_ topic as the plain text Get-Help shows (about_Name.help.txt), in the classic
/// layout platyPS produces: TOPIC, the name, then each section's title in capitals with its text
/// indented four spaces and wrapped. Line 5 must be the short description: Get-Help reads that line
/// as the topic's synopsis.
/// </summary>
public static class AboutTextWriter
{
    /// <summary>platyPS's default -MaxAboutWidth.</summary>
    public const int DefaultWidth = 80;

    private const string Indent = "    ";

    public static string Write(AboutTopic topic, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        var text = new StringBuilder();
        text.Append("TOPIC\r\n").Append(Indent).Append(topic.Name.ToLowerInvariant()).Append("\r\n\r\n");
        foreach (var section in topic.Sections) AppendSection(section, depth: 0, width, text);
        return text.ToString().TrimEnd() + "\r\n";
    }

    private static void AppendSection(AboutSection section, int depth, int width, StringBuilder text)
    {
        // Sections in capitals at the margin; subsections as written; deeper ones indented, as platyPS.
        var title = depth switch
        {
            0 => section.Title.ToUpperInvariant(),
            1 => section.Title,
            _ => Indent + section.Title.ToUpperInvariant(),
        };
        text.Append(title).Append("\r\n");
        foreach (var block in section.Blocks)
        {
            AppendBlock(block, width, text);
            text.Append("\r\n");
        }
        if (section.Blocks.IsEmpty) text.Append("\r\n");
        foreach (var subsection in section.Subsections) AppendSection(subsection, depth + 1, width, text);
    }

    private static void AppendBlock(HelpBlock block, int width, StringBuilder text)
    {
        switch (block)
        {
            case HelpParagraph paragraph:
                foreach (var line in paragraph.Text.Split('\n')) Wrap(line, Indent, Indent, width, text);
                break;
            case HelpList list:
                foreach (var item in list.Items)
                {
                    var first = Indent + new string(' ', 2 * item.Depth) + item.Marker + " ";
                    var rest = new string(' ', first.Length);
                    var lines = item.Text.Split('\n');
                    Wrap(lines[0], first, rest, width, text);
                    foreach (var line in lines.Skip(1)) Wrap(line, rest, rest, width, text);
                }
                break;
            case HelpCodeBlock code: // never wrapped: a broken command line is a wrong command line
                foreach (var line in code.Code.Split('\n')) text.Append((Indent + line).TrimEnd()).Append("\r\n");
                break;
        }
    }

    /// <summary>Greedy word wrap; a word longer than the line stays whole on its own line.</summary>
    private static void Wrap(string line, string firstIndent, string indent, int width, StringBuilder text)
    {
        var current = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && current.Length + 1 + word.Length > width)
            {
                text.Append(current).Append("\r\n");
                current.Clear().Append(indent);
                empty = true;
            }
            if (!empty) current.Append(' ');
            current.Append(word);
            empty = false;
        }
        text.Append(current.ToString().TrimEnd()).Append("\r\n");
    }
}
