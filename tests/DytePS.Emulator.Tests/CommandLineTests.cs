using Xunit;

namespace DytePS.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Lifecycle_delay_and_recording_size_have_flags_and_defaults()
    {
        var defaults = CommandLine.Parse([])!;
        var set = CommandLine.Parse(["--lifecycle-delay", "250", "--recording-size", "4096"])!;

        Assert.Equal((TimeSpan.FromSeconds(1), 256 * 1024L), (defaults.LifecycleDelay, defaults.RecordingFileSize));
        Assert.Equal((TimeSpan.FromMilliseconds(250), 4096L), (set.LifecycleDelay, set.RecordingFileSize));
        Assert.Contains("--lifecycle-delay <ms>", CommandLine.Help);
        Assert.Contains("--recording-size <bytes>", CommandLine.Help);
    }

    [Theory]
    [InlineData("--lifecycle-delay", "-1")]
    [InlineData("--lifecycle-delay", "soon")]
    [InlineData("--recording-size", "1e6")]
    public void Bad_values_are_refused(string flag, string value)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse([flag, value]));

        Assert.Contains(flag, error.Message);
    }

    [Fact]
    public void The_webhook_retry_delay_has_a_flag_and_a_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), CommandLine.Parse([])!.WebhookRetryDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(10), CommandLine.Parse(["--webhook-retry-delay", "10"])!.WebhookRetryDelay);
        Assert.Contains("--webhook-retry-delay <ms>", CommandLine.Help);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--webhook-retry-delay", "-1"]));
    }

    [Theory]
    [InlineData("--port <n>")]
    [InlineData("--org <id>:<key>")]
    [InlineData("--seed-meetings <n>")]
    [InlineData("--lifecycle-delay <ms>")]
    [InlineData("--recording-size <bytes>")]
    [InlineData("--rate-limit <n>")]
    [InlineData("--webhook-retry-delay <ms>")]
    [InlineData("--fault <spec>")]
    [InlineData("--data <file>")]
    [InlineData("--log-requests")]
    public void Help_documents_every_option(string option)
    {
        Assert.Contains(option, CommandLine.Help);
        Assert.Contains("`" + option.Split(' ')[0], File.ReadAllText(DytePS.Testing.RepoPaths.InRepo("docs", "emulator.md")));
    }

    [Fact]
    public void A_flag_without_its_value_is_refused()
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--lifecycle-delay"]));
    }
}
