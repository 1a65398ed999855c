using System;
using System.Management.Automation;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes a participant from a meeting; their token stops working.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DyteParticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDyteParticipantCommand : Infrastructure.DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        public Guid MeetingId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid ParticipantId { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldChange($"Participant {ParticipantId} of meeting {MeetingId}", "Remove", Force)) return;
            TryInvoke(ParticipantId, (client, token) => client.Participants.DeleteAsync(MeetingId, ParticipantId, token));
        }
    }
}
