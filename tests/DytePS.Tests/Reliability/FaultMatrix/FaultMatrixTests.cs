using Xunit;

namespace DytePS.Tests.Reliability.FaultMatrix;

/// <summary>
/// Every cmdlet under every fault the service or a proxy can produce, injected once by the
/// emulator: the outcome is success after a retry, or exactly one clear error naming the status
/// and the service's message; never a hang, never a stray .NET exception, never a duplicate create.
/// The fault kinds are split over classes so that they run in parallel.
/// </summary>
public abstract class FaultMatrixTests(Fault fault) : EngineTest
{
    protected override bool ConnectOnStart => false;

    public static TheoryData<string> Cases() => new(FaultCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outcome_is_a_retry_or_one_clear_error(string name)
    {
        var @case = FaultCase.All.Single(c => c.Name == name);
        var expected = fault.Expect(@case);
        // Invoke-DyteRequest reports an empty 200 as "nothing", truthfully: the fault answered before anything was created.
        if (@case.EmptyAnswerIsFine && fault == Fault.EmptyBody) expected = new Expectation(true, CreatedAfterwards: 0);

        await FaultScenario.PrepareAsync(Org, Shell, RealtimeKit);
        await Org.AddFaultAsync(WithOperation(fault.Definition, @case.Operation));

        var result = await FaultScenario.RunWithin(Shell, @case.Command, TimeSpan.FromSeconds(30));

        Assert.Empty(await Org.ActiveFaultsAsync()); // the fault was really met
        if (expected.Succeeds)
        {
            Assert.True(result.Errors.Count == 0, $"{@case} under {fault}: expected success after a retry, got\n" + string.Join("\n", result.Errors.Select(e => $"[{e.FullyQualifiedErrorId}] {e}")));
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.StartsWith(expected.ErrorId + ",", error.FullyQualifiedErrorId);
            if (expected.Mentions != null) Assert.Contains(expected.Mentions, error.ErrorDetails?.Message ?? error.ToString());
        }
        if (@case.CountCreated != null)
        {
            var count = (int)(await FaultScenario.RunWithin(Shell, @case.CountCreated, TimeSpan.FromSeconds(30))).ThrowIfFailed().Output[0].BaseObject;
            Assert.Equal(expected.CreatedAfterwards, count);
        }
        // Whatever the fault did, the connection still works for the next command, at once.
        var next = await FaultScenario.RunWithin(Shell, "Get-DyteMeeting -MeetingId $m.Id", TimeSpan.FromSeconds(30));
        Assert.True(next.Errors.Count == 0, $"after {@case} under {fault} the next command failed: " + string.Join("\n", next.Errors));
        Assert.Single(next.Output);
    }

    private static Dictionary<string, object?> WithOperation(object definition, string operation)
    {
        var values = System.Text.Json.JsonSerializer.SerializeToElement(definition).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        values["operation"] = operation;
        return values;
    }
}

public class FaultMatrix429Tests() : FaultMatrixTests(Fault.TooManyRequests);
public sealed class FaultMatrix429DateTests() : FaultMatrixTests(Fault.TooManyRequestsDate);
public sealed class FaultMatrix429BareTests() : FaultMatrixTests(Fault.TooManyRequestsBare);
public sealed class FaultMatrix500Tests() : FaultMatrixTests(Fault.ServerError);
public sealed class FaultMatrix502HtmlTests() : FaultMatrixTests(Fault.BadGatewayHtml);
public class FaultMatrix503Tests() : FaultMatrixTests(Fault.Unavailable);
public sealed class FaultMatrix429BeyondBudgetTests() : FaultMatrixTests(Fault.TooManyRequestsBeyondBudget);
public sealed class FaultMatrixHangTests() : FaultMatrixTests(Fault.NeverAnswers);
public sealed class FaultMatrixDropTests() : FaultMatrixTests(Fault.Dropped);
public class FaultMatrixDropAfterTests() : FaultMatrixTests(Fault.DroppedAfterActing);
public sealed class FaultMatrixMalformedTests() : FaultMatrixTests(Fault.MalformedJson);
public sealed class FaultMatrixEmptyTests() : FaultMatrixTests(Fault.EmptyBody);
