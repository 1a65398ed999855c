using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security;
using System.Security.Authentication;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DytePS.Client;

namespace DytePS.Framework.Host
{
    /// <summary>
    /// DytePS.Client on .NET Framework against the emulator: paging, get, create, update,
    /// delete, a 429 with Retry-After, a 503 retried, a 401, cancellation, a webhook delivery's
    /// signature, a download; and the isolation from another module's RestSharp.
    /// </summary>
    internal sealed class ClientChecks
    {
        /// <summary>Bounds every wait on the emulator, so a hang fails the check instead of the leg.</summary>
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private readonly IDictionary<string, string> _options;
        private readonly Checks _checks;
        private readonly WindowsPowerShellImport _import;
        private readonly Assembly? _otherRestSharp;
        private readonly EmulatorControl _control;
        private readonly DyteClient _client;

        public ClientChecks(IDictionary<string, string> options, Checks checks, WindowsPowerShellImport import, Assembly? otherRestSharp)
        {
            _options = options;
            _checks = checks;
            _import = import;
            _otherRestSharp = otherRestSharp;
            _control = new EmulatorControl(new Uri(options["control"]), options["org"]);
            _client = NewClient(options["key"]);
        }

        private DyteClient NewClient(string apiKey) => new DyteClient(new DyteClientOptions
        {
            BaseUri = new Uri(_options["api"]),
            Credential = new DyteApiKeyCredential(_options["org"], Secure(apiKey)),
            Timeout = TimeSpan.FromSeconds(30),
            // Millisecond backoff keeps the 503 check fast; Retry-After is honoured regardless.
            Retry = new DyteRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });

        public async Task RunAsync()
        {
            Meeting? seeded = null;
            await _checks.RunAsync("list-with-paging", async () =>
            {
                await _control.SeedMeetingsAsync(250, "Paged").ConfigureAwait(false);
                var pages = new List<int>();
                var meetings = new List<Meeting>();
                await foreach (var page in _client.Meetings.ListAsync(new PageRequest(100), null, CancellationToken.None).ConfigureAwait(false))
                {
                    pages.Add(page.Items.Count);
                    meetings.AddRange(page.Items);
                }
                CheckFailed.Unless(pages.SequenceEqual(new[] { 100, 100, 50 }), "pages of " + string.Join(", ", pages));
                CheckFailed.Unless(meetings.Select(m => m.Id).Distinct().Count() == 250, "not 250 distinct meetings");
                seeded = meetings[0];
                return "250 meetings in pages of " + string.Join(", ", pages);
            }).ConfigureAwait(false);

            _checks.Run("restsharp-isolated", () =>
            {
                // The first request loaded DytePS's RestSharp; the other module's one stays its own.
                var ours = _import.LoadedFromDependencies("RestSharp");
                CheckFailed.Unless(ours != null, "DytePS's RestSharp did not come from dependencies/");
                CheckFailed.Unless(_otherRestSharp != null && !ReferenceEquals(ours, _otherRestSharp), "DytePS was handed the other module's RestSharp");
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "RestSharp").Select(a => a.GetName().Version!.ToString()).ToList();
                CheckFailed.Unless(loaded.Count == 2, "RestSharp loaded " + loaded.Count + " times: " + string.Join(", ", loaded));
                return "DytePS uses RestSharp " + ours!.GetName().Version + " from dependencies/; the other module keeps " + _otherRestSharp!.GetName().Version + "; both loaded: " + string.Join(", ", loaded);
            });

            _checks.Run("foreign-requests-not-answered", () =>
            {
                // The resolve event is process-wide. Asked by anything but DytePS's assemblies,
                // DytePS's resolver answers nothing, even where it would redirect for DytePS:
                // 1. another module's RestSharp asks for its System.Text.Json 5.0.0.0 (and
                //    Microsoft.Bcl.AsyncInterfaces 5.0.0.0): DytePS ships 10.0.0.0 of both;
                var errors = WindowsPowerShellImport.BindReferences(_otherRestSharp!, "System.Text.Json, Version=5.0.0.0");
                CheckFailed.Unless(errors.Count > 0, "the other module's RestSharp bound System.Text.Json 5.0.0.0 to " +
                    string.Join(", ", AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "System.Text.Json").Select(a => a.GetName().Version + " " + a.Location)));
                // 2. a script or module loads RestSharp 112 by name (DytePS would take 114.1 for it).
                var ours = _import.LoadedFromDependencies("RestSharp")!.GetName();
                var older = new AssemblyName(ours.FullName) { Version = new Version(112, 0, 0, 0) };
                try
                {
                    var got = Assembly.Load(older);
                    throw new CheckFailed("Assembly.Load(" + older.FullName + ") was answered with " + got.Location);
                }
                catch (FileNotFoundException)
                {
                }
                return "RestSharp 108's System.Text.Json 5.0.0.0 not bound to DytePS's 10.0.0.0; Assembly.Load(RestSharp 112) not answered with DytePS's 114";
            });

