using System;
using System.IO;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Downloads UPLOADED recordings to a folder or file, safely: nothing that looks finished until it is.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "DyteRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveDyteRecordingCommand : DyteCmdlet
    {
        private const int ProgressId = 0x0D17E02;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "recording_id")]
        public Guid RecordingId { get; set; }

        /// <summary>An existing folder (the file keeps the recording's name), or a file path. Default: the current location.</summary>
        [Parameter(Position = 0)]
        [ValidateNotBlank]
        public string Path { get; set; } = ".";

        /// <summary>Overwrite a file that already exists instead of skipping it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            // A fresh read: download links are presigned and expire, so a piped object's may be stale.
            if (!TryInvoke(RecordingId, (client, token) => client.Recordings.GetAsync(RecordingId, token), out var recording)) return;
            if (recording.Status != "UPLOADED" || string.IsNullOrEmpty(recording.DownloadUrl))
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Recording {RecordingId} is {recording.Status}; it can be saved once UPLOADED (Wait-DyteRecording waits for that)."),
                    "DyteRecordingNotReady", ErrorCategory.ResourceUnavailable, recording));
                return;
            }

            var target = TargetFile(recording);
            if (target is null) return;
            if (target.Exists && !Force)
            {
                WriteVerbose($"{target.FullName} exists; skipped (use -Force to download again).");
                WriteObject(target);
                return;
            }
            if (!ShouldProcess(target.FullName, $"Download recording {RecordingId}")) return;
            Download(recording, target);
        }

        /// <summary>Writes to a temporary file beside the target and renames it only once complete.</summary>
        private void Download(Recording recording, FileInfo target)
        {
            var partial = new FileInfo(target.FullName + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var progress = new ThrottledProgress(this, ProgressId, $"Downloading {target.Name}");
            var completed = false;
            try
            {
                using (var file = new FileStream(partial.FullName, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    completed = TryInvoke(RecordingId, (client, token) => client.Recordings.DownloadAsync(recording, file,
                        (copied, total) => OnPipelineThread(() =>
                            progress.Update($"{copied / 1048576.0:0.0} MB" + (total.HasValue ? $" of {total.Value / 1048576.0:0.0} MB" : ""),
                                ThrottledProgress.Percent(copied, total))),
                        token), out long _);
                }
                if (!completed) return;
                if (target.Exists) target.Delete();
                File.Move(partial.FullName, target.FullName);
                target.Refresh();
                WriteObject(target);
            }
            finally
            {
                progress.Complete();
                if (!completed && File.Exists(partial.FullName)) File.Delete(partial.FullName);
            }
        }

        /// <summary>The file to write: inside -Path when it is a folder, else -Path itself. Null after writing an error.</summary>
        private FileInfo? TargetFile(Recording recording)
        {
            string path;
            try
            {
                path = GetUnresolvedProviderPathFromPSPath(Path);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is NotSupportedException || e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException)
            {
                WriteError(new ErrorRecord(e, "DyteInvalidPath", ErrorCategory.InvalidArgument, Path));
                return null;
            }
            if (Directory.Exists(path))
                return new FileInfo(System.IO.Path.Combine(path, SafeFileName(recording)));
            if (!Directory.Exists(System.IO.Path.GetDirectoryName(path)))
            {
                WriteError(new ErrorRecord(new DirectoryNotFoundException($"The folder of '{path}' does not exist."),
                    "DyteInvalidPath", ErrorCategory.ObjectNotFound, Path));
                return null;
            }
            return new FileInfo(path);
        }

        /// <summary>The service's file name, stripped of anything that could leave the folder.</summary>
        private static string SafeFileName(Recording recording)
        {
            var name = System.IO.Path.GetFileName(recording.OutputFileName ?? string.Empty);
            foreach (var invalid in System.IO.Path.GetInvalidFileNameChars()) name = name.Replace(invalid, '_');
            return string.IsNullOrWhiteSpace(name) || name == "." || name == ".." ? recording.Id + ".mp4" : name;
        }
    }
}
