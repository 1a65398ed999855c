using NuGet.Versioning;

namespace DytePS.Packager;

/// <summary>What the package says about the module, all of it taken from the module manifest.</summary>
public sealed record ModuleMetadata
{
    /// <summary>The module's name: the manifest's file name, which is also the package id.</summary>
    public required string Name { get; init; }

    /// <summary>ModuleVersion, with PrivateData.PSData.Prerelease appended when the manifest has one.</summary>
    public required NuGetVersion Version { get; init; }

    public required string Author { get; init; }

    /// <summary>The manifest's GUID: part of every updatable help file name.</summary>
    public Guid Guid { get; init; }

    /// <summary>HelpInfoUri: where Update-Help and Save-Help look for the updatable help (null when the manifest has none).</summary>
    public Uri? HelpInfoUri { get; init; }

    /// <summary>CompanyName: the package's owners, as PowerShellGet writes them.</summary>
    public string? CompanyName { get; init; }

    public required string Description { get; init; }

    public string? Copyright { get; init; }

    /// <summary>PrivateData.PSData.Tags, as the manifest lists them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public Uri? ProjectUri { get; init; }

    public Uri? LicenseUri { get; init; }

    public Uri? IconUri { get; init; }

    public string? ReleaseNotes { get; init; }

    public IReadOnlyList<string> ExportedCmdlets { get; init; } = [];

    public IReadOnlyList<string> ExportedFunctions { get; init; } = [];

    /// <summary>Every exported command: cmdlets, functions and aliases.</summary>
    public IReadOnlyList<string> ExportedCommands { get; init; } = [];

    /// <summary>RequiredModules as NuGet dependencies.</summary>
    public IReadOnlyList<ModuleDependency> Dependencies { get; init; } = [];

    /// <summary>
    /// The nuspec's tags as PowerShellGet's Publish-Module writes them: the manifest's tags, then
    /// PSModule, then PSIncludes_Cmdlet and PSCmdlet_&lt;name&gt; for each cmdlet, PSIncludes_Function
    /// and PSFunction_&lt;name&gt; for each function, and PSCommand_&lt;name&gt; for each command. The
    /// Gallery builds its command search and "Includes" lists from them.
    /// </summary>
    public IReadOnlyList<string> GalleryTags
    {
        get
        {
            var tags = new List<string>(Tags) { "PSModule" };
            if (ExportedCommands.Count > 0)
            {
                if (ExportedCmdlets.Count > 0)
                {
                    tags.Add("PSIncludes_Cmdlet");
                    tags.AddRange(ExportedCmdlets.Select(name => "PSCmdlet_" + name));
                }
                if (ExportedFunctions.Count > 0)
                {
                    tags.Add("PSIncludes_Function");
                    tags.AddRange(ExportedFunctions.Select(name => "PSFunction_" + name));
                }
                tags.AddRange(ExportedCommands.Select(name => "PSCommand_" + name));
            }
            return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}

/// <summary>One RequiredModules entry as a nuspec dependency: <c>[1.0]</c> exact, <c>1.0</c> at least, <c>(,2.0]</c> at most.</summary>
public sealed record ModuleDependency(string Id, VersionRange? Versions);
