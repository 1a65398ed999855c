using System;
using System.Reflection;
using DytePS.Client;

namespace DytePS
{
    /// <summary>Builds connections from whatever the user supplied, applying the environment's base URI and defaults.</summary>
    internal static class ConnectionFactory
    {
        public static DyteConnection Create(DyteCredential credential, DyteConnectionSource source, ConnectionSettings settings)
        {
            var options = new DyteClientOptions
            {
                BaseUri = settings.BaseUri ?? EnvironmentConnection.BaseUri(credential.Backend),
                Credential = credential,
                UserAgent = UserAgent,
            };
            if (settings.Timeout.HasValue) options.Timeout = settings.Timeout.Value;
            if (settings.MaxRetries.HasValue) options.Retry.MaxRetries = settings.MaxRetries.Value;
            if (settings.MaxRetryWait.HasValue) options.Retry.MaxTotalWait = settings.MaxRetryWait.Value;
            if (settings.RetryInterval.HasValue) options.Retry.BaseDelay = settings.RetryInterval.Value;
            if (settings.MaxResponseSize.HasValue) options.MaxResponseSize = settings.MaxResponseSize.Value;
            options.Proxy = settings.Proxy;
            options.RequestsPerMinute = settings.RequestsPerMinute;
            return new DyteConnection(new DyteClient(options), source);
        }

        /// <summary>A connection from the DYTE_* variables (see <see cref="EnvironmentConnection"/>), or null when they are not set.</summary>
        public static DyteConnection? FromEnvironment()
        {
            var credential = EnvironmentConnection.Credential();
            return credential is null ? null : Create(credential, DyteConnectionSource.Environment, new ConnectionSettings());
        }

        /// <summary>
        /// DytePS/ and the version of Directory.Build.props (the informational version, which keeps a
        /// prerelease label such as 0.2.0-preview1; anything after '+' is build metadata and left out).
        /// </summary>
        private static readonly string UserAgent = "DytePS/" + ModuleVersion();

        private static string ModuleVersion()
        {
            var assembly = typeof(ConnectionFactory).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(informational)) return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }

    /// <summary>Connection settings other than the credential; null means the default.</summary>
    internal sealed class ConnectionSettings
    {
        public Uri? BaseUri { get; set; }
        public TimeSpan? Timeout { get; set; }
        public int? MaxRetries { get; set; }
        public TimeSpan? RetryInterval { get; set; }
        public TimeSpan? MaxRetryWait { get; set; }
        public int? RequestsPerMinute { get; set; }

        /// <summary>Bytes one API answer may hold once decompressed.</summary>
        public long? MaxResponseSize { get; set; }

        /// <summary>Null: the system proxy.</summary>
        public System.Net.IWebProxy? Proxy { get; set; }
    }
}
