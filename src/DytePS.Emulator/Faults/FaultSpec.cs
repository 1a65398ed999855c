using System.Globalization;

namespace DytePS.Emulator.Faults;

/// <summary>
/// The command line's compact fault syntax, <c>operation:kind[=value][,option=value...]</c>:
/// <c>listMeetings:status=503,count=2</c>, <c>*:latency=250</c>,
/// <c>createMeeting:drop,when=after,probability=0.1</c>, <c>getMeeting:status=429,retry-after=4</c>.
/// Names take '-' or '_' alike (malformed-json, retry_after).
/// </summary>
public static class FaultSpec
{
    public const string Syntax = "<operationId|*>:<kind>[=value][,option=value...]";

    public static FaultDefinition Parse(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon <= 0 || colon == spec.Length - 1) throw Bad(spec, $"expected {Syntax}");
        var operation = spec[..colon];
        var parts = spec[(colon + 1)..].Split(',');
        var (kind, kindValue) = Split(parts[0]);
        var definition = kind switch
        {
            FaultDefinition.Status => new FaultDefinition { Kind = kind, StatusCode = Integer(spec, "status", kindValue) },
            FaultDefinition.Latency => new FaultDefinition { Kind = kind, LatencyMs = Integer(spec, "latency", kindValue) },
            FaultDefinition.Hang or FaultDefinition.Drop or FaultDefinition.MalformedJson or FaultDefinition.EmptyBody when kindValue is null =>
                new FaultDefinition { Kind = kind },
            _ => throw Bad(spec, $"the kind must be status=<code>, latency=<ms>, hang, drop, malformed-json or empty-body; got '{parts[0]}'"),
        };
        definition = definition with { Operation = operation };
        foreach (var part in parts.Skip(1))
        {
            var (name, value) = Split(part);
            definition = name switch
            {
                "count" => definition with { Count = Integer(spec, name, value) },
                "probability" => definition with { Probability = Fraction(spec, value) },
                "when" => definition with { When = value ?? "" },
                "retry_after" => definition with { RetryAfterSeconds = Integer(spec, "retry-after", value) },
                "retry_after_format" => definition with { RetryAfterFormat = (value ?? "").Replace('-', '_') },
                "html" => definition with { Html = value is null or "true" ? true : value == "false" ? false : throw Bad(spec, "html takes true or false") },
                "org" or "organization" => definition with { Organization = value },
                _ => throw Bad(spec, $"unknown option '{part}'"),
            };
        }
        if (definition.Problem(null) is { } problem) throw Bad(spec, problem);
        return definition;
    }

    private static (string Name, string? Value) Split(string part)
    {
        var equals = part.IndexOf('=');
        var name = (equals < 0 ? part : part[..equals]).Trim().Replace('-', '_').ToLowerInvariant();
        return (name, equals < 0 ? null : part[(equals + 1)..].Trim());
    }

    private static int Integer(string spec, string name, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Bad(spec, $"{name} needs a whole number; got '{value}'");

    private static double Fraction(string spec, string? value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Bad(spec, $"probability needs a number from 0 to 1; got '{value}'");

    private static FormatException Bad(string spec, string why) => new($"--fault '{spec}': {why}.");
}
