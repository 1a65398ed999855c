using System;
using System.Collections.Generic;
using System.Linq;
using DytePS.Client;

namespace DytePS.Commands
{
    /// <summary>
    /// -Event values as the service spells them: ValidateSet accepts any letter case, the API
    /// does not, so "meeting.participantjoined" becomes "meeting.participantJoined".
    /// </summary>
    internal static class WebhookEventParameter
    {
        public static IReadOnlyList<string> Canonical(IEnumerable<string> events) =>
            events.Select(e => WebhookEvents.All.First(known => string.Equals(known, e, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
    }
}
