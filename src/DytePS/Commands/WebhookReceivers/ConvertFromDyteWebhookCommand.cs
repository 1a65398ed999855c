using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Verifies a webhook delivery and turns it into an event object; a delivery that fails verification is an error.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "DyteWebhook")]
    [OutputType(typeof(WebhookEvent))]
    public sealed class ConvertFromDyteWebhookCommand : WebhookReceiverCommand
    {
        /// <summary>The delivery's headers (dyte-signature, dyte-uuid, dyte-webhook-id, or the rtk- ones).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary Headers { get; set; } = new Hashtable();

        protected override void ProcessRecord()
        {
            var checkedDelivery = Check(Headers, null);
            if (checkedDelivery is null) return;
            var (delivery, valid) = checkedDelivery.Value;
            if (!valid)
            {
                var reason = delivery.Signature is null
                    ? "The delivery has no dyte-signature or rtk-signature header."
                    : "The signature does not match the body: the delivery was not sent by the service, or was changed on the way.";
                WriteError(new ErrorRecord(new SecurityException(reason), "DyteWebhookSignatureInvalid", ErrorCategory.SecurityError, delivery.Uuid));
                return;
            }

            object? payload;
            try
            {
                payload = JsonGraph.Parse(delivery.Body);
            }
            catch (FormatException e)
            {
                WriteError(new ErrorRecord(e, "DyteWebhookBodyInvalid", ErrorCategory.InvalidData, delivery.Uuid));
                return;
            }
            WriteObject(WebhookEvent.From(delivery, JsonGraphToPSObject.Convert(payload) as PSObject ?? new PSObject()));
        }
    }
}
