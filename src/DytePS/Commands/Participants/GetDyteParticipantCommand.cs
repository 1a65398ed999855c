using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets a meeting's participants (paged automatically), or the ones with the given ids.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteParticipant", SupportsPaging = true)]
    [OutputType(typeof(Participant))]
    public sealed class GetDyteParticipantCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        /// <summary>The participants to get; without it, all of the meeting's (a piped participant reads as itself).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("participant_id")]
        public Guid[]? ParticipantId { get; set; }

        [Parameter]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (ParticipantId is null || ParticipantId.Length == 0)
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
