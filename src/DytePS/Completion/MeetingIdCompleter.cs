using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading.Tasks;
using DytePS.Client;

namespace DytePS.Completion
{
    /// <summary>
    /// Completes -MeetingId from the organization's meetings, showing their titles: typing part
    /// of an id or of a title narrows the list. Reads at most <see cref="Limit"/> meetings.
    /// </summary>
    public sealed class MeetingIdCompleter : IArgumentCompleter
    {
        internal const int Limit = 200;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = CompletionSource.Unquote(wordToComplete);
            var meetings = CompletionSource.Get(CompletionSource.Client(fakeBoundParameters), "meetings", async (client, token) =>
            {
                var all = new List<Meeting>();
                await foreach (var page in client.Meetings.ListAsync(new PageRequest(Limit, first: Limit), null, token).ConfigureAwait(false))
                    all.AddRange(page.Items);
                return all;
            });
            return meetings
                .Where(m => m.Id.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase)
                            || (m.Title ?? string.Empty).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(m => new CompletionResult(
                    m.Id.ToString(),
                    $"{m.Title} ({m.Id.ToString().Substring(0, 8)})",
                    CompletionResultType.ParameterValue,
                    $"{m.Title} [{m.Status}] {m.Id}"));
        }
    }
}
