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
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid ParticipantId { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests to send at once over the connection (results still come in input order); default 1.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override void ProcessRecord()
        {
            if (!ShouldChange($"Participant {ParticipantId} of meeting {MeetingId}", "Remove", Force)) return;
            var (meetingId, participantId) = (MeetingId, ParticipantId);
            InvokeInOrder(participantId, ThrottleLimit, async (client, token) =>
            {
                await client.Participants.DeleteAsync(meetingId, participantId, token).ConfigureAwait(false);
                return true;
            }, _ => { });
        }
    }
}
