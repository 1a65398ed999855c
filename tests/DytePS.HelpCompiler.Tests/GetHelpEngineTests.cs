using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DytePS.HelpCompiler.Compilation;

namespace DytePS.HelpCompiler.Tests;

/// <summary>
/// The compiled help read back by the real PowerShell 7.6 engine (hosted in-process): Get-Help
/// -Full, -Examples, -Parameter and -Online for a cmdlet whose help file is the compiled MAML, and
/// Get-Help about_DytePS for the compiled about topic.
/// </summary>
public sealed class GetHelpEngineTests : IClassFixture<GetHelpEngineTests.CompiledHelp>
{
    private readonly CompiledHelp _help;

    public GetHelpEngineTests(CompiledHelp help) => _help = help;

    [Fact]
    public void Full_ShowsSynopsisDescriptionSyntaxNotesAndLinks()
    {
        var help = Single(_help.Invoke("Get-Help Get-DyteMeeting -Full"));
        Assert.Equal("Get-DyteMeeting", Text(help, "Name"));
        Assert.Equal("Gets meetings from the connected Dyte organization.", Text(help, "Synopsis"));
        Assert.Equal(
            ["The `Get-DyteMeeting` cmdlet gets meetings from the organization that `Connect-Dyte` connected to. By default it gets the first page of meetings.",
             "Use it to:",
             "- list meetings, optionally filtered by title or status",
             "- get meetings by ID, including IDs piped from other cmdlets"],
            Paras(help, "description"));
        var sets = Many(help, "syntax", "syntaxItem");
        Assert.Equal(2, sets.Count);
        Assert.Equal(["All", "PageSize", "Search", "Status"], Many(sets[0], "parameter").Select(p => Text(p, "name")));
        Assert.Equal(["Id", "PageSize"], Many(sets[1], "parameter").Select(p => Text(p, "name")));
        Assert.Equal(["All", "Id", "PageSize", "Search", "Status"], Many(help, "parameters", "parameter").Select(p => Text(p, "name")));
        Assert.Equal("System.Guid[]", Text(help, "inputTypes", "inputType", "type", "name"));
        Assert.Equal("DytePS.Meeting", Text(help, "returnValues", "returnValue", "type", "name"));
        Assert.Equal(["This cmdlet returns one object per meeting."], Paras(Get(help, "returnValues", "returnValue"), "description"));
        Assert.Equal(
            ["The cmdlet needs a connection; run `Connect-Dyte` first.", "Pages are requested lazily, so stopping the pipeline early stops the requests."],
            Paras(Get(help, "alertSet"), "alert"));
        Assert.Equal(["Online Version:", "New-DyteMeeting", "Dyte REST API: meetings", "about_DytePS"],
            Many(help, "relatedLinks", "navigationLink").Select(l => Text(l, "linkText")));
    }

    [Fact]
    public void Examples_ShowTitleCodeAndRemarks()
    {
        var help = Single(_help.Invoke("Get-Help Get-DyteMeeting -Examples"));
        var examples = Many(help, "examples", "example");
        Assert.Equal(2, examples.Count);
        Assert.Equal("---------------- Example 1: List every meeting ----------------", Text(examples[0], "title"));
        Assert.Equal("Get-DyteMeeting -All", Text(examples[0], "code"));
        Assert.Equal(["This command gets every meeting in the organization, following the API's pages."], Paras(examples[0], "remarks"));
        Assert.StartsWith("Import-Csv -Path .\\meetings.csv | Get-DyteMeeting\n\nId ", Text(examples[1], "code"));
    }

    [Fact]
    public void Parameter_ShowsAliasesPositionAndPipelineInput()
    {
        var id = Single(_help.Invoke("Get-Help Get-DyteMeeting -Parameter Id"));
        Assert.Equal("Id", Text(id, "name"));
        Assert.Equal("MeetingId, Meeting", Text(id, "aliases"));
        Assert.Equal("true", Text(id, "required"));
        Assert.Equal("0", Text(id, "position"));
        Assert.Equal("True (ByPropertyName)", Text(id, "pipelineInput"));
        Assert.Equal("false", Text(id, "globbing"));
        Assert.Equal("Guid[]", Text(id, "type", "name"));
        Assert.Equal(["Specifies the IDs of the meetings to get."], Paras(id, "description"));

        var all = Single(_help.Invoke("Get-Help Get-DyteMeeting -Parameter All"));
        Assert.Equal("SwitchParameter", Text(all, "type", "name"));
        Assert.Equal("False", Text(all, "defaultValue"));
        Assert.Equal("true", Text(Single(_help.Invoke("Get-Help Get-DyteMeeting -Parameter Search")), "globbing"));
    }

    [Fact]
    public async Task Online_OpensTheOnlineVersionAddress()
    {
        const string expected = "https://github.com/dyteps/DytePS/blob/main/docs/en-US/Get-DyteMeeting.md";
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere -Online would open a real browser: check the address it opens, the first related link.
            var links = _help.Invoke("(Get-Help Get-DyteMeeting -Full).relatedLinks.navigationLink | ForEach-Object uri");
            Assert.Equal(expected, links.First(l => !string.IsNullOrEmpty(l?.ToString())).ToString());
            return;
        }

