using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace DytePS.LoadContext
{
    /// <summary>
    /// The load context of DytePS.Client and its dependencies on PowerShell 7. PowerShell loads
    /// DytePS.dll in the default context; when that assembly first needs DytePS.Client the default
    /// context cannot find it (it is not in the module root), asks <see cref="ResolveFromDefault"/>,
    /// and gets it from here. Everything DytePS.Client needs then resolves through <see cref="Load"/>:
    /// the runtime's own assemblies come from the default context (so types such as
    /// IAsyncEnumerable stay the same on both sides), everything else from the dependencies folder.
    /// DytePS.Loader calls <see cref="Install"/> and <see cref="Uninstall"/> by reflection (see its
    /// CoreDependencyLoader), so these two signatures are its contract.
    /// </summary>
    public sealed class PrivateLoadContext : AssemblyLoadContext
    {
        /// <summary>Assemblies whose types DytePS.dll itself uses, so both sides must share one copy.</summary>
        private static readonly string[] SharedWithCmdlets = { "DytePS.Client", "Microsoft.Bcl.AsyncInterfaces" };

        private static readonly object Gate = new object();

        // One context per process for its lifetime: assemblies cannot leave a non-collectible
        // context, so a module imported again after Remove-Module must find the same copies.
        private static PrivateLoadContext? _instance;

        private readonly string _folder;
        private readonly ConcurrentDictionary<string, Version?> _platformVersions = new ConcurrentDictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);
        private readonly string[] _platformAssemblies;

        private PrivateLoadContext(string folder)
        {
            _folder = folder;
            _platformAssemblies = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
                .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>Lets the default context find DytePS.Client (and what DytePS.dll shares with it) here.</summary>
        public static void Install(string folder)
        {
            lock (Gate)
            {
                _instance ??= new PrivateLoadContext(folder);
                Default.Resolving -= ResolveFromDefault;
                Default.Resolving += ResolveFromDefault;
            }
        }

        /// <summary>Remove-Module: the default context stops asking this context.</summary>
        public static void Uninstall()
        {
            lock (Gate) Default.Resolving -= ResolveFromDefault;
        }

        private static Assembly? ResolveFromDefault(AssemblyLoadContext context, AssemblyName name)
        {
            if (_instance is null || Array.IndexOf(SharedWithCmdlets, name.Name) < 0) return null;
            return _instance.LoadFromAssemblyName(name);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            // The runtime's copy wins when it is new enough: one System.Text.Json, one set of
            // collection interfaces. Older runtimes get our newer private copy instead.
            var platform = PlatformVersion(name.Name!);
            if (platform != null && (name.Version is null || platform >= name.Version)) return null;

            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>The version of the runtime's (trusted platform) assembly with this name, or null when the runtime has none.</summary>
        private Version? PlatformVersion(string simpleName) =>
            _platformVersions.GetOrAdd(simpleName, n =>
            {
                foreach (var path in _platformAssemblies)
                {
                    if (string.Equals(Path.GetFileNameWithoutExtension(path), n, StringComparison.OrdinalIgnoreCase))
                        return AssemblyName.GetAssemblyName(path).Version;
                }
                return null;
            });
    }
}
