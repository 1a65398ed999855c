using DytePS.HelpCompiler.Model;
using Markdig.Syntax;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// Parses an about_ topic. Two layouts are in use and both are accepted:
/// platyPS's template ("# Title", "## about_Name", then "# SHORT DESCRIPTION", "# LONG DESCRIPTION",
/// ... with "##" subsections) and PowerShell-Docs' ("# about_Name", then "## Short description",
/// "## Long description", ... with "###" subsections). The level of the SHORT DESCRIPTION heading
/// tells which; sections are one level below it.
/// </summary>
internal static class AboutPageParser
{
    public static AboutTopic Parse(string markdown, string file)
    {
        var (frontMatter, body) = FrontMatterReader.Read(CommandPageParser.Normalize(markdown), file, required: false);
        if (frontMatter.Schema is { } schema && schema != "2.0.0")
        {
            throw new HelpParseException(file, 1, $"bad front matter: schema is '{schema}', but this compiler reads platyPS schema 2.0.0");
        }

        var page = new PageReader(file);
        var blocks = PageReader.ContentBlocks(MarkdownSyntax.Parse(body, file));
        var shortHeading = blocks.OfType<HeadingBlock>().FirstOrDefault(h => IsTitled(page, h, AboutTopic.ShortDescriptionTitle));
        if (shortHeading is null || shortHeading.Level > 2)
        {
            throw new HelpParseException(file, shortHeading is null ? null : shortHeading.Line + 1,
                "no '# SHORT DESCRIPTION' (or '## Short description') section; an about topic needs one, and Get-Help shows its first line as the synopsis");
        }

        var (leading, titles) = page.Split(blocks, level: 1);
        if (titles.Count == 0 || leading.Count > 0)
        {
            throw page.Error(leading.FirstOrDefault(), "an about topic starts with its '# about_Name' title");
        }
        var title = titles[0];

        string name;
        IReadOnlyList<Section> sections;
        if (shortHeading.Level == 1)
        {
            // platyPS layout: the title's own body is at most the "## about_Name" lookup heading.
            var (beforeLookup, lookup) = page.Split(title.Body, level: 2);
            if (beforeLookup.Count > 0) throw page.Error(beforeLookup[0], "text between the title and the SHORT DESCRIPTION section");
            if (lookup.Count > 1 || lookup.Any(l => l.Body.Count > 0))
            {
                throw page.Error(lookup.Count > 1 ? lookup[1].Heading : lookup[0].Body[0], "only the '## about_Name' lookup heading goes between the title and # SHORT DESCRIPTION");
            }
            name = lookup.Count == 1 ? lookup[0].Title : title.Title;
            sections = titles.Skip(1).ToList();
        }
        else
        {
            if (titles.Count > 1) throw page.Error(titles[1].Heading, $"second level-1 heading '# {titles[1].Title}'; sections of this topic are '## ' headings");
            var (beforeSections, h2) = page.Split(title.Body, level: 2);
            if (beforeSections.Count > 0) throw page.Error(beforeSections[0], "text between the title and the Short description section");
            name = title.Title;
            sections = h2;
        }

        if (!name.StartsWith("about_", StringComparison.OrdinalIgnoreCase) || name.Contains(' '))
        {
            throw page.Error(title.Heading, $"topic name '{name}' must be about_Name without spaces; Get-Help finds the topic by it");
        }

        var topic = new AboutTopic(file, frontMatter, name, title.Title,
            [.. sections.Select(s => BuildSection(page, s, shortHeading.Level))]);

        if (!string.Equals(topic.Sections[0].Title, AboutTopic.ShortDescriptionTitle, StringComparison.OrdinalIgnoreCase))
        {
            throw page.Error(shortHeading, $"SHORT DESCRIPTION must be the first section (found '{topic.Sections[0].Title}' before it); Get-Help reads its first line as the synopsis");
        }
        if (topic.Section(AboutTopic.LongDescriptionTitle) is null)
        {
            throw new HelpParseException(file, null, "no LONG DESCRIPTION section");
        }
        if (topic.ShortDescription.Blocks.FirstOrDefault() is not HelpParagraph { Text.Length: > 0 })
        {
            throw page.Error(shortHeading, "the SHORT DESCRIPTION section must start with a sentence");
        }
        return topic;
    }

    private static AboutSection BuildSection(PageReader page, Section section, int level)
    {
        var (blocks, subsections) = page.Split(section.Body, level + 1);
        return new AboutSection(section.Title, page.Prose(blocks, $"'{section.Title}'"),
            [.. subsections.Select(s => BuildSection(page, s, level + 1))]);
    }

    private static bool IsTitled(PageReader page, HeadingBlock heading, string title) =>
        string.Equals(page.HeadingText(heading), title, StringComparison.OrdinalIgnoreCase);
}
