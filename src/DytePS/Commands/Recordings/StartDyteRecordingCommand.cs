using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts recording a meeting, optionally with codecs, resolution and your own storage bucket.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "DyteRecording", DefaultParameterSetName = DefaultStorageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Recording))]
    public sealed class StartDyteRecordingCommand : DyteCmdlet
    {
        private const string DefaultStorageSet = "DyteStorage";
        private const string CustomStorageSet = "CustomStorage";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("meeting_id")]
        [ArgumentCompleter(typeof(Completion.MeetingIdCompleter))]
        public Guid MeetingId { get; set; }

        [Parameter]
        [ValidateNotBlank]
        [ValidateLength(1, 200)]
        [ValidatePattern(@"^[A-Za-z0-9._-]+$")]
        public string? FileNamePrefix { get; set; }

        [Parameter]
        [ValidateSet("AAC", "MP3", IgnoreCase = true)]
        public string? AudioCodec { get; set; }

        [Parameter]
        [ValidateSet("H264", "VP8", IgnoreCase = true)]
        public string? VideoCodec { get; set; }

        [Parameter]
        [ValidateRange(16, 7680)]
        public int Width { get; set; }

        [Parameter]
        [ValidateRange(16, 4320)]
        public int Height { get; set; }

        /// <summary>Where to write the recording instead of Dyte's storage.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomStorageSet)]
        [ValidateSet("aws", "gcs", "azure", "digitalocean", IgnoreCase = true)]
        public string? StorageType { get; set; }

        /// <summary>User name: the access key; password: the secret. Sent once, never shown.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomStorageSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? StorageCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CustomStorageSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? StorageBucket { get; set; }

        [Parameter(ParameterSetName = CustomStorageSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 64)]
        public string? StorageRegion { get; set; }

        /// <summary>Folder inside the bucket.</summary>
        [Parameter(ParameterSetName = CustomStorageSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 1024)]
        public string? StoragePath { get; set; }

        protected override void ProcessRecord()
        {
            var where = StorageType is null ? "" : $" to {StorageType.ToLowerInvariant()} bucket '{StorageBucket}'";
            if (!ShouldProcess($"Meeting {MeetingId}", "Start recording" + where)) return;
            if (TryInvoke(MeetingId, (client, token) => client.Recordings.StartAsync(BuildRequest(), token), out var recording))
                WriteObject(recording);
        }

        private NewRecording BuildRequest() => new NewRecording
        {
            MeetingId = MeetingId,
            FileNamePrefix = FileNamePrefix,
            AudioConfig = AudioCodec is null ? null : new AudioConfig { Codec = AudioCodec.ToUpperInvariant() },
            VideoConfig = VideoCodec is null && Width == 0 && Height == 0 ? null : new VideoConfig
            {
                Codec = VideoCodec?.ToUpperInvariant(),
                Width = Width == 0 ? (int?)null : Width,
                Height = Height == 0 ? (int?)null : Height,
            },
            // The secret leaves the SecureString only here, for the one request body that needs it.
            StorageConfig = StorageCredential is null ? null : new StorageConfig
            {
                Type = StorageType!.ToLowerInvariant(),
                AccessKey = StorageCredential.UserName,
                Secret = StorageCredential.GetNetworkCredential().Password,
                Bucket = StorageBucket,
                Region = StorageRegion,
                Path = StoragePath,
            },
        };
    }
}
