using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts livestreaming a meeting and returns the stream key, ingest server and playback URL.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "DyteLivestream", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Livestream))]
    public sealed class StartDyteLivestreamCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        [Parameter]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Meeting {MeetingId}", "Start livestream" + (Name is null ? "" : $" '{Name}'"))) return;
            if (TryInvoke(MeetingId, (client, token) => client.Livestreams.StartAsync(MeetingId, Name, token), out var livestream))
                WriteObject(livestream);
        }
    }
}
