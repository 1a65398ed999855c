using DytePS.HelpCompiler.Model;
using DytePS.HelpCompiler.Parsing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>The markdown pages under Fixtures/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static CommandHelp Command(string name) => PlatyPSMarkdown.ParseCommand(Read(name), name);

    public static AboutTopic About(string name) => PlatyPSMarkdown.ParseAbout(Read(name), name);

    /// <summary>The fixture text with one exact piece replaced; fails loudly if the piece is not there, so a test cannot pass by editing nothing.</summary>
    public static string Edit(string name, string find, string replacement)
    {
        var text = Read(name).ReplaceLineEndings("\n");
        Assert.Contains(find, text);
        return text.Replace(find, replacement);
    }
}

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyteps-help-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies the named fixtures (all when none are named) into a new subfolder and returns it.</summary>
    public string CopyFixtures(string folder, params string[] names)
    {
        var target = Combine(folder);
        Directory.CreateDirectory(target);
        var files = names.Length > 0 ? names.Select(Fixtures.PathOf) : Directory.GetFiles(Fixtures.Folder, "*.md");
        foreach (var file in files) File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
