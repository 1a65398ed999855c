using System.Collections;
using System.IO.Compression;
using System.Xml.Linq;

namespace DytePS.Packager.Tests;

/// <summary>The built module folder packed once (through the command line, as the build runs it) for the tests that read the package.</summary>
public sealed class PackageFixture : IDisposable
{
    public static readonly DateTimeOffset Timestamp = new(2026, 1, 2, 3, 4, 6, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public PackageFixture()
    {
        var result = ModulePackager.Pack(Paths.ModuleFolder, _temp.Combine("out"), Timestamp);
        PackagePath = result.PackagePath;
        Manifest = Engine.ReadDataFile(Paths.ModuleManifest);
        using var zip = ZipFile.OpenRead(PackagePath);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        EntryTimes = zip.Entries.Select(e => e.LastWriteTime).Distinct().ToList();
        EntryHashes = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
        });
        using var nuspec = zip.GetEntry("DytePS.nuspec")?.Open();
        Nuspec = nuspec is null ? null : XDocument.Load(nuspec);
    }

    public string PackagePath { get; }

    /// <summary>The source manifest (out/DytePS/DytePS.psd1), read independently of the packager.</summary>
    public Hashtable Manifest { get; }

    public Hashtable PSData => (Hashtable)((Hashtable)Manifest["PrivateData"]!)["PSData"]!;

    /// <summary>Every entry of the package, with '/' separators as the zip stores them.</summary>
    public IReadOnlyList<string> Entries { get; }

    public IReadOnlyList<DateTimeOffset> EntryTimes { get; }

    public IReadOnlyDictionary<string, string> EntryHashes { get; }

    public XDocument? Nuspec { get; }

    /// <summary>The text of the nuspec's metadata element <paramref name="name"/>, null when absent.</summary>
    public string? Metadata(string name) =>
        Nuspec?.Root?.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    public void Dispose() => _temp.Dispose();
}
