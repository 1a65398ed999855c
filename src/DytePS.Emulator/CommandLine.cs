using System.Globalization;

namespace DytePS.Emulator;

/// <summary>Parses the emulator's command line into <see cref="EmulatorOptions"/>; <see cref="Help"/> documents every flag.</summary>
public static class CommandLine
{
    /// <summary>The service's documented budget: 2000 requests per minute.</summary>
    public const int DefaultRateLimit = 2000;

    public const string Help = """
        DytePS Dyte v2 API emulator: a local, stateful Dyte API server on 127.0.0.1.

        Usage: dyte-emulator [options]                     (the dotnet tool DytePS.Emulator)
               dotnet run --project src/DytePS.Emulator -- [options]   (from a clone)

        Options:
          --port <n>            TCP port on 127.0.0.1 (default 5380; 0 picks a free port)
          --org <id>:<key>      an organization (UUID) and its API key; repeat for several.
                                Default: the demo organization printed at start-up (its
                                RealtimeKit account id is fixed; other organizations get a
                                random one, kept in the data file with --data).
          --seed-meetings <n>   create n meetings in every organization at start-up (with
                                --data, only in organizations the data file does not have yet)
          --lifecycle-delay <ms>
                                how long each timed lifecycle step takes: recording
                                INVOKED -> RECORDING and UPLOADING -> UPLOADED, livestream
                                STARTING -> LIVE and STOPPING -> OFFLINE (default 1000; 0 makes
                                each step happen at the next request)
          --recording-size <bytes>
                                size of the recording files served for download (default 262144)
          --rate-limit <n>      API requests per minute per organization before 429 with
                                Retry-After (default 2000, like the service; 0 turns it off)
          --webhook-retry-delay <ms>
                                wait before a failed webhook delivery's first retry; it doubles
                                for each of the 5 retries (default 1000)
          --fault <spec>        inject a fault into API requests from the start; repeatable.
                                <spec> is <operationId|*>:<kind>[=value][,option=value...]
                                kinds:   status=<400-599>, latency=<ms>, hang, drop,
                                         malformed-json, empty-body
                                options: count=<n> (default: every request),
                                         probability=<0..1> (default 1),
                                         when=before|after (after: the request takes effect,
                                           then its answer is replaced or the connection dropped),
                                         retry-after=<seconds>, retry-after-format=seconds|http-date,
                                         html (an HTML error page instead of the JSON envelope),
                                         org=<organization id> (default: every organization)
                                e.g. --fault listMeetings:status=503,count=2
                                     --fault "*:latency=250"
                                     --fault createMeeting:drop,when=after,probability=0.1
                                     --fault getMeeting:status=429,retry-after=4
          --data <file>         keep organizations (credentials, account ids, settings), every
                                entity, pending lifecycle steps and the webhook signing key in
                                a SQLite file, so they survive a restart (default: in memory)
                                One emulator per file: a second one exits with code 3.
          --log-requests        print each API request (method, path, status, time)
          -h, --help            show this help

        The API is served under /v2 (HTTP Basic auth organizationId:apiKey) and, the same
        operations, under /client/v4/accounts/<account id>/realtime/kit/<organization id>
        (Cloudflare RealtimeKit's shape; Authorization: Bearer <api key>). Webhooks are delivered
        signed; the public key is at /.well-known/webhooks.json. The control surface is under
        /_emulator/: organizations (POST /_emulator/organizations), seeding, reset, the request
        and delivery logs, faults (POST /_emulator/faults), rate limits, participants joining
        and leaving, recording downloads. Requests from web pages (a Host other than localhost,
        127.0.0.1 or [::1], or a foreign Origin) are refused with 403.
        Exit codes:
          0  stopped (Ctrl+C, SIGTERM) or --help
          1  an unexpected error (one line on standard error)
          2  a bad option, --fault or --data file (one line on standard error)
          3  in use elsewhere: the port cannot be listened on, or another emulator uses
             the --data file (one line on standard error)

        See docs/emulator.md.
        """;

    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitBadInput = 2;
    /// <summary>Something another program holds: the port, or the --data file (another emulator).</summary>
    public const int ExitInUse = 3;

    /// <summary>Writes "dyte-emulator: <paramref name="message"/>" as one line on standard error and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine("dyte-emulator: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }

    /// <summary>The options, or null when help was asked for. Throws <see cref="FormatException"/> for bad input.</summary>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args)
    {
        // The command line is a stand-in for the service, so its rate limit is on unless turned off.
        var options = new EmulatorOptions { RequestsPerMinute = DefaultRateLimit };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return null;
                case "--port":
                    options.Port = ParseInt(Value(args, ref i, arg), arg, 0, 65535);
                    break;
                case "--org":
                    options.Organizations.Add(OrganizationSeed.Parse(Value(args, ref i, arg)));
                    break;
                case "--seed-meetings":
                    options.SeedMeetings = ParseInt(Value(args, ref i, arg), arg, 0, 10_000_000);
                    break;
                case "--lifecycle-delay":
                    options.LifecycleDelay = TimeSpan.FromMilliseconds(ParseInt(Value(args, ref i, arg), arg, 0, 86_400_000));
                    break;
                case "--recording-size":
                    options.RecordingFileSize = ParseInt(Value(args, ref i, arg), arg, 0, 1_073_741_824);
                    break;
                case "--rate-limit":
                    options.RequestsPerMinute = ParseInt(Value(args, ref i, arg), arg, 0, 1_000_000);
                    break;
                case "--webhook-retry-delay":
                    options.WebhookRetryDelay = TimeSpan.FromMilliseconds(ParseInt(Value(args, ref i, arg), arg, 0, 3_600_000));
                    break;
                case "--data":
                    options.DataFile = Value(args, ref i, arg);
                    break;
                case "--fault":
                    options.Faults.Add(Faults.FaultSpec.Parse(Value(args, ref i, arg)));
                    break;
                case "--log-requests":
                    options.LogRequests = true;
                    break;
                default:
                    throw new FormatException($"Unknown option '{arg}'. Run with --help to see the options.");
            }
        }
        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count) throw new FormatException($"{name} needs a value.");
        return args[++i];
    }

    private static int ParseInt(string text, string name, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new FormatException($"{name} must be an integer from {min} to {max}; got '{text}'.");
        return value;
    }
}
