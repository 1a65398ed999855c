using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Bulk;

public class ProgressTests : EngineTest
{
    [Fact]
    public async Task Long_listings_report_items_fetched_of_the_total_and_complete()
    {
        await Org.SeedMeetingsAsync(600);

        var result = Run("Get-DyteMeeting -PageSize 20").ThrowIfFailed();

        Assert.Equal(600, result.Output.Count);
        var updates = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, p => Assert.Matches(@"^\d+ of 600$", p.StatusDescription));
        Assert.All(updates, p => Assert.InRange(p.PercentComplete, 0, 100));
        Assert.Equal("Get-DyteMeeting", updates[0].Activity);
        Assert.True(updates.Count < 30, $"{updates.Count} progress updates for 30 pages: not throttled");
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public async Task A_listing_of_one_page_shows_no_progress_and_First_counts_what_it_will_write()
    {
        await Org.SeedMeetingsAsync(300);

        var onePage = Run("Get-DyteMeeting").ThrowIfFailed();
        var first = Run("Get-DyteMeeting -PageSize 10 -First 50").ThrowIfFailed();

        Assert.DoesNotContain(onePage.Progress, p => p.RecordType == ProgressRecordType.Processing && p.ActivityId == onePage.Progress[0].ActivityId && p.StatusDescription.EndsWith("of 100"));
        Assert.All(first.Progress.Where(p => p.RecordType == ProgressRecordType.Processing), p => Assert.EndsWith("of 50", p.StatusDescription));
    }

    [Fact]
    public async Task SilentlyContinue_shows_nothing()
    {
        await Org.SeedMeetingsAsync(300);

        var result = Run("$ProgressPreference = 'SilentlyContinue'; Get-DyteMeeting -PageSize 20").ThrowIfFailed();

        Assert.Equal(300, result.Output.Count);
        Assert.Empty(result.Progress);
    }
}
