using Markdig;
using Markdig.Syntax;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>Markdig with plain CommonMark (what platyPS pages are written in), plus the checks every page needs.</summary>
internal static class MarkdownSyntax
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static MarkdownDocument Parse(string body, string file)
    {
        var document = Markdown.Parse(body, Pipeline);

        // A missing closing ``` makes the fence swallow the page up to the next bare ``` (or to the
        // end), so later sections look missing or turn into code: report the real cause instead.
        // Inside a block, a line that opens a fence of the same kind ("```yaml") cannot close it and
        // is the sure sign of a missing close above it.
        foreach (var fence in document.Descendants<FencedCodeBlock>())
        {
            var marker = new string(fence.FencedChar, fence.OpeningFencedCharCount);
            var problem = $"unterminated code fence: the {marker} opened here is never closed";
            if (fence.ClosingFencedCharCount == 0)
            {
                throw new HelpParseException(file, fence.Line + 1, problem);
            }
            for (var i = 0; i < fence.Lines.Count; i++)
            {
                var line = fence.Lines.Lines[i].Slice.ToString().TrimStart();
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    throw new HelpParseException(file, fence.Line + 1, $"{problem} (it runs on to the {line.Trim()} on line {fence.Line + 2 + i})");
                }
            }
        }
        return document;
    }
}
