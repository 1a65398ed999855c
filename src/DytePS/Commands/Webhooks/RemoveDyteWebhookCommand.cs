using System;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes a webhook subscription.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DyteWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDyteWebhookCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "webhook_id")]
        public Guid WebhookId { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldChange($"Webhook {WebhookId}", "Delete", Force)) return;
            TryInvoke(WebhookId, (client, token) => client.Webhooks.DeleteAsync(WebhookId, token));
        }
    }
}
