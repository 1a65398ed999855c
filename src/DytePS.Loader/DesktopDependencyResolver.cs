using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;

namespace DytePS.Loader
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework): the AppDomain's AssemblyResolve event, which the
    /// runtime raises when it cannot find an assembly itself (not in the GAC, not beside
    /// powershell.exe, not beside the assembly asking). It answers only
    /// - requests made by DytePS's own assemblies (DytePS.dll, and what it loaded from
    ///   dependencies/): the event is process-wide, and another module asking for RestSharp must
    ///   get its own copy or none, never ours;
    /// - for assemblies shipped in dependencies/, as a binding redirect (<see cref="BindingRedirect"/>):
    ///   Polly.Core and the System.* packages ask for older versions than the newest one shipped,
    ///   which powershell.exe.config cannot redirect for a module.
    /// Each assembly is loaded with Assembly.LoadFile, in no load context: the runtime resolves its
    /// references through this event again, so another module's copy of the same library, already
    /// loaded, is never bound to DytePS's assemblies, nor ours to theirs.
    /// </summary>
    internal sealed class DesktopDependencyResolver : IDependencyResolver
    {
        private readonly string _moduleFolder;
        private readonly string _dependencyFolder;
        // Lazy: two threads asking at once must still get one copy of each assembly.
        private readonly ConcurrentDictionary<string, Lazy<Assembly>> _loaded = new ConcurrentDictionary<string, Lazy<Assembly>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, AssemblyName?> _shipped = new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);

        public DesktopDependencyResolver(string moduleFolder, string dependencyFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _dependencyFolder = Path.GetFullPath(dependencyFolder);
        }

        public void Attach()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public void Detach() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            if (!IsDytePSAssembly(args.RequestingAssembly)) return null;
            var requested = new AssemblyName(args.Name);
            // Satellite (resources) assemblies: DytePS ships none; the runtime falls back to neutral.
            if (requested.Name is null || !string.IsNullOrEmpty(requested.CultureName)) return null;

            var shipped = Shipped(requested.Name);
            if (shipped is null || !BindingRedirect.Allows(requested, shipped)) return null;
            var path = Path.Combine(_dependencyFolder, shipped.Name + ".dll");
            return _loaded.GetOrAdd(shipped.Name!, _ => new Lazy<Assembly>(() => Assembly.LoadFile(path))).Value;
        }

        /// <summary>The identity of dependencies/{name}.dll, read once; null when there is no such file.</summary>
        private AssemblyName? Shipped(string name) =>
            _shipped.GetOrAdd(name, n =>
            {
                var path = Path.Combine(_dependencyFolder, n + ".dll");
                return File.Exists(path) ? AssemblyName.GetAssemblyName(path) : null;
            });

        /// <summary>DytePS.dll and DytePS.Loader.dll (module folder) or anything loaded from dependencies/.</summary>
        private bool IsDytePSAssembly(Assembly? assembly)
        {
            if (assembly is null || assembly.IsDynamic) return false;
            string location;
            try
            {
                location = assembly.Location;
            }
            catch (NotSupportedException)
            {
                return false;
            }
            if (string.IsNullOrEmpty(location)) return false;
            var folder = Path.GetDirectoryName(Path.GetFullPath(location));
            return string.Equals(folder, _dependencyFolder, StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, _moduleFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
