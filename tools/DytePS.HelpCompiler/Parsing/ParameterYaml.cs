using DytePS.HelpCompiler.Model;
using Markdig.Syntax;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// Reads a parameter's ```yaml block. platyPS writes flat "Key: value" lines with a fixed set of
/// keys; like platyPS, an unknown key is an error (it is almost always a typo that would otherwise
/// silently fall back to a default, such as "Require: True").
/// </summary>
internal static class ParameterYaml
{
    private const string Type = "Type", ParameterSets = "Parameter Sets", Aliases = "Aliases", AcceptedValues = "Accepted values",
        Required = "Required", Position = "Position", DefaultValue = "Default value", PipelineInput = "Accept pipeline input",
        Wildcards = "Accept wildcard characters", Applicable = "Applicable";

    private static readonly string[] KnownKeys = [Type, ParameterSets, Aliases, AcceptedValues, Required, Position, DefaultValue, PipelineInput, Wildcards, Applicable];

    public static ParameterMetadata Parse(PageReader page, FencedCodeBlock block, string parameter)
    {
        var code = page.Code(block).Code;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var lineNumber = block.Line + 2 + i; // the fence line, then 1-based
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new HelpParseException(page.File, lineNumber, $"parameter -{parameter}: bad yaml line '{line}'; expected 'Key: value'");
            }
            var key = line[..colon].Trim();
            if (!KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new HelpParseException(page.File, lineNumber, $"parameter -{parameter}: unknown yaml key '{key}' (platyPS knows {string.Join(", ", KnownKeys.Take(9))})");
            }
            if (!values.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                throw new HelpParseException(page.File, lineNumber, $"parameter -{parameter}: yaml key '{key}' appears twice");
            }
        }

        string? Value(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

        bool Flag(string key)
        {
            var value = Value(key);
            if (value is null) return false;
            if (bool.TryParse(value, out var flag)) return flag;
            throw page.Error(block, $"parameter -{parameter}: '{key}: {value}' must be True or False");
        }

        var position = Value(Position) ?? "Named";
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && !(int.TryParse(position, out var n) && n >= 0))
        {
            throw page.Error(block, $"parameter -{parameter}: 'Position: {position}' must be Named or a number from 0");
        }

        var pipeline = Value(PipelineInput) ?? "False";
        if (!pipeline.StartsWith("true", StringComparison.OrdinalIgnoreCase) && !pipeline.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            throw page.Error(block, $"parameter -{parameter}: 'Accept pipeline input: {pipeline}' must be False or True (ByValue), True (ByPropertyName), True (ByValue, ByPropertyName)");
        }

        var sets = List(Value(ParameterSets));
        return new ParameterMetadata(
            Value(Type),
            sets.IsEmpty ? [ParameterMetadata.AllParameterSets] : sets,
            List(Value(Aliases)),
            List(Value(AcceptedValues)),
            Flag(Required),
            position,
            Value(DefaultValue),
            pipeline,
            Flag(Wildcards));
    }

    private static ValueList<string> List(string? value) =>
        value is null ? [] : [.. value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
}
