using DytePS.Tests.Bulk;
using DytePS.Tests.Completion;
using DytePS.Tests.Livestreams;
using DytePS.Tests.Meetings;
using DytePS.Tests.Participants;
using DytePS.Tests.Recordings;
using DytePS.Tests.Reliability.FaultMatrix;
using DytePS.Tests.Requests;
using DytePS.Tests.Sessions;
using DytePS.Tests.Webhooks;

namespace DytePS.Tests.RealtimeKit;

// The same cmdlet tests, connected to the emulator's Cloudflare RealtimeKit route shape with a
// Bearer token: one script, two backends. Differences are tested in RealtimeKitTests.

public sealed class GetDyteMeetingTestsOnRealtimeKit : GetDyteMeetingTests { protected override bool RealtimeKit => true; }
public sealed class NewAndSetDyteMeetingTestsOnRealtimeKit : NewAndSetDyteMeetingTests { protected override bool RealtimeKit => true; }
public sealed class ParticipantTestsOnRealtimeKit : ParticipantTests { protected override bool RealtimeKit => true; }
public sealed class SessionTestsOnRealtimeKit : SessionTests { protected override bool RealtimeKit => true; }
public sealed class RecordingTestsOnRealtimeKit : RecordingTests { protected override bool RealtimeKit => true; }
public sealed class SaveAndWaitRecordingTestsOnRealtimeKit : SaveAndWaitRecordingTests { protected override bool RealtimeKit => true; }
public sealed class LivestreamTestsOnRealtimeKit : LivestreamTests { protected override bool RealtimeKit => true; }
public sealed class WebhookTestsOnRealtimeKit : WebhookTests { protected override bool RealtimeKit => true; }
public sealed class InvokeDyteRequestTestsOnRealtimeKit : InvokeDyteRequestTests { protected override bool RealtimeKit => true; }
public sealed class ApiCoverageTestsOnRealtimeKit : ApiCoverageTests { protected override bool RealtimeKit => true; }
public sealed class ThrottleLimitTestsOnRealtimeKit : ThrottleLimitTests { protected override bool RealtimeKit => true; }
public sealed class ProgressTestsOnRealtimeKit : ProgressTests { protected override bool RealtimeKit => true; }
public sealed class ArgumentCompleterTestsOnRealtimeKit : ArgumentCompleterTests { protected override bool RealtimeKit => true; }
public sealed class SecretHygieneTestsOnRealtimeKit : SecretHygieneTests { protected override bool RealtimeKit => true; }
public sealed class FaultMatrix429OnRealtimeKitTests : FaultMatrix429Tests { protected override bool RealtimeKit => true; }
public sealed class FaultMatrix503OnRealtimeKitTests : FaultMatrix503Tests { protected override bool RealtimeKit => true; }
public sealed class FaultMatrixDropAfterOnRealtimeKitTests : FaultMatrixDropAfterTests { protected override bool RealtimeKit => true; }
