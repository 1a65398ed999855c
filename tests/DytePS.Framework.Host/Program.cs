using System;
using System.Collections.Generic;

namespace DytePS.Framework.Host
{
    /// <summary>
    /// DytePS.Framework.Host --module out/DytePS --api http://127.0.0.1:p/v2 --control http://127.0.0.1:p/_emulator/
    ///   --org id --key key --other-restsharp path/RestSharp.dll [--phase remove-module]
    /// Exit code 0 when every check passed, 1 when one failed, 2 for bad arguments.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
            foreach (var required in new[] { "module", "api", "control", "org", "key", "other-restsharp" })
            {
                if (!options.ContainsKey(required))
                {
                    Console.Error.WriteLine("Missing --" + required + ". Usage: DytePS.Framework.Host --module <out/DytePS> --api <uri> --control <uri> --org <id> --key <key> --other-restsharp <RestSharp.dll>");
                    return 2;
                }
            }

            Console.WriteLine("runtime: " + RuntimeDescription());
            var checks = new Checks(Console.Out);
            // Client code lives in other methods: compiling them needs DytePS.Client, which only
            // the module's import makes available.
            new Scenario(options, checks).Run();
            Console.WriteLine(checks.Failed == 0 ? "ALL PASSED" : checks.Failed + " CHECK(S) FAILED");
            return checks.Failed == 0 ? 0 : 1;
        }

        private static string RuntimeDescription()
        {
            var mono = Type.GetType("Mono.Runtime");
            var display = mono?.GetMethod("GetDisplayName", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.Invoke(null, null);
            return (display != null ? "Mono " + display : ".NET Framework") + ", CLR " + Environment.Version + ", corlib " + typeof(object).Assembly.GetName().Name;
        }
    }
}
