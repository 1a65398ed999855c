using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends any request to the Dyte API with the connection's authentication, error handling and (with -All) paging.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DyteRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeDyteRequestCommand : DyteCmdlet
    {
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>Path below the base URI, such as /meetings or meetings/{id}/participants. Each segment is sent URL-escaped.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        [ValidateLength(1, 2048)]
        public string Path { get; set; } = string.Empty;

        /// <summary>Query string values, such as @{ search = 'standup' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Query { get; set; }

        /// <summary>JSON text, or an object (hashtable, PSCustomObject) to send as JSON.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Body { get; set; }

        /// <summary>Page through a list (GET only), writing every item of every page.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        [Parameter]
        [ValidateRange(1, PageRequest.MaxPageSize)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected override void ProcessRecord()
        {
            var method = Method.ToUpperInvariant();
            if (!TryBuildRequest(method, out var request)) return;
            if (All && method != "GET")
            {
                WriteError(DyteErrors.InvalidArgument("DyteAllNeedsGet", "-All pages through a list, so it works only with GET.", Path));
                return;
            }
            if (method != "GET" && !ShouldProcess(request.Describe(), "Send")) return;

            if (All)
            {
                WritePages(request.Describe(), (client, token) =>
                    client.JsonPagesAsync(() => Build(method), new PageRequest(PageSize), token).Map(JsonGraphToPSObject.Convert, token));
                return;
            }
            if (TryInvoke(request.Describe(), (client, token) => client.SendAsync(request, token), out var response))
                WriteResponse(request, response);
        }

        private bool TryBuildRequest(string method, out DyteRequest request)
        {
            request = null!;
            try
            {
                request = Build(method);
                return true;
            }
            catch (ArgumentException e)
            {
                WriteError(new ErrorRecord(e, "DyteInvalidRequest", ErrorCategory.InvalidArgument, Path));
                return false;
            }
        }

        private DyteRequest Build(string method)
        {
            var segments = Path.Trim().Trim('/').Split('/');
            if (Uri.TryCreate(Path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
                throw new ArgumentException("-Path is relative to the connection's base URI; give /meetings, not a full URL.");
            if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.IndexOfAny(new[] { '?', '#', '\\' }) >= 0 || s.Any(char.IsControl)))
                throw new ArgumentException("-Path must be plain segments such as meetings/<id>: no empty, '.' or '..' segments, no '?', '#' or '\\' (use -Query for the query).");

            var request = new DyteRequest(method, DyteRequest.PathOf(segments));
            // An arbitrary POST may create something: retry it only when the service surely did not act.
            if (method == "POST") request.AsCreate();
            if (Query != null)
            {
                foreach (DictionaryEntry entry in Query)
                    request.WithQuery(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, ToQueryValue(entry.Value));
            }
            if (Body != null) request.WithJsonBody(PSObjectToGraph.Convert(Body));
            return request;
        }

        /// <summary>error.message, error (a string) or message of an envelope, as the client reads error bodies.</summary>
        private static string? MessageOf(JsonObjectGraph envelope)
        {
            object? Find(JsonObjectGraph o, string name) => o.Find(p => p.Key == name).Value;
            var error = Find(envelope, "error");
            if (error is JsonObjectGraph details && Find(details, "message") is string inner) return inner;
            if (error is string text) return text;
            return Find(envelope, "message") as string;
        }

        private static string? ToQueryValue(object? value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            return value is bool b ? (b ? "true" : "false") : System.Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        /// <summary>Writes the envelope's data (each item of a list), or the whole body when it has no data.</summary>
        private void WriteResponse(DyteRequest request, DyteResponse response)
        {
            if (response.Body.Length == 0) return;
            object? body;
            try
            {
                body = JsonGraph.Parse(response.Body);
            }
            catch (FormatException e)
            {
                WriteDyteError(new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(), response.StatusCode, e.Message, innerException: e), Path);
                return;
            }
            // A 2xx whose envelope says it failed is an error, as for every other command.
            if (body is JsonObjectGraph answer && answer.Exists(p => p.Key == "success" && p.Value is bool ok && !ok))
            {
                WriteDyteError(new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(), response.StatusCode,
                    "the envelope says \"success\": false: " + (MessageOf(answer) ?? "it gives no message")), Path);
                return;
            }
            var payload = body is JsonObjectGraph envelope && envelope.Exists(p => p.Key == "data")
                ? envelope.Find(p => p.Key == "data").Value
                : body;
            WriteObject(JsonGraphToPSObject.Convert(payload), enumerateCollection: payload is object?[]);
        }
    }
}
