using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets recordings: all of them, a meeting's, the ones with the given ids, or a meeting's active one.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteRecording", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Recording))]
    public sealed class GetDyteRecordingCommand : DyteCmdlet
    {
        private bool HasStatus(Recording recording) => Status is null || string.Equals(recording.Status, Status, StringComparison.OrdinalIgnoreCase);

        private const string ListSet = "List";
        private const string ByMeetingSet = "ByMeeting";
        private const string ActiveSet = "Active";

        /// <summary>
        /// The recordings to get; without it, all of them. Optional in the default set on purpose:
        /// a piped recording (which also carries a MeetingId) then reads as "this recording", not "its meeting's".
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("recording_id")]
        public Guid[]? RecordingId { get; set; }

        /// <summary>Only this meeting's recordings; with -Active, its active one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByMeetingSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>The meeting's recording in progress; nothing when there is none.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet)]
        public SwitchParameter Active { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByMeetingSet)]
        [ValidateSet("INVOKED", "RECORDING", "PAUSED", "UPLOADING", "UPLOADED", "ERRORED", IgnoreCase = true)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByMeetingSet)]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ActiveSet)
            {
                if (TryInvokeActive(MeetingId, "recording", (client, token) => client.Recordings.GetActiveAsync(MeetingId, token), out var active))
                    WriteObject(active);
                return;
            }
            if (RecordingId is { Length: > 0 })
            {
                foreach (var id in RecordingId)
                {
                    if (TryInvoke(id, (client, token) => client.Recordings.GetAsync(id, token), out var recording) && HasStatus(recording))
                        WriteObject(recording);
                }
                return;
            }
            Guid? meeting = ParameterSetName == ByMeetingSet ? MeetingId : (Guid?)null;
            WritePages(meeting, (client, token) => client.Recordings.ListAsync(PageSlice(PageSize), meeting, Status?.ToUpperInvariant(), token));
        }
    }
}
