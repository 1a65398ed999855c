
namespace DytePS.HelpCompiler.Model;

/// <summary>
/// One block of help prose: what a description, remarks or notes section is made of. Inline
/// markdown is already flattened to text (emphasis dropped, code spans kept in backticks, links as
/// "text (uri)"), since neither MAML paragraphs nor about_ text can carry markup.
/// </summary>
public abstract record HelpBlock;

/// <summary>A paragraph. Hard line breaks are kept as '\n'; soft ones became spaces.</summary>
public sealed record HelpParagraph(string Text) : HelpBlock;

/// <summary>A bulleted or numbered list, nested lists flattened into items with a depth.</summary>
public sealed record HelpList(ValueList<HelpListItem> Items) : HelpBlock;

/// <summary>A list item: its marker ("-", "1.") and its text; <paramref name="Depth"/> is 0 for top-level items.</summary>
public sealed record HelpListItem(string Marker, string Text, int Depth);

/// <summary>A fenced or indented code block; <paramref name="Code"/> uses '\n' line breaks.</summary>
public sealed record HelpCodeBlock(string Language, string Code) : HelpBlock;
