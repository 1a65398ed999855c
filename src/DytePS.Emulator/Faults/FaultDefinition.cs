namespace DytePS.Emulator.Faults;

/// <summary>
/// What a fault does and to which requests, as given to <c>POST /_emulator/faults</c> or
/// <c>--fault</c>. Checked by <see cref="Problem"/> in one place for both.
/// </summary>
public sealed record FaultDefinition
{
    public const string Status = "status";
    public const string Latency = "latency";
    public const string Hang = "hang";
    public const string Drop = "drop";
    public const string MalformedJson = "malformed_json";
    public const string EmptyBody = "empty_body";
    public static readonly string[] Kinds = [Status, Latency, Hang, Drop, MalformedJson, EmptyBody];

    public const string Before = "before";
    public const string After = "after";
    public static readonly string[] Whens = [Before, After];

    public const string Seconds = "seconds";
    public const string HttpDate = "http_date";
    public static readonly string[] RetryAfterFormats = [Seconds, HttpDate];

    /// <summary>The operationId wildcard: every API operation.</summary>
    public const string AnyOperation = "*";

    /// <summary>Null: every organization.</summary>
    public string? Organization { get; init; }
    public string Operation { get; init; } = AnyOperation;
    public required string Kind { get; init; }
    public int? StatusCode { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public string RetryAfterFormat { get; init; } = Seconds;
    public bool Html { get; init; }
    public int? LatencyMs { get; init; }
    public string When { get; init; } = Before;
    /// <summary>How many matching requests it applies to; null: all of them.</summary>
    public int? Count { get; init; }
    public double Probability { get; init; } = 1;

    /// <summary>What is wrong with the definition, naming the JSON field; null when it is usable.</summary>
    /// <param name="operations">The API's operationIds; null skips that check (the command line is read before the API is mapped).</param>
    public string? Problem(IReadOnlySet<string>? operations)
    {
        if (Operation != AnyOperation && operations?.Contains(Operation) == false)
            return $"'operation' must be '*' or an operationId of the API (listMeetings, createMeeting, ...); got '{Operation}'.";
        if (!Kinds.Contains(Kind)) return $"'kind' must be one of {string.Join(", ", Kinds)}; got '{Kind}'.";
        if (Kind == Status && StatusCode is not (>= 400 and <= 599)) return "'status' (400 to 599) is required for kind status.";
        if (Kind != Status && (StatusCode != null || RetryAfterSeconds != null || Html))
            return "'status', 'retry_after' and 'html' apply to kind status only.";
        if (RetryAfterSeconds is < 0) return "'retry_after' must be a number of seconds, 0 or more.";
        if (!RetryAfterFormats.Contains(RetryAfterFormat)) return $"'retry_after_format' must be one of {string.Join(", ", RetryAfterFormats)}.";
        if (Kind == Latency && LatencyMs is not (>= 0 and <= 600_000)) return "'latency_ms' (0 to 600000) is required for kind latency.";
        if (Kind != Latency && LatencyMs != null) return "'latency_ms' applies to kind latency only.";
        if (!Whens.Contains(When)) return $"'when' must be one of {string.Join(", ", Whens)}; got '{When}'.";
        if (Count is < 1) return "'count' must be at least 1.";
        if (Probability is < 0 or > 1 || double.IsNaN(Probability)) return "'probability' must be between 0 and 1.";
        return null;
    }
}
