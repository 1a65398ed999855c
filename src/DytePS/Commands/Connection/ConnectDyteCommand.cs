using System;
using System.Management.Automation;
using System.Security;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Dyte organization for the commands that follow.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Dyte", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(DyteConnection))]
    public sealed class ConnectDyteCommand : DyteCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";

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
                MaxRetryWait = MaximumRetryWaitSec.HasValue ? TimeSpan.FromSeconds(MaximumRetryWaitSec.Value) : (TimeSpan?)null,
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
                default:
                    return EnvironmentConnection.Credential()
                        ?? throw new ArgumentException(
                            "Give -OrganizationId and -ApiKey, or -Credential, or set the environment variables DYTE_ORG_ID and DYTE_API_KEY.");
            }
        }

        private DyteConnectionSource SourceOfCredential() =>
            ParameterSetName == ApiKeySet ? DyteConnectionSource.Parameters
            : ParameterSetName == CredentialSet ? DyteConnectionSource.Credential
            : DyteConnectionSource.Environment;
    }
}