            await _checks.RunAsync("get", async () =>
            {
                var read = await _client.Meetings.GetAsync(seeded!.Id, CancellationToken.None).ConfigureAwait(false);
                CheckFailed.Unless(read.Id == seeded.Id && read.Title == seeded.Title, "read " + read.Id + " " + read.Title);
                return "meeting " + read.Id + " '" + read.Title + "'";
            }).ConfigureAwait(false);

            Meeting? created = null;
            await _checks.RunAsync("create", async () =>
            {
                created = await _client.Meetings.CreateAsync(new NewMeeting { Title = "Framework leg", PreferredRegion = "ap-south-1" }, CancellationToken.None).ConfigureAwait(false);
                CheckFailed.Unless(created.Id != Guid.Empty && created.Title == "Framework leg", "created " + created.Id + " " + created.Title);
                return "meeting " + created.Id;
            }).ConfigureAwait(false);

            await _checks.RunAsync("update", async () =>
            {
                await _client.Meetings.UpdateAsync(created!.Id, new MeetingUpdate { Title = "Framework leg, renamed", Status = MeetingStatus.Inactive }, CancellationToken.None).ConfigureAwait(false);
                var read = await _client.Meetings.GetAsync(created.Id, CancellationToken.None).ConfigureAwait(false);
                CheckFailed.Unless(read.Title == "Framework leg, renamed" && read.Status == "INACTIVE", "read back " + read.Title + " " + read.Status);
                return "title and status read back";
            }).ConfigureAwait(false);

            await _checks.RunAsync("delete", async () =>
            {
                var participant = await _client.Participants.AddAsync(seeded!.Id, new NewParticipant { Name = "Ada", PresetName = "group_call_participant" }, CancellationToken.None).ConfigureAwait(false);
                await _client.Participants.DeleteAsync(seeded.Id, participant.Id, CancellationToken.None).ConfigureAwait(false);
                var error = await Throws<DyteException>(() => _client.Participants.GetAsync(seeded.Id, participant.Id, CancellationToken.None)).ConfigureAwait(false);
                CheckFailed.Unless(error.StatusCode == 404, "after the delete: " + error.Message);
                return "participant deleted; reading it again is a 404";
            }).ConfigureAwait(false);

            await _checks.RunAsync("429-retry-after", async () =>
            {
                await _control.AddFaultAsync("getMeeting", "\"kind\":\"status\",\"status\":429,\"retry_after\":\"1\",\"count\":1").ConfigureAwait(false);
                var read = await _client.Meetings.GetAsync(seeded!.Id, CancellationToken.None).ConfigureAwait(false);
                var log = (await _control.RequestsAsync("getMeeting").ConfigureAwait(false)).Skip(-0).ToList();
                var last = log.Skip(log.Count - 2).ToList();
                CheckFailed.Unless(last.Count == 2 && last[0].Status == 429 && last[1].Status == 200, "getMeeting log ends " + string.Join(", ", last));
                var waited = last[1].At - last[0].At;
                CheckFailed.Unless(waited >= TimeSpan.FromSeconds(0.95), "retried after " + waited.TotalMilliseconds + " ms, before Retry-After: 1");
                return "429 then 200, retried after " + Math.Round(waited.TotalSeconds, 2) + " s (Retry-After: 1)";
            }).ConfigureAwait(false);

            await _checks.RunAsync("503-retried", async () =>
            {
                await _control.AddFaultAsync("listMeetings", "\"kind\":\"status\",\"status\":503,\"count\":2").ConfigureAwait(false);
                var pages = 0;
                await foreach (var page in _client.Meetings.ListAsync(new PageRequest(10, first: 10), null, CancellationToken.None).ConfigureAwait(false)) pages++;
                var log = await _control.RequestsAsync("listMeetings").ConfigureAwait(false);
                var last = log.Skip(log.Count - 3).Select(r => r.Status).ToList();
                CheckFailed.Unless(pages == 1 && last.SequenceEqual(new[] { 503, 503, 200 }), pages + " page(s); listMeetings log ends " + string.Join(", ", last));
                return "503, 503, 200";
            }).ConfigureAwait(false);

