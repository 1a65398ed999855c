using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DytePS.Client
{
    /// <summary>
    /// One API request, described independently of the HTTP library: method, path relative to the
    /// base URI (segments already escaped), query and JSON body.
    /// </summary>
    public sealed class DyteRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public DyteRequest(string method, string path)
        {
            if (string.IsNullOrWhiteSpace(method)) throw new ArgumentException("A method is required.", nameof(method));
            Method = method.Trim().ToUpperInvariant();
            Path = (path ?? throw new ArgumentNullException(nameof(path))).TrimStart('/');
        }

        /// <summary>GET, POST, PATCH, PUT or DELETE (others pass through).</summary>
        public string Method { get; }

        /// <summary>Path relative to the base URI, without a leading slash.</summary>
        public string Path { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        /// <summary>Serialized JSON body, or null for none.</summary>
        public string? JsonBody { get; private set; }

        /// <summary>
        /// True when sending the request twice could act twice (creating a meeting, adding a
        /// participant). Such requests are retried only when the service surely did not act.
        /// </summary>
        public bool CreatesResource { get; private set; }

        /// <summary>Builds a path from segments, escaping each one so ids can never change the route.</summary>
        public static string PathOf(params object[] segments)
        {
            var path = new StringBuilder();
            foreach (var segment in segments)
            {
                if (path.Length > 0) path.Append('/');
                var text = segment is IFormattable formattable
                    ? formattable.ToString(null, CultureInfo.InvariantCulture)
                    : segment?.ToString() ?? string.Empty;
                path.Append(Uri.EscapeDataString(text));
            }
            return path.ToString();
        }

        public DyteRequest WithQuery(string name, string? value)
        {
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public DyteRequest WithQuery(string name, long value) =>
            WithQuery(name, value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Replaces any existing value of <paramref name="name"/>.</summary>
        internal DyteRequest SetQuery(string name, long value)
        {
            _query.RemoveAll(pair => pair.Key == name);
            return WithQuery(name, value);
        }

        /// <summary>
        /// Sets the body: a string is taken as JSON text (and must be valid JSON, else
        /// <see cref="ArgumentException"/>); anything else is serialized, dictionaries and lists included.
        /// </summary>
        public DyteRequest WithJsonBody(object body)
        {
            if (body is string text)
            {
                JsonGraph.Validate(text);
                JsonBody = text;
            }
            else
            {
                JsonBody = System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), DyteJson.Options);
            }
            return this;
        }

        /// <summary>Marks the request as one that creates something (see <see cref="CreatesResource"/>).</summary>
        public DyteRequest AsCreate()
        {
            CreatesResource = true;
            return this;
        }

        /// <summary>"GET /meetings?page_no=1": the form used in logs and error messages.</summary>
        public string Describe() => Method + " " + DisplayPath();

        /// <summary>"/meetings?page_no=1" without the method.</summary>
        public string DisplayPath()
        {
            var text = new StringBuilder("/").Append(Path);
            for (var i = 0; i < _query.Count; i++)
            {
                text.Append(i == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(_query[i].Key)).Append('=')
                    .Append(Uri.EscapeDataString(_query[i].Value));
            }
            return text.ToString();
        }
    }
}
