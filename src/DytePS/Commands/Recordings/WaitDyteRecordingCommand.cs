using System;
using System.Diagnostics;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits until a recording is UPLOADED (and returns it), with a timeout; ERRORED is an error.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "DyteRecording")]
    [OutputType(typeof(Recording))]
    public sealed class WaitDyteRecordingCommand : DyteCmdlet
    {
        private const int ProgressId = 0x0D17E01;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "recording_id")]
        public Guid RecordingId { get; set; }

        /// <summary>How long to wait for each recording, in seconds; default 1800.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 1800;

        /// <summary>Seconds between checks; default 5.</summary>
        [Parameter]
        [ValidateRange(0.05, 300.0)]
        public double PollIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            var progress = new ThrottledProgress(this, ProgressId, $"Waiting for recording {RecordingId}");
            var clock = Stopwatch.StartNew();
            try
            {
                while (TryInvoke(RecordingId, (client, token) => client.Recordings.GetAsync(RecordingId, token), out var recording))
                {
                    switch (recording.Status)
                    {
                        case "UPLOADED":
                            WriteObject(recording);
                            return;
                        case "ERRORED":
                            WriteError(new ErrorRecord(
                                new InvalidOperationException($"Recording {RecordingId} ended in ERRORED; it has no file to download."),
                                "DyteRecordingErrored", ErrorCategory.InvalidResult, recording));
                            return;
                    }
                    var timeout = TimeSpan.FromSeconds(TimeoutSec);
                    if (clock.Elapsed >= timeout)
                    {
                        WriteError(new ErrorRecord(
                            new TimeoutException($"Recording {RecordingId} was still {recording.Status} after {TimeoutSec} s."),
                            "DyteWaitTimeout", ErrorCategory.OperationTimeout, recording));
                        return;
                    }
                    progress.Update($"{recording.Status}, {clock.Elapsed.TotalSeconds:0} s of at most {TimeoutSec} s",
                        ThrottledProgress.Percent(clock.ElapsedMilliseconds, (long)timeout.TotalMilliseconds));
                    var wait = TimeSpan.FromSeconds(PollIntervalSec);
                    Sleep(wait < timeout - clock.Elapsed ? wait : timeout - clock.Elapsed);
                }
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
