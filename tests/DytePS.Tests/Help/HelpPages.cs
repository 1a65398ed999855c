using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;
using DytePS.Playground;

namespace DytePS.Tests.Help;

/// <summary>The help source: docs/en-US parsed as platyPS markdown, one page per cmdlet.</summary>
internal static class HelpPages
{
    public static string Folder { get; } = Path.Combine(BuildPaths.RepoRoot, "docs", "en-US");

    private static readonly Lazy<IReadOnlyDictionary<string, CommandHelp>> Pages = new(() =>
        Directory.GetFiles(Folder, "*.md")
            .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            .Select(f => PlatyPSMarkdown.ParseCommand(File.ReadAllText(f), f))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyDictionary<string, CommandHelp> All => Pages.Value;

    /// <summary>The cmdlets the manifest exports, read from the manifest text (no engine needed to enumerate test cases).</summary>
    public static IReadOnlyList<string> ExportedCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(BuildPaths.RepoRoot, "DytePS.psd1"));
        var list = manifest[manifest.IndexOf("CmdletsToExport", StringComparison.Ordinal)..];
        list = list[..list.IndexOf(')')];
        return System.Text.RegularExpressions.Regex.Matches(list, @"'([A-Za-z]+-Dyte[A-Za-z]*)'").Select(m => m.Groups[1].Value).ToList();
    }
}
