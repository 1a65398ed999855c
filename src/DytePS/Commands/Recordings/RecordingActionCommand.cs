using System;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>Stop, Suspend and Resume-DyteRecording: one updateRecording action each, same parameters.</summary>
    public abstract class RecordingActionCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "recording_id")]
        public Guid RecordingId { get; set; }

        private protected abstract RecordingAction Action { get; }

        private protected abstract string Description { get; }

        private protected virtual bool SkipConfirmation => false;

        private protected virtual int ConcurrentRequests => 1;

        protected override void ProcessRecord()
        {
            if (!ShouldChange($"Recording {RecordingId}", Description, SkipConfirmation)) return;
            var (recordingId, action) = (RecordingId, Action);
            InvokeInOrder(recordingId, ConcurrentRequests, (client, token) => client.Recordings.UpdateAsync(recordingId, action, token), WriteObject);
        }
    }

    /// <summary>
    /// <para type="synopsis">Stops a recording; it then uploads (UPLOADING) and becomes downloadable (UPLOADED).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "DyteRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Recording))]
    public sealed class StopDyteRecordingCommand : RecordingActionCommand
    {
        /// <summary>Stop without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests to send at once over the connection (results still come in input order); default 1.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        private protected override RecordingAction Action => RecordingAction.Stop;
        private protected override string Description => "Stop";
        private protected override bool SkipConfirmation => Force;
        private protected override int ConcurrentRequests => ThrottleLimit;
    }

    /// <summary>
    /// <para type="synopsis">Pauses a recording in progress.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "DyteRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Recording))]
    public sealed class SuspendDyteRecordingCommand : RecordingActionCommand
    {
        private protected override RecordingAction Action => RecordingAction.Pause;
        private protected override string Description => "Pause";
    }

    /// <summary>
    /// <para type="synopsis">Resumes a paused recording.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "DyteRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Recording))]
    public sealed class ResumeDyteRecordingCommand : RecordingActionCommand
    {
        private protected override RecordingAction Action => RecordingAction.Resume;
        private protected override string Description => "Resume";
    }
}
