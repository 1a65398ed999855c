using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a meeting's title or status; INACTIVE is how meetings are retired.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DyteMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Meeting))]
    public sealed class SetDyteMeetingCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        // Not bound from the pipeline: piped meetings would otherwise resend their own titles.
        [Parameter]
        [ValidateNotBlank]
        [ValidateLength(1, 1024)]
        public string? Title { get; set; }

        /// <summary>ACTIVE, or INACTIVE to retire the meeting (nobody can join it then).</summary>
        [Parameter]
        [ValidateSet("ACTIVE", "INACTIVE", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Write the updated meeting to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many requests to send at once over the connection (results still come in input order); default 1.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override void BeginProcessing()
        {
            if (Title is null && Status is null)
                ThrowTerminatingError(DyteErrors.InvalidArgument("DyteNothingToChange",
                    "Give -Title, -Status or both: there is nothing to change.", null));
        }

        protected override void ProcessRecord()
        {
            var status = Status?.ToUpperInvariant();
            var changes = status is null ? $"Set title to '{Title}'"
                : Title is null ? $"Set status to {status}"
                : $"Set title to '{Title}' and status to {status}";
            if (!ShouldProcess($"Meeting {MeetingId}", changes)) return;

            var update = new MeetingUpdate
            {
                Title = Title,
                Status = status is null ? (MeetingStatus?)null : status == "ACTIVE" ? MeetingStatus.Active : MeetingStatus.Inactive,
            };
            var meetingId = MeetingId;
            InvokeInOrder(meetingId, ThrottleLimit, (client, token) => client.Meetings.UpdateAsync(meetingId, update, token), meeting =>
            {
                if (PassThru) WriteObject(meeting);
            });
        }
    }
}
