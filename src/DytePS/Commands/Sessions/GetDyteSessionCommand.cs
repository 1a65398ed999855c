using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets sessions (live occurrences of meetings): all of them, a meeting's, the ones with the given ids, or a meeting's active one.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteSession", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Session))]
    public sealed class GetDyteSessionCommand : DyteCmdlet
    {
        private const string ListSet = "List";
        private const string ByMeetingSet = "ByMeeting";
        private const string ActiveSet = "Active";

        /// <summary>
        /// The sessions to get; without it, all of them. Optional in the default set on purpose:
        /// a piped session (which also carries a MeetingId) then reads as "this session".
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("session_id")]
        public Guid[]? SessionId { get; set; }

        /// <summary>Only this meeting's sessions; with -Active, its live session.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByMeetingSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>The meeting's live session; nothing when there is none.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet)]
        public SwitchParameter Active { get; set; }

        /// <summary>Only sessions in this state.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByMeetingSet)]
        [ValidateSet("LIVE", "ENDED", IgnoreCase = true)]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ByMeetingSet)]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ActiveSet)
            {
                if (TryInvokeActive(MeetingId, "session", (client, token) => client.Sessions.GetActiveAsync(MeetingId, token), out var active))
                    WriteObject(active);
                return;
            }
            if (SessionId is { Length: > 0 })
            {
                foreach (var id in SessionId)
                {
                    if (TryInvoke(id, (client, token) => client.Sessions.GetAsync(id, token), out var session)
                        && (Status is null || string.Equals(session.Status, Status, StringComparison.OrdinalIgnoreCase)))
                        WriteObject(session);
                }
                return;
            }
            Guid? meeting = ParameterSetName == ByMeetingSet ? MeetingId : (Guid?)null;
            WritePages(meeting, (client, token) => client.Sessions.ListAsync(PageSlice(PageSize), meeting, Status?.ToUpperInvariant(), token));
        }
    }
}
