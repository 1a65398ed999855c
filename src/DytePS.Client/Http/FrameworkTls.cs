using System;
using System.Net.Http;
using System.Security.Authentication;

namespace DytePS.Client
{
    /// <summary>
    /// TLS 1.2 or later for DytePS's own requests on .NET Framework (Windows PowerShell 5.1).
    /// There an HttpClientHandler left at SslProtocols.None uses the process-wide
    /// ServicePointManager.SecurityProtocol, which in powershell.exe (built for .NET Framework 4.5)
    /// is SSL 3 and TLS 1.0 unless the machine's registry says otherwise; older Windows Server
    /// defaults leave it so, and the service refuses TLS 1.0. Since .NET Framework 4.7.1 the
    /// handler takes its own SslProtocols and applies it to each of its requests only, so the
    /// user's session and other modules keep their setting. On .NET (PowerShell 7) the operating
    /// system's default is already 1.2 or later, and is left alone.
    /// </summary>
    internal static class FrameworkTls
    {
        /// <summary>SslProtocols.Tls13 (12288), named where the runtime knows it (.NET Framework 4.8).</summary>
        private const SslProtocols Tls13 = (SslProtocols)12288;

        private static readonly bool OnFramework = typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <summary>TLS 1.2, and TLS 1.3 where the runtime has it.</summary>
        internal static SslProtocols Tls12OrLater { get; } =
            SslProtocols.Tls12 | (Enum.IsDefined(typeof(SslProtocols), Tls13) ? Tls13 : SslProtocols.None);

        public static HttpClientHandler RequireTls12OnFramework(this HttpClientHandler handler)
        {
            if (OnFramework) handler.SslProtocols = Tls12OrLater;
            return handler;
        }
    }
}
