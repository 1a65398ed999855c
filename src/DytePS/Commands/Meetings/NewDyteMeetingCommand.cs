using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a meeting.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DyteMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Meeting))]
    public sealed class NewDyteMeetingCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        [ValidateLength(1, 1024)]
        public string Title { get; set; } = string.Empty;

        /// <summary>Media region such as ap-south-1 (Dyte only); empty (a CSV cell) means not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.PreferredRegionCompleter))]
        [ValidateOptionalText]
        [ValidateLength(0, 64)]
        public string? PreferredRegion { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter RecordOnStart { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter LiveStreamOnStart { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Meeting '{Title}'", "Create")) return;
            var request = new NewMeeting
            {
                Title = Title,
                PreferredRegion = ValidateOptionalTextAttribute.Given(PreferredRegion),
                RecordOnStart = RecordOnStart.IsPresent ? true : (bool?)null,
                LiveStreamOnStart = LiveStreamOnStart.IsPresent ? true : (bool?)null,
            };
            if (TryInvoke(Title, (client, token) => client.Meetings.CreateAsync(request, token), out var meeting))
                WriteObject(meeting);
        }
    }
}
