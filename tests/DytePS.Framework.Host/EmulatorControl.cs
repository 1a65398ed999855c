using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Threading.Tasks;

namespace DytePS.Framework.Host
{
    /// <summary>The emulator's control API (docs/emulator.md), with the Framework's own HTTP and JSON only.</summary>
    internal sealed class EmulatorControl : IDisposable
    {
        private readonly HttpClient _http = new HttpClient();
        private readonly Uri _root;
        private readonly string _organization;

        public EmulatorControl(Uri root, string organization)
        {
            _root = root;
            _organization = organization;
        }

        public Task SeedMeetingsAsync(int count, string titlePrefix) =>
            PostAsync("organizations/" + _organization + "/seed", "{\"meetings\":" + count + ",\"title_prefix\":\"" + titlePrefix + "\"}");

        /// <summary>A fault for this organization, e.g. {"operation":"getMeeting","kind":"status","status":429,"count":1}.</summary>
        public Task AddFaultAsync(string operation, string properties) =>
            PostAsync("faults", "{\"organization\":\"" + _organization + "\",\"operation\":\"" + operation + "\"," + properties + "}");

        public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(string operation)
        {
            var json = await _http.GetStringAsync(new Uri(_root, "requests?organization=" + _organization)).ConfigureAwait(false);
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
            {
                var all = (LoggedRequest[])new DataContractJsonSerializer(typeof(LoggedRequest[])).ReadObject(stream);
                return Array.FindAll(all, r => r.Operation == operation);
            }
        }

        private async Task PostAsync(string relative, string json)
        {
            using (var response = await _http.PostAsync(new Uri(_root, relative), new StringContent(json, Encoding.UTF8, "application/json")).ConfigureAwait(false))
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException("POST " + relative + " answered " + (int)response.StatusCode + ": " + body);
            }
        }

        public void Dispose() => _http.Dispose();
    }

    [DataContract]
    internal sealed class LoggedRequest
    {
        [DataMember(Name = "operation")]
        public string? Operation { get; set; }

        [DataMember(Name = "status")]
        public int Status { get; set; }

        [DataMember(Name = "time")]
        public string? Time { get; set; }

        public DateTimeOffset At => DateTimeOffset.Parse(Time!, System.Globalization.CultureInfo.InvariantCulture);

        public override string ToString() => Operation + " " + Status;
    }
}
