using System.Management.Automation;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the session's current Dyte connection (never its secret).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteConnection")]
    [OutputType(typeof(DyteConnection))]
    public sealed class GetDyteConnectionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = SessionConnection.Current;
            if (current != null) WriteObject(current);
        }
    }
}
