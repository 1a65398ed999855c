using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Writing;

/// <summary>
/// Builds the MAML syntax from the parameters' yaml metadata, as platyPS does (the ## SYNTAX code
/// blocks are for readers of the markdown only): one entry per parameter set, holding each parameter
/// whose yaml names that set or "(All)", positional ones first by position, then the rest in page order.
/// </summary>
internal static class SyntaxSets
{
    public static IEnumerable<IReadOnlyList<(ParameterHelp Parameter, ParameterMetadata Metadata)>> For(CommandHelp command)
    {
        if (command.Syntax is [{ Name: ParameterMetadata.AllParameterSets }])
        {
            yield return Order(command.Parameters.Select(p => (p, p.Primary)));
            yield break;
        }
        foreach (var set in command.Syntax) // page order: the default set first, as Get-Command -Syntax writes it
        {
            yield return Order(command.Parameters
                .Select(p => (Parameter: p, Metadata: p.ForSet(set.Name)))
                .Where(p => p.Metadata is not null)
                .Select(p => (p.Parameter, p.Metadata!)));
        }
    }

    private static List<(ParameterHelp, ParameterMetadata)> Order(IEnumerable<(ParameterHelp Parameter, ParameterMetadata Metadata)> parameters) =>
        [.. parameters.OrderBy(p => p.Metadata.PositionNumber ?? int.MaxValue)]; // OrderBy is stable: named ones keep page order
}
