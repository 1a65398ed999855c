using System.Collections.Immutable;
using System.Text;
using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;
using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Compilation;

/// <summary>What one compilation did.</summary>
/// <param name="Errors">Every problem found, across all pages; when there is any, nothing was written.</param>
/// <param name="WrittenFiles">Full paths of the files written.</param>
/// <param name="SkippedFiles">Pages that are neither cmdlet help nor about topics (platyPS module pages, which carry "Module Guid").</param>
public sealed record CompileResult(
    ImmutableArray<CompileError> Errors,
    ImmutableArray<string> WrittenFiles,
    ImmutableArray<string> SkippedFiles,
    int CommandCount,
    int AboutTopicCount)
{
    public bool Succeeded => Errors.IsEmpty;
}

/// <summary>
/// Compiles a folder of platyPS markdown as New-ExternalHelp does: each cmdlet page into the MAML
/// file its front matter names ("external help file: DytePS.dll-Help.xml"), each about_*.md into
/// about_*.help.txt. All pages are parsed before anything is written, so one broken page fails the
/// whole compilation, with every error listed, and leaves no half-updated help behind.
/// </summary>
public static class HelpFolderCompiler
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static CompileResult Compile(string docsDirectory, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(docsDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);

        var errors = ImmutableArray.CreateBuilder<CompileError>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var commands = new List<(string HelpFile, CommandHelp Command)>();
        var abouts = new List<(string OutputName, AboutTopic Topic)>();

        if (!Directory.Exists(docsDirectory))
        {
            return Failed(new CompileError(null, null, $"the docs folder '{docsDirectory}' does not exist"));
        }
        var pages = Directory.GetFiles(docsDirectory, "*.md").Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (pages.Count == 0)
        {
            return Failed(new CompileError(null, null, $"no help pages (*.md) in '{docsDirectory}'"));
        }

        foreach (var path in pages)
        {
            var file = Path.GetFullPath(path);
            try
            {
                var markdown = File.ReadAllText(file, Utf8);
                var baseName = Path.GetFileNameWithoutExtension(file);
                if (baseName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    var topic = PlatyPSMarkdown.ParseAbout(markdown, file);
                    if (!topic.Name.Equals(baseName, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new HelpParseException(file, null, $"topic '{topic.Name}' is in {baseName}.md; Get-Help finds a topic by its file name, so they must match");
                    }
                    abouts.Add((baseName + ".help.txt", topic));
                    continue;
                }

                var frontMatter = PlatyPSMarkdown.ReadFrontMatter(markdown, file);
                if (frontMatter.ExternalHelpFile is null && frontMatter.Get("Module Guid") is not null)
                {
                    skipped.Add(file); // platyPS module page: not help for any command
                    continue;
                }
                if (frontMatter.ExternalHelpFile is not { } helpFile)
                {
                    throw new HelpParseException(file, 1, "bad front matter: no 'external help file' key, so this page has no help file to go into (a cmdlet page says 'external help file: DytePS.dll-Help.xml')");
                }
                if (!IsPlainXmlFileName(helpFile))
                {
                    throw new HelpParseException(file, 1, $"bad front matter: external help file '{helpFile}' must be a file name ending in .xml, such as DytePS.dll-Help.xml");
                }
                commands.Add((helpFile, PlatyPSMarkdown.ParseCommand(markdown, file)));
            }
            catch (HelpParseException e)
            {
                errors.Add(new CompileError(e.FileName, e.Line, e.Problem));
            }
            catch (IOException e)
            {
                errors.Add(new CompileError(file, null, $"cannot read the page: {e.Message}"));
            }
        }

        foreach (var duplicate in commands.GroupBy(c => c.Command.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new CompileError(duplicate.Last().Command.SourceFile, null,
                $"{duplicate.Key} is documented in more than one page ({string.Join(", ", duplicate.Select(d => Path.GetFileName(d.Command.SourceFile)))})"));
        }
        if (errors.Count > 0)
        {
            return new CompileResult(errors.ToImmutable(), [], skipped.ToImmutable(), 0, 0);
        }

        var written = ImmutableArray.CreateBuilder<string>();
        try
        {
            Directory.CreateDirectory(outputDirectory);
            foreach (var group in commands.GroupBy(c => c.HelpFile, StringComparer.OrdinalIgnoreCase))
            {
                var target = Path.GetFullPath(Path.Combine(outputDirectory, group.Key));
                using (var stream = File.Create(target)) MamlWriter.Write(group.Select(c => c.Command), stream);
                written.Add(target);
            }
            foreach (var (outputName, topic) in abouts)
            {
                var target = Path.GetFullPath(Path.Combine(outputDirectory, outputName));
                File.WriteAllText(target, AboutTextWriter.Write(topic), Utf8);
                written.Add(target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new CompileError(null, null, $"cannot write to '{outputDirectory}': {e.Message}"));
        }
        return new CompileResult([], written.ToImmutable(), skipped.ToImmutable(), commands.Count, abouts.Count);
    }

    private static bool IsPlainXmlFileName(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && name == Path.GetFileName(name)
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name.IndexOfAny(['/', '\\', ':']) < 0;

    private static CompileResult Failed(CompileError error) => new([error], [], [], 0, 0);
}
