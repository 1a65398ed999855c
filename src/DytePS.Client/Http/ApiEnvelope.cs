using System.Text.Json.Serialization;

namespace DytePS.Client
{
    /// <summary>The service's response envelope: <c>{"success": true, "data": ..., "paging": ...}</c>.</summary>
    internal sealed class ApiEnvelope<T>
    {
        /// <summary>Null when the body leaves it out; false is a failure even under a 2xx.</summary>
        public bool? Success { get; set; }

        public T? Data { get; set; }

        public Paging? Paging { get; set; }

        /// <summary>Some operations (delete, stop livestream) answer with a message instead of data.</summary>
        public string? Message { get; set; }
    }

    /// <summary>Paging block; offsets are 1-based and inclusive.</summary>
    public sealed class Paging
    {
        [JsonPropertyName("total_count")]
        public long TotalCount { get; set; }

        [JsonPropertyName("start_offset")]
        public long StartOffset { get; set; }

        [JsonPropertyName("end_offset")]
        public long EndOffset { get; set; }
    }
}
