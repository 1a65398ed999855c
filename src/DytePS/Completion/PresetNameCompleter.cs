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
    /// Completes -PresetName from the presets the organization's participants use (the API has no
    /// list of presets): those of the meeting on the command line, else of the first few meetings.
    /// </summary>
    public sealed class PresetNameCompleter : IArgumentCompleter
    {
        private const int Meetings = 5;
        private const int ParticipantsPerMeeting = 100;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = CompletionSource.Unquote(wordToComplete);
            var meetingId = Guid.TryParse(fakeBoundParameters?["MeetingId"]?.ToString(), out var id) ? id : (Guid?)null;
            var presets = CompletionSource.Get(CompletionSource.Client(fakeBoundParameters), "presets:" + meetingId, async (client, token) =>
            {
                var meetings = new List<Guid>();
                if (meetingId.HasValue)
                {
                    meetings.Add(meetingId.Value);
                }
                else
                {
                    await foreach (var page in client.Meetings.ListAsync(new PageRequest(Meetings, first: Meetings), null, token).ConfigureAwait(false))
                        meetings.AddRange(page.Items.Select(m => m.Id));
                }
                var seen = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var meeting in meetings)
                {
                    await foreach (var page in client.Participants.ListAsync(meeting, new PageRequest(ParticipantsPerMeeting, first: ParticipantsPerMeeting), token).ConfigureAwait(false))
                        seen.UnionWith(page.Items.Select(p => p.PresetName).Where(p => !string.IsNullOrEmpty(p))!);
                }
                return seen.ToList();
            });
            return presets
                .Where(p => p.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(p => new CompletionResult(CompletionSource.Quote(p), p, CompletionResultType.ParameterValue, "Preset " + p));
        }
    }
}
