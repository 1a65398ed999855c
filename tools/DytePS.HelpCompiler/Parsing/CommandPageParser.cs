using System.Text.RegularExpressions;
using DytePS.HelpCompiler.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// Parses one cmdlet page of platyPS markdown schema 2.0.0: "# Verb-Noun", then "## " sections in
/// any order, each with its own grammar (see platyPS.schema.md). Anything the schema does not allow
/// is an error naming the line, because platyPS would reject it too and the help would be wrong.
/// </summary>
internal sealed partial class CommandPageParser
{
    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS"];

    private readonly PageReader _page;
    private readonly Dictionary<string, Section> _sections = new(StringComparer.OrdinalIgnoreCase);

    private CommandPageParser(string file) => _page = new PageReader(file);

    public static CommandHelp Parse(string markdown, string file)
    {
        var (frontMatter, body) = FrontMatterReader.Read(Normalize(markdown), file, required: true);
        FrontMatterReader.ValidateForCommand(frontMatter, file);
        return new CommandPageParser(file).ParseBody(frontMatter, MarkdownSyntax.Parse(body, file));
    }

    internal static string Normalize(string markdown) => markdown.TrimStart('\uFEFF').ReplaceLineEndings("\n");

    private CommandHelp ParseBody(HelpFrontMatter frontMatter, MarkdownDocument document)
    {
        var blocks = PageReader.ContentBlocks(document);
        var (leading, titles) = _page.Split(blocks, level: 1);
        if (titles.Count == 0)
        {
            throw _page.Error(leading.FirstOrDefault(), "no '# Verb-Noun' title: a cmdlet page starts with its command name as a level-1 heading");
        }
        if (leading.Count > 0) throw _page.Error(leading[0], "text before the '# Verb-Noun' title");
        if (titles.Count > 1) throw _page.Error(titles[1].Heading, $"second level-1 heading '# {titles[1].Title}'; a page documents one command");

        var title = titles[0];
        if (!CommandName().IsMatch(title.Title))
        {
            throw _page.Error(title.Heading, $"title '# {title.Title}' is not a Verb-Noun command name");
        }

        var (beforeSections, sections) = _page.Split(title.Body, level: 2);
        if (beforeSections.Count > 0) throw _page.Error(beforeSections[0], "text between the title and the first '## ' section");
        foreach (var section in sections)
        {
            var name = section.Title.ToUpperInvariant();
            if (!KnownSections.Contains(name))
            {
                throw _page.Error(section.Heading, $"unknown section '## {section.Title}'; schema 2.0.0 has {string.Join(", ", KnownSections.Select(s => "## " + s))}");
            }
            if (!_sections.TryAdd(name, section)) throw _page.Error(section.Heading, $"section '## {section.Title}' appears twice");
        }
        foreach (var required in RequiredSections)
        {
            if (!_sections.ContainsKey(required)) throw new HelpParseException(_page.File, null, $"missing section '## {required}'");
        }

        var syntax = ParseSyntax(_sections["SYNTAX"]);
        var (parameters, commonParameters) = ParseParameters(_sections["PARAMETERS"], syntax);

        return new CommandHelp(
            _page.File,
            frontMatter,
            title.Title,
            RequiredProse("SYNOPSIS"),
            syntax,
            RequiredProse("DESCRIPTION"),
            Optional("EXAMPLES", ParseExamples, []),
            parameters,
            commonParameters,
            Optional("INPUTS", ParseTypes, []),
            Optional("OUTPUTS", ParseTypes, []),
            Optional("NOTES", s => _page.Prose(s.Body, "## NOTES"), []),
            Optional("RELATED LINKS", ParseLinks, []));
    }

    private static readonly string[] KnownSections =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private T Optional<T>(string name, Func<Section, T> parse, T empty) => _sections.TryGetValue(name, out var s) ? parse(s) : empty;

    private ValueList<HelpBlock> RequiredProse(string name)
    {
        var section = _sections[name];
        var prose = _page.Prose(section.Body, "## " + name);
        if (prose.IsEmpty) throw _page.Error(section.Heading, $"section '## {name}' is empty");
        return prose;
    }

    private ValueList<SyntaxBlock> ParseSyntax(Section section)
    {
        var (leading, sets) = _page.Split(section.Body, level: 3);
        if (sets.Count == 0)
        {
            // One parameter set: platyPS writes the syntax block without a "### SetName" heading.
            if (leading is [CodeBlock only]) return [new SyntaxBlock(ParameterMetadata.AllParameterSets, true, _page.Code(only).Code)];
            throw _page.Error(leading.FirstOrDefault() ?? section.Heading, "## SYNTAX must hold one code block, or a '### SetName' heading with a code block per parameter set");
        }
        if (leading.Count > 0) throw _page.Error(leading[0], "text before the first '### SetName' heading in ## SYNTAX");

        var result = new List<SyntaxBlock>();
        foreach (var set in sets)
        {
            if (set.Body is not [CodeBlock code])
            {
                throw _page.Error(set.Body.FirstOrDefault() ?? set.Heading, $"parameter set '### {set.Title}' must hold exactly one code block with its syntax");
            }
            const string defaultMarker = "(Default)";
            var isDefault = set.Title.EndsWith(defaultMarker, StringComparison.OrdinalIgnoreCase);
            var name = isDefault ? set.Title[..^defaultMarker.Length].Trim() : set.Title;
            if (result.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw _page.Error(set.Heading, $"parameter set '{name}' appears twice in ## SYNTAX");
            }
            result.Add(new SyntaxBlock(name, isDefault, _page.Code(code).Code));
        }
        if (result.Count(s => s.IsDefault) > 1) throw _page.Error(section.Heading, "more than one parameter set is marked (Default)");
        return [.. result];
    }

    private ValueList<ExampleHelp> ParseExamples(Section section)
    {
        var (leading, examples) = _page.Split(section.Body, level: 3);
        if (leading.Count > 0) throw _page.Error(leading[0], "text before the first '### Example' heading in ## EXAMPLES");

        var result = new List<ExampleHelp>();
        foreach (var example in examples)
        {
            var where = $"example '{example.Title}'";
            var intro = example.Body.TakeWhile(b => b is not CodeBlock).ToList();
            var code = example.Body.Skip(intro.Count).TakeWhile(b => b is CodeBlock).Cast<CodeBlock>().ToList();
            if (code.Count == 0) throw _page.Error(example.Heading, $"{where} has no code block");
            var remarks = example.Body.Skip(intro.Count + code.Count);
            result.Add(new ExampleHelp(example.Title, _page.Prose(intro, where), [.. code.Select(_page.Code)], _page.Prose(remarks, where)));
        }
        return [.. result];
    }

    private (ValueList<ParameterHelp>, bool) ParseParameters(Section section, ValueList<SyntaxBlock> syntax)
    {
        var (leading, entries) = _page.Split(section.Body, level: 3);
        if (leading.Count > 0) throw _page.Error(leading[0], "text before the first '### -Name' heading in ## PARAMETERS");

        var common = false;
        var result = new List<ParameterHelp>();
        foreach (var entry in entries)
        {
            var token = entry.Title.Trim('<', '>');
            if (token.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                common = true; // its text is the standard blurb; Get-Help writes its own
                continue;
            }
            if (token.Equals("WorkflowParameters", StringComparison.OrdinalIgnoreCase) || token.Equals("WorkflowCommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue; // ignored by platyPS too
            }
            if (!ParameterHeading().IsMatch(entry.Title))
            {
                throw _page.Error(entry.Heading, $"parameter heading '### {entry.Title}' must be '### -Name' (or '### CommonParameters')");
            }
            var name = entry.Title[1..];
            if (result.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw _page.Error(entry.Heading, $"parameter -{name} is documented twice");
            }
            result.Add(ParseParameter(entry, name, syntax));
        }
        return ([.. result], common);
    }

    private ParameterHelp ParseParameter(Section entry, string name, ValueList<SyntaxBlock> syntax)
    {
        var description = entry.Body.TakeWhile(b => !PageReader.IsYaml(b)).ToList();
        var yaml = entry.Body.Skip(description.Count).ToList();
        if (yaml.Count == 0)
        {
            throw _page.Error(entry.Heading, $"parameter -{name} has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...)");
        }
        var metadata = new List<ParameterMetadata>();
        foreach (var block in yaml)
        {
            if (!PageReader.IsYaml(block))
            {
                throw _page.Error(block, $"unexpected text after the yaml block of parameter -{name}; its description goes between the heading and the yaml block");
            }
            var yamlBlock = (FencedCodeBlock)block;
            var parsed = ParameterYaml.Parse(_page, yamlBlock, name);
            CheckParameterSets(parsed, name, syntax, yamlBlock);
            metadata.Add(parsed);
        }
        return new ParameterHelp(name, _page.Prose(description, $"parameter -{name}"), [.. metadata]);
    }

    /// <summary>A parameter naming a set that SYNTAX does not list is a typo that would drop it from every syntax line.</summary>
    private void CheckParameterSets(ParameterMetadata metadata, string name, ValueList<SyntaxBlock> syntax, FencedCodeBlock yaml)
    {
        if (syntax is [{ Name: ParameterMetadata.AllParameterSets }]) return; // one unnamed set: every parameter is in it
        foreach (var set in metadata.ParameterSets)
        {
            if (set != ParameterMetadata.AllParameterSets && !syntax.Any(s => s.Name.Equals(set, StringComparison.OrdinalIgnoreCase)))
            {
                throw _page.Error(yaml, $"parameter -{name} is in parameter set '{set}', which ## SYNTAX does not list ({string.Join(", ", syntax.Select(s => s.Name))})");
            }
        }
    }

    private ValueList<TypeHelp> ParseTypes(Section section)
    {
        var (leading, types) = _page.Split(section.Body, level: 3);
        if (leading.Count > 0) throw _page.Error(leading[0], $"text before the first '### TypeName' heading in ## {section.Title}");
        return [.. types.Select(t => new TypeHelp(t.Title, _page.Prose(t.Body, $"'### {t.Title}'")))];
    }

    /// <summary>Each line is a link ("[text](uri)", alone on its line, optionally as a list item) or plain text such as "about_DytePS".</summary>
    private ValueList<RelatedLink> ParseLinks(Section section)
    {
        var result = new List<RelatedLink>();
        foreach (var block in section.Body)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    AddLinks(paragraph, result);
                    break;
                case ListBlock list:
                    foreach (var paragraph in list.Descendants<ParagraphBlock>()) AddLinks(paragraph, result);
                    break;
                default:
                    throw _page.Error(block, "## RELATED LINKS holds only links ([text](uri)) or plain text lines");
            }
        }
        return [.. result];
    }

    private void AddLinks(ParagraphBlock paragraph, List<RelatedLink> result)
    {
        _page.ParagraphText(paragraph); // placeholder check
        foreach (var line in PageReader.Lines(paragraph))
        {
            var content = line.Where(i => !(i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())).ToList();
            if (content is [LinkInline { IsImage: false } link])
            {
                var text = InlineText.Render(link).Trim();
                var uri = link.Url?.Trim() ?? "";
                if (Uri.TryCreate(uri, UriKind.Absolute, out _) && !Uri.IsWellFormedUriString(uri, UriKind.Absolute))
                {
                    // Get-Help -Online throws on such an address instead of opening it.
                    throw _page.Error(paragraph, $"related link '{text}' has an address that is not well-formed: '{uri}' (escape spaces and brackets, e.g. %20, %3C)");
                }
                result.Add(new RelatedLink(text.Length > 0 ? text : uri, uri.Length > 0 ? uri : null));
            }
            else if (InlineText.Render(line).Trim() is { Length: > 0 } text)
            {
                result.Add(new RelatedLink(text, null));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][\w.]*$")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"^-[A-Za-z_][\w]*$")]
    private static partial Regex ParameterHeading();
}
