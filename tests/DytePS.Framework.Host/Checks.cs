using System;
using System.IO;
using System.Threading.Tasks;

namespace DytePS.Framework.Host
{
    /// <summary>
    /// Runs named checks and prints one line each: "PASS name: detail" or "FAIL name: reason".
    /// DytePS.Framework.Tests reads these lines; a check fails by throwing.
    /// </summary>
    internal sealed class Checks
    {
        private readonly TextWriter _out;

        public Checks(TextWriter output) => _out = output;

        public int Failed { get; private set; }

        public void Run(string name, Func<string> check) => RunAsync(name, () => Task.FromResult(check())).GetAwaiter().GetResult();

        public async Task RunAsync(string name, Func<Task<string>> check)
        {
            string line;
            try
            {
                line = "PASS " + name + ": " + await check().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Failed++;
                line = "FAIL " + name + ": " + Describe(e);
            }
            lock (_out)
            {
                _out.WriteLine(line.Replace('\r', ' ').Replace('\n', ' '));
                _out.Flush();
            }
        }

        private static string Describe(Exception e)
        {
            var text = e.GetType().Name + ": " + e.Message;
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
                text += " <- " + inner.GetType().Name + ": " + inner.Message;
            return text;
        }
    }

    /// <summary>A check's expectation was not met.</summary>
    internal sealed class CheckFailed : Exception
    {
        public CheckFailed(string message) : base(message)
        {
        }

        public static void Unless(bool condition, string message)
        {
            if (!condition) throw new CheckFailed(message);
        }
    }
}
