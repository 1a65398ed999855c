using System;
using System.Reflection;

namespace DytePS.Loader
{
    /// <summary>
    /// The binding redirects of Windows PowerShell 5.1, decided in code because a module cannot
    /// add them to powershell.exe.config. A request for an assembly may be answered with the
    /// shipped one when it is the same assembly (name and public key token, so a differently
    /// signed build is never substituted) and the shipped version is the same or newer, as NuGet's
    /// generated redirects (oldVersion 0.0.0.0-N, newVersion N) would do. What the shipped set
    /// needs today (FrameworkPathMetadataTests prints it): Polly.Core asks for
    /// Microsoft.Bcl.AsyncInterfaces 6.0.0.0, Microsoft.Bcl.TimeProvider 8.0.0.0,
    /// System.ComponentModel.Annotations 4.2.0.0, System.Runtime.CompilerServices.Unsafe 4.0.4.1
    /// and System.Threading.Tasks.Extensions 4.2.0.1; Microsoft.Bcl.TimeProvider asks for
    /// Microsoft.Bcl.AsyncInterfaces 8.0.0.0; shipped are 10.0.0.0, 8.0.0.1, 4.2.1.0, 6.0.0.0 and
    /// 4.2.1.0. A request for a newer version than shipped is refused: that build would fail
    /// later with MissingMethodException.
    /// DytePS.Framework.Tests checks that every reference among the shipped assemblies is covered.
    /// </summary>
    internal static class BindingRedirect
    {
        public static bool Allows(AssemblyName requested, AssemblyName shipped)
        {
            if (!string.Equals(requested.Name, shipped.Name, StringComparison.OrdinalIgnoreCase)) return false;
            if (!SameToken(requested.GetPublicKeyToken(), shipped.GetPublicKeyToken())) return false;
            return requested.Version is null || (shipped.Version != null && shipped.Version >= requested.Version);
        }

        private static bool SameToken(byte[]? requested, byte[]? shipped)
        {
            requested ??= Array.Empty<byte>();
            shipped ??= Array.Empty<byte>();
            if (requested.Length != shipped.Length) return false;
            for (var i = 0; i < requested.Length; i++)
            {
                if (requested[i] != shipped[i]) return false;
            }
            return true;
        }
    }
}