        // PowerShell opens the address with Process.Start(UseShellExecute), which on Linux runs the
        // first xdg-open on PATH: put one there that records what it was asked to open.
        var opened = Path.Combine(_help.Folder, "opened.txt");
        var bin = Path.Combine(_help.Folder, "bin");
        Directory.CreateDirectory(bin);
        var xdgOpen = Path.Combine(bin, "xdg-open");
        // Written aside and renamed into place, so the file appears complete or not at all.
        File.WriteAllText(xdgOpen, $"#!/bin/sh\nprintf '%s' \"$1\" > '{opened}.part' && mv '{opened}.part' '{opened}'\n");
        File.SetUnixFileMode(xdgOpen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + path);
        // Get-Help does not wait for the opener it starts: wait for its file to appear.
        using var watcher = new FileSystemWatcher(_help.Folder, Path.GetFileName(opened)) { EnableRaisingEvents = true };
        var appeared = new TaskCompletionSource();
        watcher.Renamed += (_, _) => appeared.TrySetResult();
        watcher.Created += (_, _) => appeared.TrySetResult();
        try
        {
            _help.Invoke("Get-Help Get-DyteMeeting -Online");
            if (!File.Exists(opened)) await Task.WhenAny(appeared.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
        Assert.Equal(expected, File.ReadAllText(opened));
    }

    [Fact]
    public void AboutTopic_IsFoundByName_WithTheShortDescriptionAsSynopsis()
    {
        var text = Assert.IsType<string>(Single(_help.Invoke("Get-Help about_DytePS")).BaseObject);
        Assert.Equal(File.ReadAllText(Path.Combine(_help.Output, "about_DytePS.help.txt")), text);

        var listed = _help.Invoke("Get-Help about_DytePS* | Where-Object Name -eq about_DytePSDocsLayout");
        Assert.Equal("Shows the PowerShell-Docs layout of an about topic.", Single(listed).Properties["Synopsis"].Value);
    }

    private static PSObject Single(Collection<PSObject> results) => Assert.Single(results);

    /// <summary>Follows a chain of properties of the help object Get-Help returned (null when one is missing).</summary>
    private static object? Get(object? value, params string[] path)
    {
        foreach (var name in path) value = value is null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;
        return value;
    }

    private static string? Text(object? value, params string[] path) =>
        Get(value, path) is { } found ? PSObject.AsPSObject(found).BaseObject.ToString() : null;

    /// <summary>A MAML list comes back as one object or an array of them; either way, a list.</summary>
    private static List<object> Many(object? value, params string[] path) =>
        Get(value, path) switch
        {
            null => [],
            PSObject { BaseObject: object[] array } => [.. array],
            object[] array => [.. array],
            var single => [single],
        };

    /// <summary>The maml:para texts under a property (the engine ends each with a line break for its formatter).</summary>
    private static List<string> Paras(object? value, params string[] path) =>
        [.. Many(value, path).Select(p => Text(p, "Text")!.TrimEnd('\n'))];

    /// <summary>
    /// The fixtures compiled once into a temp folder, a runspace with a Get-DyteMeeting cmdlet whose
    /// help file is the compiled MAML, and a module whose folder holds the compiled about topics.
    /// </summary>
    public sealed class CompiledHelp : IDisposable
    {
        private readonly TempFolder _temp = new();
        private readonly Runspace _runspace;

        public CompiledHelp()
        {
            var result = HelpFolderCompiler.Compile(_temp.CopyFixtures("docs"), Output = _temp.Combine("DytePSHelpFixture"));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            File.WriteAllText(Path.Combine(Output, "DytePSHelpFixture.psm1"), "");

            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Get-DyteMeeting", typeof(GetDyteMeetingStub), Path.Combine(Output, "DytePS.dll-Help.xml")));
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            // Get-Help looks for about topics in the folders of loaded modules.
            Invoke("Import-Module -Name $args[0] -ErrorAction Stop", Path.Combine(Output, "DytePSHelpFixture.psm1"));
        }

        public string Folder => _temp.Path;

        public string Output { get; }

        public Collection<PSObject> Invoke(string script, params object[] args)
        {
            lock (_runspace)
            {
                using var ps = PowerShell.Create();
                ps.Runspace = _runspace;
                ps.AddScript(script);
                foreach (var arg in args) ps.AddArgument(arg);
                var output = ps.Invoke();
                Assert.False(ps.HadErrors, string.Join("\n", ps.Streams.Error));
                return output;
            }
        }

        public void Dispose()
        {
            _runspace.Dispose();
            _temp.Dispose();
        }
    }
}

/// <summary>A cmdlet with Get-DyteMeeting's parameters, so Get-Help has a command to attach the compiled help to.</summary>
[Cmdlet(VerbsCommon.Get, "DyteMeeting", DefaultParameterSetName = "List")]
public sealed class GetDyteMeetingStub : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
    [Alias("MeetingId", "Meeting")]
    public Guid[] Id { get; set; } = [];

    [Parameter(ParameterSetName = "List")]
    [SupportsWildcards]
    public string? Search { get; set; }

    [Parameter(ParameterSetName = "List")]
    [ValidateSet("ACTIVE", "INACTIVE")]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = "List")]
    public SwitchParameter All { get; set; }

    [Parameter]
    public int PageSize { get; set; } = 50;
}
