using System;
using System.Management.Automation;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Issues a fresh SDK auth token for an existing participant (same id and preset).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DyteParticipantToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ParticipantToken))]
    public sealed class NewDyteParticipantTokenCommand : Infrastructure.DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid ParticipantId { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Participant {ParticipantId} of meeting {MeetingId}", "Issue a new auth token")) return;
            if (TryInvoke(ParticipantId, (client, token) => client.Participants.RegenerateTokenAsync(MeetingId, ParticipantId, token), out var issued))
                WriteObject(issued);
        }
    }
}