            await _checks.RunAsync("401", async () =>
            {
                using (var wrongKey = NewClient("not-the-key"))
                {
                    var error = await Throws<DyteException>(() => wrongKey.Meetings.GetAsync(seeded!.Id, CancellationToken.None)).ConfigureAwait(false);
                    CheckFailed.Unless(error.StatusCode == 401, "got " + error.StatusCode + ": " + error.Message);
                    CheckFailed.Unless(error.ToString().IndexOf("not-the-key", StringComparison.Ordinal) < 0, "the key appears in the error");
                    return error.Kind + " " + error.StatusCode + ": " + error.Message;
                }
            }).ConfigureAwait(false);

            await _checks.RunAsync("cancellation", async () =>
            {
                await _control.AddFaultAsync("getMeeting", "\"kind\":\"hang\",\"count\":1").ConfigureAwait(false);
                using (var cancel = new CancellationTokenSource())
                {
                    var call = _client.Meetings.GetAsync(seeded!.Id, cancel.Token);
                    // Cancel once the request is held by the emulator, not after a guessed delay.
                    await WaitUntil(async () => (await _control.RequestsAsync("getMeeting").ConfigureAwait(false)).Count > 0 && !call.IsCompleted, "the held request").ConfigureAwait(false);
                    cancel.Cancel();
                    var finished = await Task.WhenAny(call, Task.Delay(HangGuard)).ConfigureAwait(false);
                    CheckFailed.Unless(finished == call, "the call did not end within " + HangGuard.TotalSeconds + " s of the cancellation");
                    var error = await Throws<OperationCanceledException>(() => call).ConfigureAwait(false);
                    return error.GetType().Name + " as soon as the token was cancelled";
                }
            }).ConfigureAwait(false);

            Recording? recording = null;
            await _checks.RunAsync("webhook-signature", async () =>
            {
                using (var receiver = new WebhookReceiver())
                {
                    var hook = await _client.Webhooks.CreateAsync(new WebhookDefinition { Name = "framework-leg", Url = receiver.Url, Events = new[] { WebhookEvents.RecordingStatusUpdate } }, CancellationToken.None).ConfigureAwait(false);
                    recording = await _client.Recordings.StartAsync(new NewRecording { MeetingId = seeded!.Id }, CancellationToken.None).ConfigureAwait(false);
                    var delivery = await receiver.NextAsync(HangGuard).ConfigureAwait(false);
                    var key = await _client.GetWebhookPublicKeyAsync(CancellationToken.None).ConfigureAwait(false);
                    CheckFailed.Unless(WebhookSignature.Verify(delivery.Body, delivery.Signature, key), "the delivery's signature did not verify");
                    var tampered = (byte[])delivery.Body.Clone();
                    tampered[tampered.Length / 2] ^= 1;
                    CheckFailed.Unless(!WebhookSignature.Verify(tampered, delivery.Signature, key), "a tampered body verified");
                    await _client.Webhooks.DeleteAsync(hook.Id, CancellationToken.None).ConfigureAwait(false);
                    var left = await _client.Webhooks.ListAsync(CancellationToken.None).ConfigureAwait(false);
                    CheckFailed.Unless(left.All(w => w.Id != hook.Id), "the webhook is still listed after its delete");
                    return "delivery of " + delivery.Body.Length + " bytes verified with the published key; a tampered copy did not; webhook deleted";
                }
            }).ConfigureAwait(false);

            await _checks.RunAsync("download", async () =>
            {
                await _client.Recordings.UpdateAsync(recording!.Id, RecordingAction.Stop, CancellationToken.None).ConfigureAwait(false);
                Recording current = recording;
                await WaitUntil(async () => (current = await _client.Recordings.GetAsync(recording.Id, CancellationToken.None).ConfigureAwait(false)).Status == "UPLOADED", "the upload").ConfigureAwait(false);
                using (var file = new MemoryStream())
                {
                    var written = await _client.Recordings.DownloadAsync(current, file, null, CancellationToken.None).ConfigureAwait(false);
                    CheckFailed.Unless(written == current.FileSize && file.Length == current.FileSize, "wrote " + written + " of " + current.FileSize + " bytes");
                    return written + " bytes, as the recording's file_size says";
                }
            }).ConfigureAwait(false);

