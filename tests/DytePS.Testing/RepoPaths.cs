using System.Reflection;

namespace DytePS.Testing;

/// <summary>Where the repository and the built module folder are, recorded at build time.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>out/DytePS/DytePS.psd1, the module folder that `dotnet build` assembles.</summary>
    public static string ModuleManifest { get; } = Metadata("ModuleManifest");

    public static string ModuleFolder => Path.GetDirectoryName(ModuleManifest)!;

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
