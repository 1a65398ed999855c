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
        public int TimeoutSec { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var settings = new ConnectionSettings
            {
                BaseUri = BaseUri,
                Timeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null,
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
