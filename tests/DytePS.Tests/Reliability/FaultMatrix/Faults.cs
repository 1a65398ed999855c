namespace DytePS.Tests.Reliability.FaultMatrix;

/// <summary>The outcome a case must have under a fault; for creates, how many objects exist afterwards (1 after a success).</summary>
public sealed record Expectation(bool Succeeds, string? ErrorId = null, string? Mentions = null, int CreatedAfterwards = 1);

/// <summary>One fault kind: how to inject it (once) and what each case must do under it.</summary>
public sealed record Fault(string Name, object Definition, Func<FaultCase, Expectation> Expect)
{
    public override string ToString() => Name;

    private static Expectation RetriedUnlessCreate(FaultCase c, string errorId, string? mentions) =>
        c.Kind == CaseKind.Create ? new Expectation(false, errorId, mentions, 0) : new Expectation(true);

    /// <summary>A 200 whose body is unusable: an error wherever the body is needed (the service did not act: the fault came first).</summary>
    private static Expectation BodyNeeded(FaultCase c) =>
        !c.NeedsBody ? new Expectation(true) : new Expectation(false, "DyteInvalidResponse", "200", 0);

    /// <summary>The service acted and the answer was lost: no duplicate create, deletes done, transitions found done.</summary>
    private static Expectation AfterActing(FaultCase c) => c.Kind switch
    {
        CaseKind.Create => new Expectation(false, "DyteConnectionFailed", null, 1),
        CaseKind.Transition => new Expectation(false, c.RepeatError, null),
        _ => new Expectation(true),
    };

    public static readonly Fault TooManyRequests = new("429 with Retry-After in seconds",
        new { kind = "status", status = 429, retry_after = "1", count = 1 }, _ => new Expectation(true));

    public static readonly Fault TooManyRequestsDate = new("429 with Retry-After as an HTTP date",
        new { kind = "status", status = 429, retry_after = "1", retry_after_format = "http_date", count = 1 }, _ => new Expectation(true));

    public static readonly Fault TooManyRequestsBare = new("429 without Retry-After",
        new { kind = "status", status = 429, count = 1 }, _ => new Expectation(true));

    /// <summary>
    /// A Retry-After far beyond the wait budget (120 s by default): the command fails at once
    /// without waiting, and leaves no pause behind for the commands after it.
    /// </summary>
    public static readonly Fault TooManyRequestsBeyondBudget = new("429 with a Retry-After beyond the wait budget",
        new { kind = "status", status = 429, retry_after = "3600", count = 1 }, _ => new Expectation(false, "DyteRateLimited", "429", 0));

    public static readonly Fault ServerError = new("500",
        new { kind = "status", status = 500, count = 1 }, k => RetriedUnlessCreate(k, "DyteServerError", "500"));

    public static readonly Fault BadGatewayHtml = new("502 with an HTML page",
        new { kind = "status", status = 502, html = true, count = 1 }, k => RetriedUnlessCreate(k, "DyteServerError", "Bad Gateway"));

    public static readonly Fault Unavailable = new("503",
        new { kind = "status", status = 503, count = 1 }, k => RetriedUnlessCreate(k, "DyteServerError", "503"));

    public static readonly Fault NeverAnswers = new("a response that never completes",
        new { kind = "hang", count = 1 }, k => RetriedUnlessCreate(k, "DyteTimeout", "timed out"));

    public static readonly Fault Dropped = new("a dropped connection",
        new { kind = "drop", count = 1 }, k => RetriedUnlessCreate(k, "DyteConnectionFailed", null));

    /// <summary>The service acted, then the connection dropped: the create happened once and must not be repeated.</summary>
    public static readonly Fault DroppedAfterActing = new("a dropped connection after the service acted",
        new { kind = "drop", when = "after", count = 1 }, AfterActing);

    public static readonly Fault MalformedJson = new("malformed JSON",
        new { kind = "malformed_json", count = 1 }, BodyNeeded);

    public static readonly Fault EmptyBody = new("an empty body",
        new { kind = "empty_body", count = 1 }, BodyNeeded);

    public static readonly Fault[] All =
    [
        TooManyRequests, TooManyRequestsDate, TooManyRequestsBare, TooManyRequestsBeyondBudget, ServerError, BadGatewayHtml, Unavailable,
        NeverAnswers, Dropped, DroppedAfterActing, MalformedJson, EmptyBody,
    ];
}
