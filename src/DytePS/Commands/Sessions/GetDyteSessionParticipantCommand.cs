using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the people who took part in a session, with when they joined and left.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteSessionParticipant", SupportsPaging = true)]
    [OutputType(typeof(SessionParticipant))]
    public sealed class GetDyteSessionParticipantCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("session_id")]
        public Guid SessionId { get; set; }

        [Parameter]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord() =>
            WritePages(SessionId, (client, token) => client.Sessions.ListParticipantsAsync(SessionId, PageSlice(PageSize), token));
    }
}
