using DytePS.Emulator.State;

namespace DytePS.Emulator.Faults;

/// <summary>
/// The active faults of one emulator. A request takes at most one: the oldest that matches its
/// organization and operationId and wins its probability draw; counts go down under one lock, so
/// a fault with count n applies to exactly n requests however many arrive at once.
/// </summary>
public sealed class FaultRegistry(EmulatorState state)
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();
    private IReadOnlySet<string> _operations = new HashSet<string>();

    /// <summary>The API's operationIds, known once its endpoints are mapped.</summary>
    public IReadOnlySet<string> Operations
    {
        get => _operations;
        set => _operations = value;
    }

    /// <summary>Adds a fault; throws <see cref="ArgumentException"/> with a message naming the field when the definition is unusable.</summary>
    public FaultRule Add(FaultDefinition definition)
    {
        if (definition.Problem(_operations) is { } problem) throw new ArgumentException(problem);
        if (definition.Organization != null && state.Find(definition.Organization) is null)
            throw new KeyNotFoundException($"The organization '{definition.Organization}' does not exist.");
        var rule = new FaultRule(Guid.NewGuid().ToString(), definition, state.UtcNow);
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    /// <summary>The fault to apply to this request, counted down; null when none applies.</summary>
    public FaultView? Take(string organizationId, string operation)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                var definition = rule.Definition;
                if (definition.Organization != null && !string.Equals(definition.Organization, organizationId, StringComparison.OrdinalIgnoreCase)) continue;
                if (definition.Operation != FaultDefinition.AnyOperation && definition.Operation != operation) continue;
                if (definition.Probability < 1 && Random.Shared.NextDouble() >= definition.Probability) continue;
                if (rule.Remaining is { } remaining)
                {
                    rule.Remaining = remaining - 1;
                    if (remaining == 1) _rules.Remove(rule);
                }
                return rule.View();
            }
            return null;
        }
    }

    /// <summary>Active faults; with an organization, only the ones scoped to it.</summary>
    public IReadOnlyList<FaultView> List(string? organizationId)
    {
        lock (_gate) return _rules.Where(r => Scoped(r, organizationId)).Select(r => r.View()).ToList();
    }

    /// <summary>Removes every fault, or only those scoped to the organization (faults for all organizations stay).</summary>
    public void Clear(string? organizationId)
    {
        lock (_gate) _rules.RemoveAll(r => Scoped(r, organizationId));
    }

    public bool Remove(string id)
    {
        lock (_gate) return _rules.RemoveAll(r => r.Id == id) > 0;
    }

    private static bool Scoped(FaultRule rule, string? organizationId) =>
        organizationId is null || string.Equals(rule.Definition.Organization, organizationId, StringComparison.OrdinalIgnoreCase);
}
