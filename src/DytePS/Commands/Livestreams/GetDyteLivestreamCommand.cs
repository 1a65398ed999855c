using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets a meeting's livestreams, or its active one.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteLivestream", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Livestream))]
    public sealed class GetDyteLivestreamCommand : DyteCmdlet
    {
        private const string ListSet = "List";
        private const string ActiveSet = "Active";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>The meeting's livestream that is not OFFLINE; nothing when there is none.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet)]
        public SwitchParameter Active { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WritePages(MeetingId, (client, token) => client.Livestreams.ListAsync(MeetingId, PageSlice(PageSize), token));
                return;
            }
            if (TryInvokeActive(MeetingId, "livestream", (client, token) => client.Livestreams.GetActiveAsync(MeetingId, token), out var active))
                WriteObject(active);
        }
    }
}
