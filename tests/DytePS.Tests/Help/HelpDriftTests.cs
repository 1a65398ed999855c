using System.Management.Automation;
using DytePS.HelpCompiler.Model;
using DytePS.Playground;
using Xunit;

namespace DytePS.Tests.Help;

/// <summary>
/// The markdown must say what the cmdlets really are: the same parameters with the same type,
/// sets, mandatory flag, position, pipeline input, aliases and accepted values. A change to a
/// cmdlet that is not carried to its page fails here.
/// </summary>
public sealed class HelpDriftTests : IDisposable
{
    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private readonly DyteShell _shell = DyteShell.Open();

    public void Dispose() => _shell.Dispose();

    public static TheoryData<string> Cmdlets() => new(HelpPages.ExportedCmdlets());

    [Fact]
    public void Every_exported_cmdlet_has_a_page_and_every_page_a_cmdlet()
    {
        Assert.Equal(HelpPages.ExportedCmdlets().Order(), HelpPages.All.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_matches_the_cmdlet(string cmdlet)
    {
        Assert.True(HelpPages.All.TryGetValue(cmdlet, out var page), $"docs/en-US/{cmdlet}.md is missing");
        _shell.SetVariable("cmdlet", cmdlet);
        var info = (CmdletInfo)_shell.Run("Get-Command $cmdlet").ThrowIfFailed().Output[0].BaseObject;
        var problems = new List<string>();

        var real = info.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var documented = page!.Parameters.ToDictionary(p => p.Name.TrimStart('-'), StringComparer.OrdinalIgnoreCase);
        problems.AddRange(real.Keys.Except(documented.Keys, StringComparer.OrdinalIgnoreCase).Select(p => $"-{p} is not documented"));
        problems.AddRange(documented.Keys.Except(real.Keys, StringComparer.OrdinalIgnoreCase).Select(p => $"-{p} is documented but does not exist"));

        foreach (var (name, parameter) in real)
        {
            if (!documented.TryGetValue(name, out var doc)) continue;
            Compare(problems, info, parameter, doc);
        }
        Assert.True(problems.Count == 0, $"{cmdlet}:\n  " + string.Join("\n  ", problems));
    }

    private static void Compare(List<string> problems, CmdletInfo info, System.Management.Automation.ParameterMetadata parameter, ParameterHelp doc)
    {
        var name = "-" + parameter.Name;
        if (!SameType(parameter.ParameterType, doc.Type))
            problems.Add($"{name}: type is {FriendlyName(parameter.ParameterType)}, the page says {doc.Type}");

        var realAliases = parameter.Aliases.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var docAliases = doc.Aliases.Where(a => !a.Equals("None", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (!realAliases.SequenceEqual(docAliases, StringComparer.OrdinalIgnoreCase))
            problems.Add($"{name}: aliases are [{string.Join(", ", realAliases)}], the page says [{string.Join(", ", docAliases)}]");

        var validateSet = parameter.Attributes.OfType<ValidateSetAttribute>().SelectMany(v => v.ValidValues).Order().ToList();
        if (!validateSet.SequenceEqual(doc.AcceptedValues.Order()))
            problems.Add($"{name}: accepted values are [{string.Join(", ", validateSet)}], the page says [{string.Join(", ", doc.AcceptedValues)}]");

        var inAllSets = parameter.ParameterSets.ContainsKey(ParameterAttribute.AllParameterSets);
        var docSets = doc.Metadata.SelectMany(m => m.ParameterSets).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var docInAll = docSets.Contains(HelpCompiler.Model.ParameterMetadata.AllParameterSets);
        var realSets = inAllSets ? info.ParameterSets.Select(s => s.Name).ToList() : parameter.ParameterSets.Keys.ToList();
        if (inAllSets != docInAll && !(docSets.SetEquals(realSets) && !inAllSets))
            problems.Add($"{name}: parameter sets are {(inAllSets ? "(All)" : string.Join(", ", realSets))}, the page says {string.Join(", ", docSets)}");
        else if (!inAllSets && !docSets.SetEquals(realSets))
            problems.Add($"{name}: parameter sets are {string.Join(", ", realSets)}, the page says {string.Join(", ", docSets)}");

        foreach (var set in realSets)
        {
            var realSet = inAllSets ? parameter.ParameterSets[ParameterAttribute.AllParameterSets] : parameter.ParameterSets[set];
            var docSet = doc.ForSet(set);
            if (docSet is null) continue;
            if (realSet.IsMandatory != docSet.Required)
                problems.Add($"{name} in {set}: required is {realSet.IsMandatory}, the page says {docSet.Required}");
            var realPosition = realSet.Position < 0 ? "Named" : realSet.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!realPosition.Equals(docSet.Position, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{name} in {set}: position is {realPosition}, the page says {docSet.Position}");
            var pipeline = docSet.PipelineInput;
            var docByValue = pipeline.Contains("ByValue", StringComparison.OrdinalIgnoreCase);
            var docByName = pipeline.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);
            if (realSet.ValueFromPipeline != docByValue || realSet.ValueFromPipelineByPropertyName != docByName)
                problems.Add($"{name} in {set}: pipeline input is ByValue={realSet.ValueFromPipeline}, ByPropertyName={realSet.ValueFromPipelineByPropertyName}, the page says '{pipeline}'");
        }
    }

    private static bool SameType(Type type, string? documented)
    {
        if (documented is null) return false;
        var friendly = FriendlyName(type);
        return documented.Equals(friendly, StringComparison.OrdinalIgnoreCase)
            || documented.Equals(Unwrap(type).FullName + (type.IsArray ? "[]" : ""), StringComparison.OrdinalIgnoreCase)
            || documented.Equals(type.FullName, StringComparison.OrdinalIgnoreCase);
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);

    private static string FriendlyName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.Name;
    }
}
