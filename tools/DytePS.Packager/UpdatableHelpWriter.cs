using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DytePS.Packager;

/// <summary>What writing the updatable help produced: the HelpInfo XML and one archive per culture.</summary>
public sealed record UpdatableHelpResult(string HelpInfoPath, IReadOnlyList<string> ContentPaths, IReadOnlyList<string> Cultures);

/// <summary>
/// Writes the files Update-Help and Save-Help fetch from the manifest's HelpInfoUri, from the help
/// the built module folder ships (&lt;culture&gt;/*-help.xml and about_*.help.txt):
/// &lt;Name&gt;_&lt;GUID&gt;_HelpInfo.xml, naming each culture and its help version, and
/// &lt;Name&gt;_&lt;GUID&gt;_&lt;culture&gt;_HelpContent.zip and .cab per culture, the same files in
/// each: PowerShell on Linux and macOS asks for the .zip, on Windows (5.1 and 7) for the .cab.
/// </summary>
public static class UpdatableHelpWriter
{
    private static readonly XNamespace HelpInfoNamespace = "http://schemas.microsoft.com/powershell/help/2010/05";

    /// <summary>A culture folder's name as PowerShell names them (en-US, de-DE, fr, zh-Hans-CN).</summary>
    private static readonly Regex CultureName = new(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant);

    /// <summary>The help file types that updatable help may carry.</summary>
    public static bool IsHelpFile(string fileName) =>
        fileName.EndsWith("-help.xml", StringComparison.OrdinalIgnoreCase)
        || (fileName.StartsWith("about_", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".help.txt", StringComparison.OrdinalIgnoreCase));

    public static UpdatableHelpResult Write(string moduleFolder, ModuleMetadata metadata, string outputFolder, DateTimeOffset? timestamp = null)
    {
        moduleFolder = Path.GetFullPath(moduleFolder);
        if (metadata.HelpInfoUri is null)
            throw new PackagingException($"{Path.Combine(moduleFolder, metadata.Name + ".psd1")}: no HelpInfoUri, so Update-Help would not look for updatable help; add HelpInfoUri = 'https://...' to the manifest.");
        var cultures = Directory.EnumerateDirectories(moduleFolder)
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => CultureName.IsMatch(name) && Directory.EnumerateFiles(Path.Combine(moduleFolder, name)).Any(f => IsHelpFile(Path.GetFileName(f))))
            .Order(StringComparer.Ordinal).ToList();
        if (cultures.Count == 0)
            throw new PackagingException($"{moduleFolder}: no culture folder (such as en-US) holds help files (*-help.xml, about_*.help.txt); build the module first.");

        Directory.CreateDirectory(outputFolder);
        var prefix = $"{metadata.Name}_{metadata.Guid.ToString("D", CultureInfo.InvariantCulture)}";
        var stamp = (timestamp ?? DateTimeOffset.UtcNow).ToUniversalTime();
        // A zip stores local times from 1980 on; earlier stamps would not survive the round trip.
        if (stamp.Year < 1980) stamp = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var contents = new List<string>();
        foreach (var culture in cultures)
        {
            var archive = Path.Combine(Path.GetFullPath(outputFolder), $"{prefix}_{culture}_HelpContent");
            WriteArchive(Path.Combine(moduleFolder, culture), archive + ".zip", stamp);
            WriteCabinet(Path.Combine(moduleFolder, culture), archive + ".cab", stamp);
            contents.Add(archive + ".zip");
            contents.Add(archive + ".cab");
        }

        // UICultureVersion is a four-part version; Update-Help installs help whose version is newer than what it installed last.
        var version = metadata.Version.Version;
        var helpVersion = new Version(version.Major, version.Minor, version.Build, 0).ToString();
        var helpInfo = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(HelpInfoNamespace + "HelpInfo",
                new XElement(HelpInfoNamespace + "HelpContentURI", metadata.HelpInfoUri.AbsoluteUri),
                new XElement(HelpInfoNamespace + "SupportedUICultures",
                    cultures.Select(culture => new XElement(HelpInfoNamespace + "UICulture",
                        new XElement(HelpInfoNamespace + "UICultureName", culture),
                        new XElement(HelpInfoNamespace + "UICultureVersion", helpVersion))))));
        var helpInfoPath = Path.Combine(Path.GetFullPath(outputFolder), prefix + "_HelpInfo.xml");
        using (var writer = new StreamWriter(helpInfoPath, append: false, new UTF8Encoding(false)))
            helpInfo.Save(writer);
        return new UpdatableHelpResult(helpInfoPath, contents, cultures);
    }

    private static IEnumerable<string> HelpFiles(string cultureFolder) =>
        Directory.EnumerateFiles(cultureFolder).Where(f => IsHelpFile(Path.GetFileName(f))).Order(StringComparer.Ordinal);

    /// <summary>The same files as the .zip, in a cabinet for Windows.</summary>
    private static void WriteCabinet(string cultureFolder, string cabinetPath, DateTimeOffset stamp)
    {
        var files = HelpFiles(cultureFolder).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var partial = cabinetPath + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
                CabinetWriter.Write(stream, files, stamp.UtcDateTime);
            File.Move(partial, cabinetPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>The culture folder's help files, flat, in name order, each with the same time: the same input gives the same bytes.</summary>
    private static void WriteArchive(string cultureFolder, string archivePath, DateTimeOffset stamp)
    {
        var partial = archivePath + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var file in HelpFiles(cultureFolder))
                {
                    var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                    entry.LastWriteTime = stamp;
                    using var target = entry.Open();
                    using var source = File.OpenRead(file);
                    source.CopyTo(target);
                }
            }
            File.Move(partial, archivePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }
}
