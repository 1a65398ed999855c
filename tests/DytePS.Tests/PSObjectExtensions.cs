using System.Management.Automation;
using DytePS.Playground;

namespace DytePS.Tests;

/// <summary>
/// Reads module objects by property name. The tests never reference the module's assemblies
/// (the engine must load the shipped copies, maybe in their own load context), so output is
/// inspected the way a script sees it.
/// </summary>
public static class PSObjectExtensions
{
    public static T Get<T>(this PSObject o, string property) =>
        LanguagePrimitives.ConvertTo<T>(o.Properties[property]?.Value
            ?? throw new KeyNotFoundException($"{o.TypeNames[0]} has no value for {property}"));

    public static string? Str(this PSObject o, string property) => o.Properties[property]?.Value?.ToString();

    public static Guid Id(this PSObject o) => o.Get<Guid>("Id");

    /// <summary>Output objects whose .NET type is <paramref name="typeName"/> (for example DytePS.Meeting).</summary>
    public static IReadOnlyList<PSObject> Typed(this ShellResult result, string typeName) =>
        result.Output.Where(o => o.TypeNames.Count > 0 && o.TypeNames[0] == typeName).ToList();

    public static IReadOnlyList<PSObject> Meetings(this ShellResult result) => result.Typed("DytePS.Meeting");

    public static IReadOnlyList<PSObject> Connections(this ShellResult result) => result.Typed("DytePS.DyteConnection");
}
