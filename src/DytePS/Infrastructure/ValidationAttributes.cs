using System;
using System.Management.Automation;

namespace DytePS.Infrastructure
{
    /// <summary>Rejects null, empty and whitespace-only strings (PowerShell 5.1 has no ValidateNotNullOrWhiteSpace).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
            {
                var text = value is PSObject wrapped ? wrapped.BaseObject as string : value as string;
                if (string.IsNullOrWhiteSpace(text))
                    throw new ValidationMetadataException("The value must not be empty or whitespace.");
                foreach (var c in text!)
                {
                    if (char.IsControl(c))
                        throw new ValidationMetadataException("The value must not contain control characters.");
                }
            }
        }
    }

    /// <summary>
    /// For optional values that also bind from the pipeline (CSV rows): empty or whitespace means
    /// "not given", as an empty CSV cell does; control characters are still refused.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateOptionalTextAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments) as string;
            if (text is null) return;
            foreach (var c in text)
            {
                if (char.IsControl(c))
                    throw new ValidationMetadataException("The value must not contain control characters.");
            }
        }

        /// <summary>The value, or null when it is empty or whitespace.</summary>
        public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Accepts only absolute http:// or https:// URIs (and, with <see cref="AllowBlank"/>, empty for "not given").</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateAbsoluteHttpUriAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Let an empty or whitespace value through: an optional column left empty in a CSV row.</summary>
        public bool AllowBlank { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (AllowBlank && (value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))) return;
            Uri? uri = value as Uri;
            if (uri is null && value is string text) Uri.TryCreate(text, UriKind.Absolute, out uri);
            if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ValidationMetadataException($"'{value}' is not an absolute http or https URI.");
        }
    }
}
