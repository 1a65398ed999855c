using System.Management.Automation;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets the session's current Dyte connection.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Dyte")]
    [OutputType(typeof(void))]
    public sealed class DisconnectDyteCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = SessionConnection.Current;
            if (current is null)
            {
                WriteVerbose("Not connected; nothing to do.");
                return;
            }
            // The client is not disposed: a connection saved with -PassThru stays usable.
            SessionConnection.Current = null;
            WriteVerbose($"Disconnected from {current}.");
        }
    }
}
