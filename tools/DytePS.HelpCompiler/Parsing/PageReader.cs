using System.Text.RegularExpressions;
using DytePS.HelpCompiler.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>A heading and the blocks under it up to the next heading of the same or a higher level.</summary>
internal sealed record Section(HeadingBlock Heading, string Title, IReadOnlyList<Block> Body);

/// <summary>
/// What the command and about parsers share for one file: turning markdown blocks into
/// <see cref="HelpBlock"/>s, splitting a run of blocks at headings, and failing with the file's name
/// and the offending line.
/// </summary>
internal sealed partial class PageReader(string file)
{
    public string File { get; } = file;

    /// <summary>A parse error located at <paramref name="at"/> (Markdig lines are 0-based), for the caller to throw.</summary>
    public HelpParseException Error(MarkdownObject? at, string problem) => new(File, at is null ? null : at.Line + 1, problem);

    /// <summary>The top-level blocks that carry content (link definitions and HTML comments are dropped).</summary>
    public static IReadOnlyList<Block> ContentBlocks(IEnumerable<Block> blocks) => blocks.Where(b => !IsIgnorable(b)).ToList();

    /// <summary>Splits <paramref name="blocks"/> at headings of <paramref name="level"/>: the blocks before the first one, then each section.</summary>
    public (IReadOnlyList<Block> Leading, IReadOnlyList<Section> Sections) Split(IReadOnlyList<Block> blocks, int level)
    {
        var leading = new List<Block>();
        var sections = new List<Section>();
        HeadingBlock? heading = null;
        var body = new List<Block>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level <= level)
            {
                if (h.Level < level)
                {
                    throw Error(h, $"unexpected heading '{new string('#', h.Level)} {HeadingText(h)}' here; expected a level-{level} heading or text");
                }
                if (heading is not null) sections.Add(new Section(heading, HeadingText(heading), body));
                heading = h;
                body = [];
            }
            else if (heading is null)
            {
                leading.Add(block);
            }
            else
            {
                body.Add(block);
            }
        }
        if (heading is not null) sections.Add(new Section(heading, HeadingText(heading), body));
        return (leading, sections);
    }

    public string HeadingText(HeadingBlock heading)
    {
        var text = InlineText.Render(heading.Inline).Trim();
        CheckPlaceholder(text, heading);
        return text;
    }

    /// <summary>
    /// Converts prose blocks (paragraphs, lists, code, quotes). Headings are not prose: a heading
    /// inside a section that takes none is a structure error in the page, reported as such.
    /// </summary>
    public ValueList<HelpBlock> Prose(IEnumerable<Block> blocks, string where)
    {
        var result = new List<HelpBlock>();
        foreach (var block in blocks) AddProse(block, result, where);
        return [.. result];
    }

    public HelpCodeBlock Code(CodeBlock block)
    {
        var code = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()));
        CheckPlaceholder(code, block);
        return new HelpCodeBlock(((block as FencedCodeBlock)?.Info ?? "").Trim(), code);
    }

    public static bool IsYaml(Block block) =>
        block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), "yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lines of a paragraph as runs of inlines, split at line breaks (soft and hard).</summary>
    public static IEnumerable<List<Inline>> Lines(ParagraphBlock paragraph)
    {
        var line = new List<Inline>();
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LineBreakInline)
            {
                yield return line;
                line = [];
            }
            else
            {
                line.Add(inline);
            }
        }
        yield return line;
    }

    public string ParagraphText(ParagraphBlock paragraph)
    {
        var text = InlineText.Render(paragraph.Inline);
        CheckPlaceholder(text, paragraph);
        return text;
    }

    private void AddProse(Block block, List<HelpBlock> result, string where)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                result.Add(new HelpParagraph(ParagraphText(paragraph)));
                break;
            case CodeBlock code: // fenced and indented
                result.Add(Code(code));
                break;
            case ListBlock list:
                var items = new List<HelpListItem>();
                AddItems(list, 0, items);
                result.Add(new HelpList([.. items]));
                break;
            case QuoteBlock quote: // "> [!NOTE]" call-outs: the text matters, the bar does not
                foreach (var inner in quote) AddProse(inner, result, where);
                break;
            case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                result.Add(new HelpParagraph(string.Join('\n', html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString().Trim()))));
                break;
            case HeadingBlock heading:
                throw Error(heading, $"unexpected heading '{new string('#', heading.Level)} {HeadingText(heading)}' in {where}; only text, lists and code blocks go there");
            default: // thematic breaks, comments, link definitions: nothing to show
                break;
        }
    }

    private void AddItems(ListBlock list, int depth, List<HelpListItem> items)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : "-";
            var texts = new List<string>();
            var nested = new List<ListBlock>();
            foreach (var child in item)
            {
                switch (child)
                {
                    case ParagraphBlock p: texts.Add(ParagraphText(p)); break;
                    case CodeBlock c: texts.Add(Code(c).Code); break;
                    case ListBlock l: nested.Add(l); break;
                    case HeadingBlock h: throw Error(h, "unexpected heading inside a list item");
                }
            }
            items.Add(new HelpListItem(marker, string.Join('\n', texts), depth));
            foreach (var l in nested) AddItems(l, depth + 1, items);
        }
    }

    private static bool IsIgnorable(Block block) =>
        block is LinkReferenceDefinitionGroup or ThematicBreakBlock || block is HtmlBlock { Type: HtmlBlockType.Comment };

    /// <summary>
    /// platyPS templates leave "{{ Fill X Description }}", "{{ Add example code here }}" and
    /// "{{ ... Placeholder }}" for the author to replace; shipping one is shipping no help.
    /// </summary>
    private void CheckPlaceholder(string text, MarkdownObject at)
    {
        var match = Placeholder().Match(text);
        if (match.Success)
        {
            throw Error(at, $"unfilled platyPS placeholder '{match.Value}'");
        }
    }

    [GeneratedRegex(@"\{\{ ?(?:Fill|Add|Update)\b[^{}]*\}\}|\{\{[^{}]*\bPlaceholder\b[^{}]*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
