using System.Reflection;

namespace DytePS.Framework.Tests;

/// <summary>Paths recorded at build time (see the project file).</summary>
internal static class BuildMetadata
{
    public static string ConflictingRestSharp => Value("ConflictingRestSharp");

    public static string FrameworkHost => Value("FrameworkHost");

    public static string Net472ReferenceAssemblies => Value("Net472ReferenceAssemblies");

    private static string Value(string key) =>
        typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
