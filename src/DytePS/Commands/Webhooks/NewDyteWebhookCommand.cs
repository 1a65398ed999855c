using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Subscribes a URL to webhook events.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DyteWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Webhook))]
    public sealed class NewDyteWebhookCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string Name { get; set; } = string.Empty;

        /// <summary>Absolute http(s) URL that receives the events.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteHttpUri]
        public string Url { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Events")]
        [ValidateSet(WebhookEvents.MeetingStarted, WebhookEvents.MeetingEnded, WebhookEvents.ParticipantJoined,
            WebhookEvents.ParticipantLeft, WebhookEvents.RecordingStatusUpdate, WebhookEvents.LivestreamingStatusUpdate)]
        public string[] Event { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var definition = new WebhookDefinition { Name = Name, Url = UriText.ForApi(Url), Events = WebhookEventParameter.Canonical(Event) };
            if (!ShouldProcess($"Webhook '{Name}' -> {Url}", $"Create for {string.Join(", ", definition.Events!)}")) return;
            if (TryInvoke(Name, (client, token) => client.Webhooks.CreateAsync(definition, token), out var webhook))
                WriteObject(webhook);
        }
    }
}
