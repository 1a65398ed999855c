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
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string ByMeetingSet = "ByMeeting";
        private const string ActiveSet = "Active";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("recording_id")]
        public Guid[] RecordingId { get; set; } = Array.Empty<Guid>();

        /// <summary>Only this meeting's recordings; with -Active, its active one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByMeetingSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
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
            switch (ParameterSetName)
            {
                case ListSet:
                case ByMeetingSet:
                    Guid? meeting = ParameterSetName == ByMeetingSet ? MeetingId : (Guid?)null;
                    WritePages(meeting, (client, token) =>
                        client.Recordings.ListAsync(PageSlice(PageSize), meeting, Status?.ToUpperInvariant(), token));
                    break;
                case ActiveSet:
                    if (TryInvokeActive(MeetingId, "recording", (client, token) => client.Recordings.GetActiveAsync(MeetingId, token), out var active))
                        WriteObject(active);
                    break;
                default:
                    foreach (var id in RecordingId)
                    {
                        if (TryInvoke(id, (client, token) => client.Recordings.GetAsync(id, token), out var recording))
                            WriteObject(recording);
                    }
                    break;
            }
        }
    }
}
