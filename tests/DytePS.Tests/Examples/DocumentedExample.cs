using System.Management.Automation;
using System.Management.Automation.Language;
using DytePS.Playground;
using DytePS.Tests.Help;

namespace DytePS.Tests.Examples;

/// <summary>An example from docs/en-US or a script from examples/, and whether the hosted engine can run it.</summary>
public sealed record DocumentedExample(string Source, string Title, string Code)
{
    public override string ToString() => $"{Source}: {Title}";

    /// <summary>Every example of every help page, and every script in examples/.</summary>
    public static IReadOnlyList<DocumentedExample> All()
    {
        var fromHelp = HelpPages.All.Values
            .SelectMany(page => page.Examples.Select(e => new DocumentedExample(page.Name + ".md", e.Title,
                string.Join("\n", e.Code.Where(c => c.Language.Equals("powershell", StringComparison.OrdinalIgnoreCase)).Select(c => c.Code)))));
        var scripts = Directory.GetFiles(Path.Combine(BuildPaths.RepoRoot, "examples"), "*.ps1")
            .Select(f => new DocumentedExample("examples/" + Path.GetFileName(f), "script", File.ReadAllText(f)));
        return fromHelp.Concat(scripts).ToList();
    }

    /// <summary>The commands the example calls that the hosted engine lacks (Import-Csv, Read-Host, ...); empty when it can run here.</summary>
    public IReadOnlyList<string> MissingCommands(IReadOnlySet<string> available)
    {
        var ast = Parser.ParseInput(Code, out _, out var errors);
        if (errors.Length > 0) throw new InvalidOperationException($"{this} does not parse: {errors[0].Message} at line {errors[0].Extent.StartLineNumber}");
        var defined = ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>()
            .Select(c => c.GetCommandName())
            .Where(name => name != null && !defined.Contains(name) && !available.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList()!;
    }
}
