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

    /// <summary>Accepts only absolute http:// or https:// URIs.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateAbsoluteHttpUriAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            Uri? uri = value as Uri;
            if (uri is null && value is string text) Uri.TryCreate(text, UriKind.Absolute, out uri);
            if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ValidationMetadataException($"'{value}' is not an absolute http or https URI.");
        }
    }
}
