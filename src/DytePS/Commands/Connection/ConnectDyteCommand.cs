using System;
using System.Management.Automation;
using System.Security;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Dyte organization or a Cloudflare RealtimeKit app for the commands that follow.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Dyte", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(DyteConnection))]
    public sealed class ConnectDyteCommand : DyteCommandBase
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";
        private const string RealtimeKitSet = "RealtimeKit";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [Alias("OrgId")]
        public Guid OrganizationId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>User name: the organization id; password: the API key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The Cloudflare account that owns the RealtimeKit app.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RealtimeKitSet)]
        [ValidatePattern("^[A-Za-z0-9-]{1,64}$")]
        public string? AccountId { get; set; }

        /// <summary>The RealtimeKit app.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RealtimeKitSet)]
        [ValidatePattern("^[A-Za-z0-9-]{1,64}$")]
        public string? AppId { get; set; }

        /// <summary>A Cloudflare API token allowed to use RealtimeKit.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RealtimeKitSet)]
        [ValidateNotNull]
        public SecureString? ApiToken { get; set; }

        /// <summary>
        /// API root: https://api.dyte.io/v2 (Dyte) or https://api.cloudflare.com/client/v4
        /// (RealtimeKit) by default, or the emulator's; for RealtimeKit the account and app are added below it.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateAbsoluteHttpUri]
        public Uri? BaseUri { get; set; }

        /// <summary>Seconds one request may take; default 100.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        /// <summary>Retries after a 429, 5xx or connection failure; default 4, 0 turns retrying off.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int? MaximumRetryCount { get; set; }

        /// <summary>The most one command waits between retries in total, in seconds; default 120.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int? MaximumRetryWaitSec { get; set; }

        /// <summary>Seconds before the first retry when the service gives no Retry-After (doubled per retry, up to 30 s); default 1.</summary>
        [Parameter]
        [ValidateRange(0.01, 30.0)]
        public double? RetryIntervalSec { get; set; }

        /// <summary>Send at most this many requests per minute on this connection (Dyte allows 2000 per IP); default: no budget, 429s are retried.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int? RequestsPerMinute { get; set; }

        /// <summary>
        /// The most one API answer may hold once decompressed, in MB; default 64. A larger answer
        /// fails with DyteResponseTooLarge instead of filling memory. Downloads are not limited.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 2047)]
        public int? MaximumResponseSizeMB { get; set; }

        /// <summary>A proxy to use instead of the system proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateAbsoluteHttpUri]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for -Proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            if (ProxyCredential != null && Proxy is null)
                ThrowTerminatingError(DyteErrors.InvalidArgument("DyteProxyCredentialWithoutProxy",
                    "-ProxyCredential needs -Proxy: the system proxy uses the system's credentials.", null));
            var settings = new ConnectionSettings
            {
                BaseUri = BaseUri,
                Timeout = TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null,
                MaxRetries = MaximumRetryCount,
                RetryInterval = RetryIntervalSec.HasValue ? TimeSpan.FromSeconds(RetryIntervalSec.Value) : (TimeSpan?)null,
                MaxRetryWait = MaximumRetryWaitSec.HasValue ? TimeSpan.FromSeconds(MaximumRetryWaitSec.Value) : (TimeSpan?)null,
                RequestsPerMinute = RequestsPerMinute,
                MaxResponseSize = MaximumResponseSizeMB.HasValue ? MaximumResponseSizeMB.Value * 1024L * 1024L : (long?)null,
                Proxy = Proxy is null ? null : new System.Net.WebProxy(Proxy) { Credentials = ProxyCredential?.GetNetworkCredential() },
            };
            DyteConnection connection;
            try
            {
                connection = ConnectionFactory.Create(CredentialFromParameters(), SourceOfCredential(), settings);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "DyteInvalidConnection", ErrorCategory.InvalidArgument, BaseUri));
                return;
            }

            // One cheap request proves the endpoint and the credentials before anything relies on
            // them; any failure ends the command, since nothing after it could work.
            try
            {
                Invoke((client, token) => client.VerifyAsync(token), connection);
            }
            catch (DyteException e)
            {
                ThrowTerminatingError(DyteErrors.From(e, connection.BaseUri));
            }

            SessionConnection.Current = connection;
            WriteVerbose($"Connected to {connection}.");
            if (PassThru) WriteObject(connection);
        }

        private DyteCredential CredentialFromParameters()
        {
            switch (ParameterSetName)
            {
                case ApiKeySet:
                    return new DyteApiKeyCredential(OrganizationId.ToString(), ApiKey!);
                case CredentialSet:
                    if (!Guid.TryParse(Credential!.UserName, out var organizationId))
                        throw new ArgumentException("The credential's user name must be the organization id (a UUID).", nameof(Credential));
                    return new DyteApiKeyCredential(organizationId.ToString(), Credential.Password);
                case RealtimeKitSet:
                    return new RealtimeKitCredential(AccountId!, AppId!, ApiToken!);
                default:
                    return EnvironmentConnection.Credential()
                        ?? throw new ArgumentException(
                            "Give -OrganizationId and -ApiKey, -Credential, or -AccountId, -AppId and -ApiToken (RealtimeKit); or set DYTE_ORG_ID and DYTE_API_KEY, or DYTE_ACCOUNT_ID, DYTE_APP_ID and DYTE_API_TOKEN.");
            }
        }

        private DyteConnectionSource SourceOfCredential() =>
            ParameterSetName == ApiKeySet || ParameterSetName == RealtimeKitSet ? DyteConnectionSource.Parameters
            : ParameterSetName == CredentialSet ? DyteConnectionSource.Credential
            : DyteConnectionSource.Environment;
    }
}
