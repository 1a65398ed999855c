using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets meetings: every meeting of the organization (paged automatically), or the ones with the given ids.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteMeeting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Meeting))]
    public sealed class GetDyteMeetingCommand : DyteCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid[] MeetingId { get; set; } = Array.Empty<Guid>();

        /// <summary>Server-side search in meeting titles.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 256)]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WritePages(null, (client, token) => client.Meetings.ListAsync(PageSlice(PageSize), Search, token));
                return;
            }
            foreach (var id in MeetingId)
            {
                if (TryInvoke(id, (client, token) => client.Meetings.GetAsync(id, token), out var meeting))
                    WriteObject(meeting);
            }
        }
    }
}
