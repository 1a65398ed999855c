using System;
using System.IO;
using System.Reflection;

namespace DytePS.Loader
{
    /// <summary>
    /// Loads DytePS.Client and what it depends on (RestSharp, Polly, System.Text.Json, ...) from
    /// the module's dependencies folder. "Assembly with same name is already loaded" is the most
    /// reported failure of binary modules; keeping the dependencies out of the module root and
    /// resolving them ourselves avoids it:
    /// - PowerShell 7: a private AssemblyLoadContext (<see cref="PrivateLoadContext"/>), so another
    ///   module's RestSharp, of any version, never meets ours.
    /// - Windows PowerShell 5.1 (no load contexts): the AppDomain's resolve event, which also acts
    ///   as a binding redirect for the netstandard2.0 facades.
    /// Registered once per process; every runspace that imports DytePS shares it.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly object Gate = new object();
        private static bool _installed;

        /// <summary>The folder next to DytePS.dll that holds the client and its dependencies.</summary>
        internal static string DependencyFolder { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location)!, "dependencies");

        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                if (IsCoreClr)
                    PrivateLoadContext.Install(DependencyFolder);
                else
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnDesktop;
                _installed = true;
            }
        }

        private static bool IsCoreClr => typeof(object).Assembly.GetName().Name == "System.Private.CoreLib";

        private static Assembly? ResolveOnDesktop(object? sender, ResolveEventArgs args)
        {
            var path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
