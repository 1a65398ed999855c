using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DytePS.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DytePS.Framework.Tests;

/// <summary>
/// Mono is not .NET Framework: it has assemblies .NET Framework lacks. So the built module is
/// also checked against .NET Framework 4.7.2's own reference assemblies: everything that
/// Windows PowerShell 5.1 loads from out/DytePS (the loader, the cmdlets, dependencies/ except
/// PowerShell 7's load context) may refer only to .NET Framework 4.7.2, to the PowerShell engine,
/// or to an assembly shipped in dependencies/ that the loader's binding redirects accept.
/// </summary>
public sealed class FrameworkPathMetadataTests(ITestOutputHelper output)
{
    /// <summary>Loaded on PowerShell 7 only, by path (src/DytePS.Loader/CoreDependencyResolver.cs).</summary>
    private const string CoreOnlyAssembly = "DytePS.LoadContext";

    private static readonly string Dependencies = Path.Combine(RepoPaths.ModuleFolder, "dependencies");

    /// <summary>Every assembly Windows PowerShell 5.1 may load from the module folder.</summary>
    private static IEnumerable<string> FrameworkPath() =>
        new[] { Path.Combine(RepoPaths.ModuleFolder, "DytePS.Loader.dll"), Path.Combine(RepoPaths.ModuleFolder, "DytePS.dll") }
            .Concat(Directory.GetFiles(Dependencies, "*.dll").Where(f => Path.GetFileNameWithoutExtension(f) != CoreOnlyAssembly).Order());

    [Fact]
    public void Nothing_on_the_Framework_path_refers_to_System_Runtime_Loader_or_the_Core_load_context()
    {
        var offenders = FrameworkPath()
            .SelectMany(file => References(file).Where(r => r.Name is "System.Runtime.Loader" or CoreOnlyAssembly).Select(r => $"{Path.GetFileName(file)} -> {r.Name}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Windows PowerShell 5.1 cannot load these references: " + string.Join("; ", offenders));
        // The load context itself is where the reference belongs, and it ships where the loader looks.
        Assert.Contains(References(Path.Combine(Dependencies, CoreOnlyAssembly + ".dll")), r => r.Name == "System.Runtime.Loader");
    }

    [Fact]
    public void Every_reference_on_the_Framework_path_is_in_NET_Framework_472_or_shipped_and_redirectable()
    {
        var framework = FrameworkAssemblies();
        Assert.True(framework.Count > 100, $"The .NET Framework 4.7.2 reference assemblies were not found in {BuildMetadata.Net472ReferenceAssemblies}.");
        var problems = new List<string>();
        var redirects = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var file in FrameworkPath())
        {
            foreach (var reference in References(file))
            {
                var shippedPath = Path.Combine(Dependencies, reference.Name + ".dll");
                if (File.Exists(shippedPath))
                {
                    var shipped = AssemblyName.GetAssemblyName(shippedPath);
                    if (!SameToken(reference.GetPublicKeyToken(), shipped.GetPublicKeyToken()))
                        problems.Add($"{Path.GetFileName(file)} wants {reference.FullName}, dependencies/ has a differently signed {shipped.FullName}");
                    else if (reference.Version > shipped.Version)
                        problems.Add($"{Path.GetFileName(file)} wants {reference.Name} {reference.Version}, dependencies/ has the older {shipped.Version}");
                    else if (reference.Version < shipped.Version)
                        redirects.Add($"{reference.Name} {reference.Version} -> {shipped.Version} (for {Path.GetFileNameWithoutExtension(file)})");
                }
                else if (reference.Name == "System.Management.Automation")
                {
                    // The engine: Windows PowerShell 5.1 has it loaded (the cmdlets compile against PowerShellStandard.Library 5.1).
                }
                else if (!framework.Contains(reference.Name!))
                {
                    problems.Add($"{Path.GetFileName(file)} refers to {reference.FullName}, which .NET Framework 4.7.2 does not have and dependencies/ does not ship");
                }
            }
        }

        foreach (var redirect in redirects) output.WriteLine("binding redirect: " + redirect);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("DytePS.dll")]
    [InlineData("DytePS.Loader.dll")]
    public void The_engine_reference_is_the_one_Windows_PowerShell_51_has(string file)
    {
        // PowerShellStandard.Library 5.1 compiles against System.Management.Automation 3.0.0.0,
        // the version Windows PowerShell 5.1 carries; the 7.x package would bind 7.x, which it lacks.
        var engine = Assert.Single(References(Path.Combine(RepoPaths.ModuleFolder, file)), r => r.Name == "System.Management.Automation");

        Assert.Equal(new Version(3, 0, 0, 0), engine.Version);
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(engine.GetPublicKeyToken()!).ToLowerInvariant());
    }

    [Fact]
    public void Every_assembly_on_the_Framework_path_targets_netstandard20_or_NET_Framework()
    {
        var targets = FrameworkPath().Select(file => (File: Path.GetFileName(file), Target: TargetFramework(file))).ToList();
        foreach (var (file, target) in targets) output.WriteLine($"{file}: {target}");

        Assert.All(targets, t => Assert.True(
            t.Target is ".NETStandard,Version=v2.0" || t.Target.StartsWith(".NETFramework,Version=v4.", StringComparison.Ordinal) || t.Target == "(none)",
            $"{t.File} targets {t.Target}, which Windows PowerShell 5.1 cannot load"));
    }

    private static HashSet<string> FrameworkAssemblies()
    {
        var root = BuildMetadata.Net472ReferenceAssemblies;
        if (!Directory.Exists(root)) return new HashSet<string>();
        return Directory.GetFiles(root, "*.dll").Concat(Directory.GetFiles(Path.Combine(root, "Facades"), "*.dll"))
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase)!;
    }

    private static List<AssemblyName> References(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }

    private static string TargetFramework(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var type = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (type.Kind != HandleKind.TypeReference || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type).Name) != "TargetFrameworkAttribute") continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            return blob.ReadSerializedString() ?? "(none)";
        }
        return "(none)";
    }

    private static bool SameToken(byte[]? a, byte[]? b) => (a ?? []).AsSpan().SequenceEqual(b ?? []);
}
