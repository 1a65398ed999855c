using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>The entry points for reading platyPS markdown (schema 2.0.0).</summary>
public static class PlatyPSMarkdown
{
    /// <summary>Parses a cmdlet page ("# Verb-Noun" with SYNOPSIS, SYNTAX, DESCRIPTION, PARAMETERS, ...).</summary>
    /// <param name="fileName">Named in every error; also recorded as <see cref="CommandHelp.SourceFile"/>.</param>
    /// <exception cref="HelpParseException">The page does not follow the schema (missing section, parameter without yaml block, bad front matter, unterminated code fence, ...).</exception>
    public static CommandHelp ParseCommand(string markdown, string fileName)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(fileName);
        return CommandPageParser.Parse(markdown, fileName);
    }

    /// <summary>Parses an about_ topic (platyPS template or PowerShell-Docs layout).</summary>
    /// <exception cref="HelpParseException">No SHORT/LONG DESCRIPTION, a name that is not about_*, bad front matter, ...</exception>
    public static AboutTopic ParseAbout(string markdown, string fileName = "about topic")
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(fileName);
        return AboutPageParser.Parse(markdown, fileName);
    }

    /// <summary>Reads only a page's front matter (empty when it has none), to decide what the page is.</summary>
    /// <exception cref="HelpParseException">The front matter is malformed.</exception>
    public static HelpFrontMatter ReadFrontMatter(string markdown, string fileName) =>
        FrontMatterReader.Read(CommandPageParser.Normalize(markdown), fileName, required: false).FrontMatter;
}
