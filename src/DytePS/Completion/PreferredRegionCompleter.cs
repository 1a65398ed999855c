using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DytePS.Completion
{
    /// <summary>Completes -PreferredRegion with Dyte's media regions (not a fixed list on the service's side, so not validated).</summary>
    public sealed class PreferredRegionCompleter : IArgumentCompleter
    {
        internal static readonly string[] KnownRegions = { "ap-south-1", "ap-southeast-1", "eu-central-1", "us-east-1" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = CompletionSource.Unquote(wordToComplete);
            return KnownRegions
                .Where(r => r.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));
        }
    }
}
