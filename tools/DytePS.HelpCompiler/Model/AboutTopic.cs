
namespace DytePS.HelpCompiler.Model;

/// <summary>A conceptual about_ topic.</summary>
/// <param name="Name">The name Get-Help looks up ("about_DytePS").</param>
/// <param name="Title">The "# ..." title (the same as <paramref name="Name"/> in both platyPS layouts, but kept as written).</param>
/// <param name="Sections">The top-level sections in page order; SHORT DESCRIPTION and LONG DESCRIPTION are always among them.</param>
public sealed record AboutTopic(string SourceFile, HelpFrontMatter FrontMatter, string Name, string Title, ValueList<AboutSection> Sections)
{
    public const string ShortDescriptionTitle = "SHORT DESCRIPTION", LongDescriptionTitle = "LONG DESCRIPTION";

    public AboutSection ShortDescription => Section(ShortDescriptionTitle)!;

    public AboutSection LongDescription => Section(LongDescriptionTitle)!;

    /// <summary>A top-level section by title, ignoring case ("Short description" matches), or null.</summary>
    public AboutSection? Section(string title) =>
        Sections.FirstOrDefault(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A section: its own blocks, then its subsections (one heading level deeper each).</summary>
public sealed record AboutSection(string Title, ValueList<HelpBlock> Blocks, ValueList<AboutSection> Subsections);
