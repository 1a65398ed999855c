using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds a participant to a meeting and returns it with the auth token that initializes the frontend SDKs.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DyteParticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Participant))]
    public sealed class NewDyteParticipantCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>The preset that defines the participant's permissions, such as group_call_host.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("preset_name", "Preset")]
        [ArgumentCompleter(typeof(Completion.PresetNameCompleter))]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string PresetName { get; set; } = string.Empty;

        // The optional values below may come from CSV rows, where an empty cell means "not given".
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalText]
        [ValidateLength(0, 255)]
        public string? Name { get; set; }

        /// <summary>Absolute http(s) URL of the participant's picture.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteHttpUri(AllowBlank = true)]
        public string? Picture { get; set; }

        /// <summary>Your application's identifier for the participant.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("custom_participant_id")]
        [ValidateOptionalText]
        [ValidateLength(0, 255)]
        public string? CustomParticipantId { get; set; }

        /// <summary>How many requests to send at once over the connection (results still come in input order); default 1.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override void ProcessRecord()
        {
            var request = new NewParticipant
            {
                Name = ValidateOptionalTextAttribute.Given(Name),
                Picture = UriText.ForApi(ValidateOptionalTextAttribute.Given(Picture)),
                PresetName = PresetName,
                CustomParticipantId = ValidateOptionalTextAttribute.Given(CustomParticipantId),
            };
            var who = request.Name ?? request.CustomParticipantId ?? PresetName;
            if (!ShouldProcess($"Meeting {MeetingId}", $"Add participant '{who}' with preset '{PresetName}'")) return;
            var meetingId = MeetingId;
            InvokeInOrder(who, ThrottleLimit, (client, token) => client.Participants.AddAsync(meetingId, request, token), WriteObject);
        }
    }
}
