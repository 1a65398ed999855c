using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RestSharp.Interceptors;

namespace DytePS.Client
{
    /// <summary>
    /// Puts the credential and the Accept header on every API request message as RestSharp sends
    /// it. Set on the message itself rather than as RestSharp header parameters: those go through
    /// culture-aware grouping and comparisons that cost more than the rest of the request on
    /// loopback. The secret is revealed per request and kept nowhere.
    /// </summary>
    internal sealed class ApiHeaders : Interceptor
    {
        private readonly DyteCredential _credential;

        public ApiHeaders(DyteCredential credential) => _credential = credential;

        public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
        {
            var headers = requestMessage.Headers;
            headers.Remove("Authorization");
            headers.TryAddWithoutValidation("Authorization", _credential.CreateAuthorizationHeader());
            // RestSharp offers every type it can deserialize; the API speaks JSON only.
            headers.Remove("Accept");
            headers.TryAddWithoutValidation("Accept", "application/json");
            return default;
        }
    }
}
