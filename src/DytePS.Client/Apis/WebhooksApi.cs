using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listWebhooks, createWebhook, updateWebhook, deleteWebhook. The service neither pages webhooks nor fetches one by id.</summary>
    public sealed class WebhooksApi
    {
        private readonly DyteClient _client;

        internal WebhooksApi(DyteClient client) => _client = client;

        /// <summary>Every webhook; an answer without 'data' (the document makes it optional) is an empty list, as for the paged lists.</summary>
        public async Task<List<Webhook>> ListAsync(CancellationToken cancellationToken) =>
            (await _client.GetEnvelopeAsync<List<Webhook>>(new DyteRequest("GET", "webhooks"), cancellationToken).ConfigureAwait(false)).Data
            ?? new List<Webhook>();

        public Task<Webhook> CreateAsync(WebhookDefinition webhook, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Webhook>(new DyteRequest("POST", "webhooks").WithJsonBody(webhook).AsCreate(), cancellationToken);

        public Task<Webhook> UpdateAsync(Guid webhookId, WebhookDefinition webhook, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Webhook>(new DyteRequest("PATCH", DyteRequest.PathOf("webhooks", webhookId)).WithJsonBody(webhook), cancellationToken);

        public Task DeleteAsync(Guid webhookId, CancellationToken cancellationToken) =>
            _client.SendAsync(new DyteRequest("DELETE", DyteRequest.PathOf("webhooks", webhookId)), cancellationToken);
    }
}
