using Xunit;

namespace DytePS.Client.Tests;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("4", 4.0)]
    [InlineData(" 0 ", 0.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("Wed, 25 Nov 2026 12:00:30 GMT", 30.0)]
    [InlineData("Wed, 25 Nov 2026 11:00:00 GMT", 0.0)]
    public void Reads_seconds_and_http_dates(string header, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Ignores_what_it_cannot_read(string? header) => Assert.Null(RetryAfterHeader.Parse(header, Now));
}
