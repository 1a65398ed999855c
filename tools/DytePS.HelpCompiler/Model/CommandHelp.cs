using System.Collections.Immutable;

namespace DytePS.HelpCompiler.Model;

/// <summary>One cmdlet's help page (platyPS markdown schema 2.0.0), as parsed from its .md file.</summary>
/// <param name="SourceFile">The file it came from, for error messages.</param>
/// <param name="Name">The "# Verb-Noun" title.</param>
/// <param name="Syntax">The "## SYNTAX" parameter sets, in page order.</param>
/// <param name="SupportsCommonParameters">True when "## PARAMETERS" has a "### CommonParameters" entry.</param>
public sealed record CommandHelp(
    string SourceFile,
    HelpFrontMatter FrontMatter,
    string Name,
    ValueList<HelpBlock> Synopsis,
    ValueList<SyntaxBlock> Syntax,
    ValueList<HelpBlock> Description,
    ValueList<ExampleHelp> Examples,
    ValueList<ParameterHelp> Parameters,
    bool SupportsCommonParameters,
    ValueList<TypeHelp> Inputs,
    ValueList<TypeHelp> Outputs,
    ValueList<HelpBlock> Notes,
    ValueList<RelatedLink> RelatedLinks)
{
    /// <summary>The part before the first '-' ("Get" in Get-DyteMeeting).</summary>
    public string Verb => Name[..Name.IndexOf('-')];

    /// <summary>Everything after the first '-' ("DyteMeeting").</summary>
    public string Noun => Name[(Name.IndexOf('-') + 1)..];
}

/// <summary>The YAML front matter platyPS reads; every other key is kept in <paramref name="Values"/> too.</summary>
/// <param name="Values">All keys as written (lookup is case-insensitive), values trimmed; empty values are "".</param>
public sealed record HelpFrontMatter(ImmutableDictionary<string, string> Values)
{
    /// <summary>The platyPS keys with a meaning for external help.</summary>
    public const string ExternalHelpFileKey = "external help file", ModuleNameKey = "Module Name",
        OnlineVersionKey = "online version", SchemaKey = "schema";

    /// <summary>The MAML file this page compiles into ("DytePS.dll-Help.xml"), or null.</summary>
    public string? ExternalHelpFile => Get(ExternalHelpFileKey);

    public string? ModuleName => Get(ModuleNameKey);

    /// <summary>The address Get-Help -Online opens, or null.</summary>
    public string? OnlineVersion => Get(OnlineVersionKey);

    public string? Schema => Get(SchemaKey);

    /// <summary>A key's value, or null when it is absent or empty.</summary>
    public string? Get(string key) => Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>No front matter at all.</summary>
    public static HelpFrontMatter Empty { get; } = new(ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase));
}

/// <summary>One "### SetName" entry of "## SYNTAX" with its code block (kept for reference; the MAML syntax is built from the parameters, as platyPS does).</summary>
/// <param name="Name">The set name without " (Default)"; "(All)" when the page has a single syntax block without a heading.</param>
public sealed record SyntaxBlock(string Name, bool IsDefault, string Code);

/// <summary>One "### Example N: Title" entry.</summary>
/// <param name="Introduction">Prose between the title and the first code block (rare; platyPS allows it).</param>
/// <param name="Code">The consecutive code blocks after the introduction (the first is usually ```powershell).</param>
/// <param name="Remarks">Everything after those code blocks.</param>
public sealed record ExampleHelp(
    string Title,
    ValueList<HelpBlock> Introduction,
    ValueList<HelpCodeBlock> Code,
    ValueList<HelpBlock> Remarks);

/// <summary>One "### -Name" entry of "## PARAMETERS".</summary>
/// <param name="Name">Without the leading '-'.</param>
/// <param name="Metadata">One entry per ```yaml block; platyPS writes a second block when the parameter differs between parameter sets (Required in one, optional in another).</param>
public sealed record ParameterHelp(string Name, ValueList<HelpBlock> Description, ValueList<ParameterMetadata> Metadata)
{
    /// <summary>The first yaml block: what the "PARAMETERS" section of Get-Help shows.</summary>
    public ParameterMetadata Primary => Metadata[0];

    public string? Type => Primary.Type;
    public ValueList<string> ParameterSets => Primary.ParameterSets;
    public ValueList<string> Aliases => Primary.Aliases;
    public ValueList<string> AcceptedValues => Primary.AcceptedValues;
    public bool Required => Primary.Required;
    public string Position => Primary.Position;
    public string? DefaultValue => Primary.DefaultValue;
    public string PipelineInput => Primary.PipelineInput;
    public bool AcceptsWildcards => Primary.AcceptsWildcards;
    public bool IsSwitch => Primary.IsSwitch;

    /// <summary>The yaml block that describes this parameter in <paramref name="parameterSet"/>, or null when it is not in that set.</summary>
    public ParameterMetadata? ForSet(string parameterSet) =>
        Metadata.FirstOrDefault(m => m.ParameterSets.Any(s => string.Equals(s, parameterSet, StringComparison.OrdinalIgnoreCase)))
        ?? Metadata.FirstOrDefault(m => m.InAllSets);
}

/// <summary>The keys of one parameter ```yaml block, with platyPS's defaults for keys left out.</summary>
/// <param name="Type">"Type:", e.g. "String[]" or "SwitchParameter"; null when omitted.</param>
/// <param name="ParameterSets">"Parameter Sets:", comma-separated; ["(All)"] when omitted.</param>
/// <param name="Position">"Position:" as written ("0", "Named"); "Named" when omitted.</param>
/// <param name="DefaultValue">"Default value:"; null when omitted or empty.</param>
/// <param name="PipelineInput">"Accept pipeline input:" as written ("True (ByPropertyName)"); "False" when omitted.</param>
public sealed record ParameterMetadata(
    string? Type,
    ValueList<string> ParameterSets,
    ValueList<string> Aliases,
    ValueList<string> AcceptedValues,
    bool Required,
    string Position,
    string? DefaultValue,
    string PipelineInput,
    bool AcceptsWildcards)
{
    /// <summary>The moniker platyPS writes for a parameter that is in every parameter set.</summary>
    public const string AllParameterSets = "(All)";

    public bool InAllSets => ParameterSets.Any(s => s == AllParameterSets);

    /// <summary>The spellings platyPS recognises as a switch.</summary>
    public bool IsSwitch => Type is not null && (Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("switch", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase));

    /// <summary>The numeric position, or null for "Named".</summary>
    public int? PositionNumber => int.TryParse(Position, out var n) ? n : null;
}

/// <summary>One "### TypeName" entry of "## INPUTS" or "## OUTPUTS".</summary>
public sealed record TypeHelp(string TypeName, ValueList<HelpBlock> Description);

/// <summary>One line of "## RELATED LINKS": a markdown link, or plain text (then <paramref name="Uri"/> is null).</summary>
public sealed record RelatedLink(string Text, string? Uri);