            _checks.Run("tls-1.2-on-framework", () =>
            {
                // Windows PowerShell 5.1 on older Windows: the process allows TLS 1.0 only
                // (ServicePointManager), which .NET Framework's HttpClientHandler follows unless
                // the handler names its own protocols. Mono's HttpClientHandler runs on
                // SocketsHttpHandler, which ignores ServicePointManager and speaks TLS 1.2 anyway,
                // so a handshake here would pass with or without DytePS's setting: the check
                // reads the setting of the handler DytePS created instead.
                var before = ServicePointManager.SecurityProtocol;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
                try
                {
                    using (var client = NewClient(_options["key"]))
                    {
                        var handler = FindHandler(client) ?? throw new CheckFailed("no HttpClientHandler found inside DyteClient");
                        var protocols = handler.SslProtocols;
                        CheckFailed.Unless((protocols & SslProtocols.Tls12) != 0, "the handler's SslProtocols are " + protocols);
#pragma warning disable CS0618 // SSL 3, TLS 1.0 and 1.1 are named only to be refused.
                        CheckFailed.Unless((protocols & (SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11)) == 0, "the handler also allows " + protocols);
#pragma warning restore CS0618
                        CheckFailed.Unless(ServicePointManager.SecurityProtocol == SecurityProtocolType.Tls, "DytePS changed the process-wide ServicePointManager.SecurityProtocol");
                        return "DytePS's handler: SslProtocols " + protocols + "; the process-wide ServicePointManager.SecurityProtocol stays " + ServicePointManager.SecurityProtocol;
                    }
                }
                finally
                {
                    ServicePointManager.SecurityProtocol = before;
                }
            });

            _client.Dispose();
            _control.Dispose();
        }

        /// <summary>The HttpClientHandler somewhere inside the client (its transport's HttpClient's handler).</summary>
        private static HttpClientHandler? FindHandler(object root)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Queue<(object Value, int Depth)>();
            pending.Enqueue((root, 0));
            while (pending.Count > 0)
            {
                var (value, depth) = pending.Dequeue();
                if (value is HttpClientHandler handler) return handler;
                if (depth == 5 || !seen.Add(value)) continue;
                for (var type = value.GetType(); type != null; type = type.BaseType)
                {
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    {
                        if (field.FieldType.IsPrimitive || field.FieldType == typeof(string)) continue;
                        var next = field.GetValue(value);
                        if (next != null && !next.GetType().IsValueType) pending.Enqueue((next, depth + 1));
                    }
                }
            }
            return null;
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public new bool Equals(object x, object y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        /// <summary>Polls a condition until true; fails after <see cref="HangGuard"/>.</summary>
        private static async Task WaitUntil(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + HangGuard;
            while (!await condition().ConfigureAwait(false))
            {
                if (DateTime.UtcNow > deadline) throw new CheckFailed("gave up waiting for " + what);
                await Task.Yield();
            }
        }

        private static async Task<T> Throws<T>(Func<Task> call) where T : Exception
        {
            try
            {
                await call().ConfigureAwait(false);
            }
            catch (T expected)
            {
                return expected;
            }
            throw new CheckFailed("no " + typeof(T).Name + " was thrown");
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>Receives webhook deliveries on a loopback port.</summary>
    internal sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();

        public WebhookReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = "http://127.0.0.1:" + port + "/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
        }

        public string Url { get; }

        public async Task<(byte[] Body, string Signature)> NextAsync(TimeSpan timeout)
        {
            var next = _listener.GetContextAsync();
            if (await Task.WhenAny(next, Task.Delay(timeout)).ConfigureAwait(false) != next) throw new CheckFailed("no webhook delivery within " + timeout.TotalSeconds + " s");
            var context = await next.ConfigureAwait(false);
            using (var body = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                var signature = context.Request.Headers["dyte-signature"] ?? throw new CheckFailed("the delivery has no dyte-signature header");
                context.Response.StatusCode = 200;
                context.Response.Close();
                return (body.ToArray(), signature);
            }
        }

        public void Dispose() => _listener.Close();
    }
}
