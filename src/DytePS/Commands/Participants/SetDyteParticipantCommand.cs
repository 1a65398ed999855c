using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a participant's name, picture or preset.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DyteParticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Participant))]
    public sealed class SetDyteParticipantCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid ParticipantId { get; set; }

        // The new values are not bound from the pipeline: piped participants would resend their own.
        [Parameter]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? Name { get; set; }

        [Parameter]
        [ValidateAbsoluteHttpUri]
        public string? Picture { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(Completion.PresetNameCompleter))]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? PresetName { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Name is null && Picture is null && PresetName is null)
                ThrowTerminatingError(DyteErrors.InvalidArgument("DyteNothingToChange",
                    "Give -Name, -Picture or -PresetName: there is nothing to change.", null));
        }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Participant {ParticipantId} of meeting {MeetingId}", "Update")) return;
            var update = new ParticipantUpdate { Name = Name, Picture = UriText.ForApi(Picture), PresetName = PresetName };
            if (TryInvoke(ParticipantId, (client, token) => client.Participants.UpdateAsync(MeetingId, ParticipantId, update, token), out var participant)
                && PassThru)
                WriteObject(participant);
        }
    }
}
