using System;
using System.Collections;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>What Test-DyteWebhookSignature and ConvertFrom-DyteWebhook share: reading a delivery and checking its signature.</summary>
    public abstract class WebhookReceiverCommand : DyteCmdlet
    {
        /// <summary>The body exactly as received: a string, or the bytes.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RawBody")]
        [ValidateNotNull]
        public object Body { get; set; } = string.Empty;

        /// <summary>
        /// The signing key in PEM. Without it, the key the connection's backend publishes
        /// (/.well-known/webhooks.json) is fetched once an hour.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PublicKey { get; set; }

        /// <summary>Reads the delivery and checks it; writes an error and returns null when the input is unusable.</summary>
        private protected (WebhookDelivery Delivery, bool Valid)? Check(IDictionary? headers, string? signature)
        {
            WebhookDelivery delivery;
            try
            {
                delivery = new WebhookDelivery(Body, headers, signature);
            }
            catch (ArgumentException e)
            {
                WriteError(new ErrorRecord(e, "DyteWebhookBodyNotRaw", ErrorCategory.InvalidArgument, Body));
                return null;
            }
            if (delivery.Signature is null) return (delivery, false);

            var key = PublicKey;
            if (key is null && !TryInvoke(null, (client, token) => client.GetWebhookPublicKeyAsync(token), out key)) return null;
            try
            {
                return (delivery, WebhookSignature.Verify(delivery.Body, delivery.Signature, key));
            }
            catch (FormatException e)
            {
                WriteError(new ErrorRecord(e, "DyteWebhookKeyInvalid", ErrorCategory.InvalidData, PublicKey));
                return null;
            }
        }
    }
}
