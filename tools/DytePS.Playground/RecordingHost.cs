using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace DytePS.Playground;

/// <summary>
/// A PSHost that records what PowerShell writes to the host (formatted output from Out-Host
/// and Out-Default, -WhatIf messages), optionally echoing it to a writer, and answers
/// confirmation prompts from a queue. Without a host of its own, a hosted engine drops that text.
/// </summary>
public sealed partial class RecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui;

    /// <param name="echo">Also write everything here (the console, for the playground); null records only.</param>
    /// <param name="keepAnsi">Keep ANSI colour sequences; otherwise they are removed from recorded and echoed text.</param>
    public RecordingHost(TextWriter? echo = null, bool keepAnsi = false) => _ui = new RecordingUserInterface(echo, keepAnsi);

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "DytePS.Playground";
    public override Version Version => new(1, 0);
    public override PSHostUserInterface UI => _ui;

    /// <summary>Everything written to the host so far.</summary>
    public string Text => _ui.Text;

    /// <summary>Answers for confirmation prompts, used in order: 0 = Yes, 1 = Yes to All, 2 = No, 3 = No to All.</summary>
    public Queue<int> ChoiceAnswers => _ui.ChoiceAnswers;

    /// <summary>Captions of the prompts PowerShell showed.</summary>
    public List<string> Prompts => _ui.Prompts;

    public void ClearText() => _ui.Clear();

    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed partial class RecordingUserInterface(TextWriter? echo, bool keepAnsi) : PSHostUserInterface
    {
        // PowerShell colours table headers itself; a host that is not a terminal must strip that.
        [System.Text.RegularExpressions.GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
        private static partial System.Text.RegularExpressions.Regex AnsiSequence();

        private readonly StringBuilder _text = new();
        private readonly object _gate = new();
        private readonly FixedRawUserInterface _raw = new();

        public Queue<int> ChoiceAnswers { get; } = new();
        public List<string> Prompts { get; } = new();

        public string Text
        {
            get { lock (_gate) return _text.ToString(); }
        }

        public void Clear()
        {
            lock (_gate) _text.Clear();
        }

        public override PSHostRawUserInterface RawUI => _raw;

        public override void Write(string value)
        {
            if (!keepAnsi) value = AnsiSequence().Replace(value, string.Empty);
            lock (_gate)
            {
                _text.Append(value);
                echo?.Write(value);
            }
        }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
        public override void WriteLine(string value) => Write(value + "\n");
        public override void WriteErrorLine(string value) => Write("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Write("DEBUG: " + message + "\n");
        public override void WriteVerboseLine(string message) => Write("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Write("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_gate) Prompts.Add(caption + ": " + message);
            if (ChoiceAnswers.Count == 0) throw new InvalidOperationException($"Unexpected prompt: {caption}: {message}");
            return ChoiceAnswers.Dequeue();
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException($"Unexpected prompt: {caption}: {message}");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("Unexpected credential prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("Unexpected credential prompt.");
        public override string ReadLine() => throw new InvalidOperationException("Unexpected ReadLine.");
        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected ReadLineAsSecureString.");
    }

    /// <summary>A fixed 160-column console, so formatted tables are not truncated.</summary>
    private sealed class FixedRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get; set; } = new(160, 9999);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => new(160, 100);
        public override Size MaxWindowSize => new(160, 100);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(160, 100);
        public override string WindowTitle { get; set; } = "DytePS";

        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
