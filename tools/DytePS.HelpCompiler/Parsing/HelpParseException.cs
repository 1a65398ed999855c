namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// A help page that cannot be compiled. Thrown instead of producing partial help, so a broken page
/// fails the build. <see cref="Exception.Message"/> reads "file(line): problem" (line when known).
/// </summary>
public sealed class HelpParseException : Exception
{
    public HelpParseException(string fileName, int? line, string problem)
        : base(line is null ? $"{fileName}: {problem}" : $"{fileName}({line}): {problem}")
    {
        FileName = fileName;
        Line = line;
        Problem = problem;
    }

    /// <summary>The page's file name as given to the parser.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the offending markdown, or null when the problem is the page as a whole (a missing section).</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
