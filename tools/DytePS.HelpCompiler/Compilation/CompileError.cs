namespace DytePS.HelpCompiler.Compilation;

/// <summary>One reason the help did not compile: a page's problem (with its file and line) or a problem with the folders.</summary>
public sealed record CompileError(string? File, int? Line, string Message)
{
    /// <summary>The code MSBuild shows with the error.</summary>
    public const string Code = "DYTEHELP001";

    /// <summary>
    /// MSBuild's canonical error format ("file(line): error CODE: message"), so an Exec task that
    /// runs the compiler reports each one as a build error pointing at the markdown line.
    /// </summary>
    public override string ToString() =>
        (File, Line) switch
        {
            (null, _) => $"DytePS.HelpCompiler : error {Code}: {Message}",
            (_, null) => $"{File} : error {Code}: {Message}",
            _ => $"{File}({Line}): error {Code}: {Message}",
        };
}
