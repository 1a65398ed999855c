using System;
using System.IO;

namespace DytePS.Loader
{
    /// <summary>
    /// Loads DytePS.Client and what it depends on (RestSharp, Polly, System.Text.Json, ...) from
    /// the module's dependencies folder. "Assembly with same name is already loaded" is the most
    /// reported failure of binary modules; keeping the dependencies out of the module root and
    /// resolving them ourselves avoids it:
    /// - PowerShell 7 (CoreCLR): a private AssemblyLoadContext, in its own assembly
    ///   (<see cref="CoreDependencyResolver"/>), so another module's RestSharp, of any version,
    ///   never meets ours.
    /// - Windows PowerShell 5.1 (.NET Framework, no load contexts): the AppDomain's resolve event,
    ///   answering only DytePS's own assemblies, with deliberate binding redirects
    ///   (<see cref="DesktopDependencyResolver"/>).
    /// Installed once per process and shared by every runspace that imports DytePS; counted, so
    /// the last Remove-Module of the process removes it.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly object Gate = new object();
        private static IDependencyResolver? _resolver;
        private static int _imports;

        /// <summary>The module folder: DytePS.dll and this assembly.</summary>
        internal static string ModuleFolder { get; } = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location)!;

        /// <summary>The folder next to DytePS.dll that holds the client and its dependencies.</summary>
        internal static string DependencyFolder { get; } = Path.Combine(ModuleFolder, "dependencies");

        /// <summary>True on PowerShell 7 (.NET), false on Windows PowerShell 5.1 (.NET Framework) and Mono.</summary>
        internal static bool IsCoreClr => typeof(object).Assembly.GetName().Name == "System.Private.CoreLib";

        public static void Install()
        {
            lock (Gate)
            {
                // Created once: both resolvers keep what they loaded, and a module imported
                // again after Remove-Module must get the same assemblies back.
                _resolver ??= IsCoreClr
                    ? new CoreDependencyResolver(DependencyFolder)
                    : (IDependencyResolver)new DesktopDependencyResolver(ModuleFolder, DependencyFolder);
                if (_imports++ == 0) _resolver.Attach();
            }
        }

        public static void Uninstall()
        {
            lock (Gate)
            {
                if (_imports == 0) return;
                if (--_imports == 0) _resolver!.Detach();
            }
        }
    }

    /// <summary>One edition's way of finding DytePS's dependencies.</summary>
    internal interface IDependencyResolver
    {
        void Attach();

        void Detach();
    }
}
