using System.Text.Json.Serialization;

namespace DytePS.Emulator.Faults;

/// <summary>An active fault: its definition, its id and how many matching requests it still applies to.</summary>
public sealed class FaultRule(string id, FaultDefinition definition, DateTime createdAt)
{
    public string Id { get; } = id;
    public FaultDefinition Definition { get; } = definition;
    public DateTime CreatedAt { get; } = createdAt;

    /// <summary>Null: unlimited. Changed only under <see cref="FaultRegistry"/>'s lock.</summary>
    public int? Remaining { get; set; } = definition.Count;

    public FaultView View() => new(Id, Definition.Organization, Definition.Operation, Definition.Kind, Definition.StatusCode,
        Definition.RetryAfterSeconds, Definition.Kind == FaultDefinition.Status ? Definition.RetryAfterFormat : null,
        Definition.Kind == FaultDefinition.Status ? Definition.Html : null, Definition.LatencyMs, Definition.When, Definition.Count,
        Remaining, Definition.Probability, CreatedAt);
}

/// <summary>The control API's view of a fault; remaining is null (and present) when the fault is unlimited.</summary>
public sealed record FaultView(
    string Id, string? Organization, string Operation, string Kind, int? Status, int? RetryAfter, string? RetryAfterFormat,
    bool? Html, int? LatencyMs, string When, int? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Remaining,
    double Probability, DateTime CreatedAt);
