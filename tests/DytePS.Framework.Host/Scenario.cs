using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DytePS.Framework.Host
{
    /// <summary>
    /// The leg's steps in order: another module's RestSharp first, then DytePS imported (and
    /// removed) the way Windows PowerShell 5.1 does it, then the client end to end
    /// (<see cref="ClientChecks"/>). Nothing here names a DytePS.Client type: this class is
    /// compiled before the module is imported.
    /// </summary>
    internal sealed class Scenario
    {
        private readonly IDictionary<string, string> _options;
        private readonly Checks _checks;
        private readonly WindowsPowerShellImport _import;
        private Assembly? _otherRestSharp;

        public Scenario(IDictionary<string, string> options, Checks checks)
        {
            _options = options;
            _checks = checks;
            _import = new WindowsPowerShellImport(options["module"]);
        }

        public void Run()
        {
            _checks.Run("host-has-no-copies", () =>
            {
                // Anything beside this program would be found by the runtime before any resolver.
                var here = Path.GetDirectoryName(typeof(Scenario).Assembly.Location)!;
                var copies = new[] { "DytePS.Client", "RestSharp", "Polly.Core", "System.Text.Json", "Microsoft.Bcl.AsyncInterfaces", "System.Memory" }
                    .Where(n => File.Exists(Path.Combine(here, n + ".dll"))).ToList();
                CheckFailed.Unless(copies.Count == 0, "found beside the host: " + string.Join(", ", copies));
                return "no module assembly beside " + here;
            });

            _checks.Run("other-module-restsharp-loaded-first", () =>
            {
                // Another module, imported earlier in the session, loaded its own RestSharp.
                _otherRestSharp = Assembly.LoadFrom(_options["other-restsharp"]);
                return "RestSharp " + _otherRestSharp.GetName().Version + " from " + _otherRestSharp.Location;
            });

            if (_options.TryGetValue("phase", out var phase) && phase == "remove-module")
            {
                // A process of its own: once a reference failed to bind, the runtime remembers
                // the failure for that assembly, so nothing can be imported after this.
                _checks.Run("remove-module-removes-resolver", () =>
                {
                    _import.ImportLoader();
                    _import.RemoveLoader();
                    var errors = _import.ImportCmdletAssembly();
                    CheckFailed.Unless(_import.LoadedFromDependencies("DytePS.Client") is null, "DytePS.Client was resolved after the loader's OnRemove");
                    CheckFailed.Unless(errors.Count > 0, "DytePS.dll's references to DytePS.Client did not fail after OnRemove");
                    return "after OnRemove, DytePS.dll's references to DytePS.Client are not resolved (" + errors[0] + ")";
                });

                return;
            }

            _checks.Run("import-module", () =>
            {
                // Two runspaces import DytePS and one removes it again: the resolver stays.
                _import.ImportLoader();
                _import.ImportLoader();
                _import.RemoveLoader();
                var errors = _import.ImportCmdletAssembly();
                CheckFailed.Unless(errors.Count == 0, string.Join("; ", errors));
                var client = _import.LoadedFromDependencies("DytePS.Client");
                CheckFailed.Unless(client != null, "DytePS.Client was not loaded from " + _import.DependencyFolder);
                // PowerShell 7's load context (System.Runtime.Loader) must stay untouched here.
                CheckFailed.Unless(AppDomain.CurrentDomain.GetAssemblies().All(a => a.GetName().Name != "DytePS.LoadContext"), "DytePS.LoadContext was loaded on the Framework");
                return "OnImport x2, OnRemove x1, then DytePS.dll bound DytePS.Client " + client!.GetName().Version + " from dependencies/";
            });

            if (_import.LoadedFromDependencies("DytePS.Client") is null)
            {
                _checks.Run("client", () => throw new CheckFailed("the module did not import; the client checks cannot run"));
                return;
            }
            _checks.Run("client-references-bind", () =>
            {
                // Everything DytePS.Client refers to (RestSharp, Polly, System.Text.Json, the
                // netstandard facades, ...) binds through the resolver and the Framework.
                var client = _import.LoadedFromDependencies("DytePS.Client")!;
                var errors = WindowsPowerShellImport.BindReferences(client, null);
                CheckFailed.Unless(errors.Count == 0, string.Join("; ", errors.Distinct()));
                var loaded = AppDomain.CurrentDomain.GetAssemblies()
                    .Where(a => !a.IsDynamic && string.Equals(Path.GetDirectoryName(a.Location), _import.DependencyFolder, StringComparison.OrdinalIgnoreCase))
                    .Select(a => a.GetName().Name + " " + a.GetName().Version).OrderBy(n => n, StringComparer.Ordinal);
                return "from dependencies/: " + string.Join(", ", loaded);
            });
            AppDomain.CurrentDomain.AssemblyResolve += HandDytePSAssembliesToThisHost;
            RunClientChecks();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void RunClientChecks() =>
            new ClientChecks(_options, _checks, _import, _otherRestSharp).RunAsync().GetAwaiter().GetResult();

        private static readonly string[] CompiledAgainst = { "DytePS.Client", "Microsoft.Bcl.AsyncInterfaces", "System.Threading.Tasks.Extensions" };

        /// <summary>
        /// This host drives the client in place of DytePS.dll, so it is handed the copies of
        /// DytePS.Client (and the two libraries its API exposes) that the module's resolver loaded for
        /// DytePS.dll. (The module's resolver itself answers only DytePS's own assemblies.)
        /// </summary>
        private Assembly? HandDytePSAssembliesToThisHost(object? sender, ResolveEventArgs args)
        {
            if (args.RequestingAssembly != typeof(Scenario).Assembly) return null;
            var name = new AssemblyName(args.Name).Name;
            return CompiledAgainst.Contains(name) ? _import.LoadedFromDependencies(name) : null;
        }
    }
}
