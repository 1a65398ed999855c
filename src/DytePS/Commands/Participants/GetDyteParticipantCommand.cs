using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets a meeting's participants (paged automatically), or the ones with the given ids.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteParticipant", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Participant))]
    public sealed class GetDyteParticipantCommand : DyteCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        public Guid MeetingId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid[] ParticipantId { get; set; } = Array.Empty<Guid>();

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WritePages(MeetingId, (client, token) => client.Participants.ListAsync(MeetingId, PageSlice(PageSize), token));
                return;
            }
            foreach (var id in ParticipantId)
            {
                if (TryInvoke(id, (client, token) => client.Participants.GetAsync(MeetingId, id, token), out var participant))
                    WriteObject(participant);
            }
        }
    }
}
