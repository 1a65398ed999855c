using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops a meeting's active livestream.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "DyteLivestream", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Livestream))]
    public sealed class StopDyteLivestreamCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>Stop without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the stopped livestream (as the service shows it after the stop).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldChange($"Meeting {MeetingId}", "Stop the active livestream", Force)) return;

            // The stop operation answers only with a message, so -PassThru notes which livestream
            // was active and reads it back afterwards.
            Livestream? stopped = null;
            if (PassThru && !TryInvoke(MeetingId, (client, token) => client.Livestreams.GetActiveAsync(MeetingId, token), out stopped))
                return;
            if (!TryInvoke(MeetingId, (client, token) => client.Livestreams.StopAsync(MeetingId, token)) || stopped is null) return;

            if (TryInvoke(MeetingId, (client, token) => client.Livestreams.FindAsync(MeetingId, stopped.Id, token), out var after))
                WriteObject(after ?? stopped);
        }
    }
}
