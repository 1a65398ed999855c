namespace DytePS.Packager;

/// <summary>Why a module folder cannot be packaged: one or more problems, each a complete sentence naming what to fix.</summary>
public sealed class PackagingException : Exception
{
    public PackagingException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public PackagingException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; }
}
