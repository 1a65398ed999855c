using DytePS.HelpCompiler.Compilation;

namespace DytePS.HelpCompiler;

/// <summary>
/// The command line: options in, exit code out, all text through the given writers (so tests run it
/// in-process). Never prompts and never waits for input, so an MSBuild Exec task can run it.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        DytePS.HelpCompiler: compiles platyPS markdown help (schema 2.0.0) to what Get-Help reads.

        Usage:
          dotnet DytePS.HelpCompiler.dll --docs <folder> --out <folder>
          dotnet DytePS.HelpCompiler.dll --help

        Options:
          --docs <folder>  The folder of markdown pages (for example docs/en-US).
          --out <folder>   Where to write; created if missing.
          --help           Show this text.

        Every *.md in --docs is read. A cmdlet page goes into the MAML file its front matter names
        ("external help file: DytePS.dll-Help.xml" -> <out>/DytePS.dll-Help.xml); about_Name.md
        becomes <out>/about_Name.help.txt; a platyPS module page ("Module Guid" in its front matter)
        is skipped. Any other page is an error.

        Exit code 0 when everything compiled. Otherwise 1, nothing is written, and each problem is
        printed to standard error as "file(line): error DYTEHELP001: problem".
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? docs = null, output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--") ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--help" or "-h" or "-?" or "/?":
                    stdout.WriteLine(Usage);
                    return 0;
                case "--docs" or "--out":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value)) return UsageError(stderr, $"{name} needs a folder");
                    if (name == "--docs") docs = value; else output = value;
                    break;
                default:
                    return UsageError(stderr, $"unknown argument '{args[i]}'");
            }
        }
        if (docs is null || output is null) return UsageError(stderr, "both --docs and --out are required");

        var result = HelpFolderCompiler.Compile(docs, output);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) stderr.WriteLine(error);
            stderr.WriteLine($"Help was not compiled: {result.Errors.Length} error(s).");
            return 1;
        }
        foreach (var skipped in result.SkippedFiles) stdout.WriteLine($"Skipped {skipped} (module page)");
        foreach (var written in result.WrittenFiles) stdout.WriteLine($"Wrote {written}");
        stdout.WriteLine($"Compiled {result.CommandCount} cmdlet page(s) and {result.AboutTopicCount} about topic(s).");
        return 0;
    }

    private static int UsageError(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"DytePS.HelpCompiler : error {CompileError.Code}: {problem}");
        stderr.WriteLine("Run with --help for usage.");
        return 1;
    }
}
