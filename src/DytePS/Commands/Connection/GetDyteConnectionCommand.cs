using System;
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
        /// <remarks>
        /// Without Connect-Dyte, the DYTE_* environment variables are the session's connection, as
        /// for every other command; it becomes current here (nothing is sent to check it).
        /// </remarks>
        protected override void EndProcessing()
        {
            var current = SessionConnection.Current;
            if (current is null)
            {
                try
                {
                    current = ConnectionFactory.FromEnvironment();
                }
                catch (ArgumentException e)
                {
                    ThrowTerminatingError(new ErrorRecord(e, "DyteInvalidEnvironment", ErrorCategory.InvalidArgument, null));
                }
                if (current != null) SessionConnection.Current = current;
            }
            if (current != null) WriteObject(current);
        }
    }
}
