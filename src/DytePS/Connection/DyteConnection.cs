using System;
using DytePS.Client;

namespace DytePS
{
    /// <summary>
    /// A connection to one Dyte organization: what <c>Connect-Dyte -PassThru</c> returns and
    /// <c>-Connection</c> accepts. It shows where it points and never its secret; the client
    /// inside is shared by every command that uses the connection.
    /// </summary>
    public sealed class DyteConnection
    {
        internal DyteConnection(DyteClient client, DyteConnectionSource source)
        {
            Client = client;
            Source = source;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Dyte or RealtimeKit.</summary>
        public DyteBackend Backend => Client.Backend;

        /// <summary>The organization (Dyte) or app (RealtimeKit) the credentials belong to.</summary>
        public string OrganizationId => Client.Credential.Principal;

        /// <summary>The Cloudflare account (RealtimeKit only).</summary>
        public string? AccountId => (Client.Credential as RealtimeKitCredential)?.AccountId;

        /// <summary>Where requests go (for RealtimeKit, the app's base below the Cloudflare API root).</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>Per-request timeout.</summary>
        public TimeSpan Timeout => Client.Timeout;

        /// <summary>Retries after a transient failure (429, 5xx, connection failures).</summary>
        public int MaximumRetryCount => Client.Retry.MaxRetries;

        /// <summary>The most one command waits between retries in total.</summary>
        public TimeSpan MaximumRetryWait => Client.Retry.MaxTotalWait;

        /// <summary>This connection's own request budget per minute, or null for none.</summary>
        public int? RequestsPerMinute => Client.RequestsPerMinute;

        /// <summary>The User-Agent every request carries: DytePS/ and the module's version (with its prerelease label).</summary>
        public string UserAgent => Client.UserAgent;

        /// <summary>Where the credentials came from: parameters, a PSCredential or environment variables.</summary>
        public DyteConnectionSource Source { get; }

        public DateTimeOffset ConnectedAt { get; }

        internal DyteClient Client { get; }

        public override string ToString() =>
            Backend == DyteBackend.RealtimeKit
                ? $"RealtimeKit app {OrganizationId} of account {AccountId} at {BaseUri}"
                : $"Dyte organization {OrganizationId} at {BaseUri}";
    }

    /// <summary>How a <see cref="DyteConnection"/> got its credentials.</summary>
    public enum DyteConnectionSource
    {
        Parameters,
        Credential,
        Environment,
    }
}
