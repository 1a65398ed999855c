using Xunit;

namespace DytePS.Client.Tests;

public sealed class RetryRulesTests
{
    private static readonly DyteRequest Read = new("GET", "meetings");
    private static readonly DyteRequest Create = new DyteRequest("POST", "meetings").AsCreate();
    private static readonly DyteRequest Stop = new("PUT", "recordings/x");

    private static DyteResponse Status(int status, TimeSpan? retryAfter = null) => new(status, null, [], retryAfter);

    private static DyteException Failure(DyteErrorKind kind, bool sent = true) =>
        new(kind, "GET", "/meetings", null, "boom", requestSent: sent);

    [Theory]
    [InlineData(408)] [InlineData(429)] [InlineData(500)] [InlineData(502)] [InlineData(503)] [InlineData(504)]
    public void Transient_statuses_are_retried(int status) => Assert.NotNull(RetryRules.ReasonToRetry(Read, Status(status), null));

    [Theory]
    [InlineData(200)] [InlineData(400)] [InlineData(401)] [InlineData(403)] [InlineData(404)] [InlineData(409)] [InlineData(422)] [InlineData(501)]
    public void Other_statuses_are_never_retried(int status)
    {
        Assert.Null(RetryRules.ReasonToRetry(Read, Status(status), null));
        Assert.Null(RetryRules.ReasonToRetry(Create, Status(status), null));
    }

    [Theory]
    [InlineData(408)] [InlineData(500)] [InlineData(502)] [InlineData(503)] [InlineData(504)]
    public void A_create_is_not_retried_when_the_service_may_have_acted(int status) =>
        Assert.Null(RetryRules.ReasonToRetry(Create, Status(status), null));

    [Fact]
    public void A_create_is_retried_after_429_and_after_a_connection_that_never_opened()
    {
        Assert.Equal("HTTP 429 Too Many Requests", RetryRules.ReasonToRetry(Create, Status(429), null));
        Assert.NotNull(RetryRules.ReasonToRetry(Create, null, Failure(DyteErrorKind.Network, sent: false)));
        Assert.Null(RetryRules.ReasonToRetry(Create, null, Failure(DyteErrorKind.Network, sent: true)));
        Assert.Null(RetryRules.ReasonToRetry(Create, null, Failure(DyteErrorKind.Timeout)));
    }

    [Fact]
    public void Reads_and_updates_are_retried_after_dropped_connections_and_timeouts()
    {
        Assert.NotNull(RetryRules.ReasonToRetry(Read, null, Failure(DyteErrorKind.Network)));
        Assert.NotNull(RetryRules.ReasonToRetry(Stop, null, Failure(DyteErrorKind.Timeout)));
    }

    [Fact]
    public void Malformed_responses_and_cancellation_are_not_retried()
    {
        Assert.Null(RetryRules.ReasonToRetry(Read, null, Failure(DyteErrorKind.InvalidResponse)));
        Assert.Null(RetryRules.ReasonToRetry(Read, null, new OperationCanceledException()));
    }

    [Fact]
    public void Retry_After_wins_over_backoff()
    {
        var options = new DyteRetryOptions();
        Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.Delay(3, TimeSpan.FromSeconds(7), options, 0.9));
        Assert.Equal(TimeSpan.Zero, RetryRules.Delay(0, TimeSpan.FromSeconds(-2), options, 0.9));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        var options = new DyteRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(0.5), RetryRules.Delay(0, null, options, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryRules.Delay(0, null, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryRules.Delay(2, null, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryRules.Delay(10, null, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryRules.Delay(60, null, options, 0.0));
    }
}
