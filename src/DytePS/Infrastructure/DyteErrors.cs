using System;
using System.Management.Automation;
using DytePS.Client;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// The one mapping from client failures to PowerShell errors: a stable error id and category
    /// per kind of failure, the complete message in ErrorDetails, advice where there is some.
    /// </summary>
    internal static class DyteErrors
    {
        public static ErrorRecord From(DyteException exception, object? target)
        {
            var (id, category, advice) = Classify(exception);
            return new ErrorRecord(exception, id, category, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice },
            };
        }

        /// <summary>True when no later request of the same command can succeed either (bad credentials).</summary>
        public static bool IsFatal(DyteException exception) =>
            exception.Kind == DyteErrorKind.HttpStatus && exception.StatusCode == 401;

        private static (string Id, ErrorCategory Category, string Advice) Classify(DyteException e)
        {
            switch (e.Kind)
            {
                case DyteErrorKind.Timeout:
                    return ("DyteTimeout", ErrorCategory.OperationTimeout,
                        "Try again, or give Connect-Dyte a longer -TimeoutSec.");
                case DyteErrorKind.Network:
                    return ("DyteConnectionFailed", ErrorCategory.ConnectionError,
                        "Check the network and the base URI of the connection (Get-DyteConnection).");
                case DyteErrorKind.InvalidResponse:
                    return ("DyteInvalidResponse", ErrorCategory.InvalidResult,
                        "The service answered with something other than the documented JSON; try again later.");
                case DyteErrorKind.ResponseTooLarge:
                    return ("DyteResponseTooLarge", ErrorCategory.LimitsExceeded,
                        "Ask for less (a smaller -PageSize), or raise the limit with Connect-Dyte -MaximumResponseSizeMB.");
                case DyteErrorKind.NotSupported:
                    return ("DyteNotSupported", ErrorCategory.InvalidArgument,
                        "Leave out what the message names; this connection's service does not have it.");
            }
            if (e.StatusCode >= 300 && e.StatusCode <= 399)
                return ("DyteRedirected", ErrorCategory.InvalidOperation,
                    "DytePS does not follow redirects from the API; check the connection's -BaseUri (Get-DyteConnection).");
            switch (e.StatusCode)
            {
                case 400:
                case 422:
                    return ("DyteBadRequest", ErrorCategory.InvalidArgument, "Correct the value the message names.");
                case 401:
                    return ("DyteUnauthorized", ErrorCategory.AuthenticationError,
                        "Run Connect-Dyte with a valid organization id and API key.");
                case 403:
                    return ("DyteForbidden", ErrorCategory.PermissionDenied,
                        "The organization is not allowed to do this; check its plan and API key permissions.");
                case 404:
                    return ("DyteNotFound", ErrorCategory.ObjectNotFound, "Check the id; it may belong to another organization.");
                case 409:
                    return ("DyteConflict", ErrorCategory.InvalidOperation, "The object is not in a state that allows this.");
                case 429:
                    return ("DyteRateLimited", ErrorCategory.LimitsExceeded,
                        "Too many requests; wait and try again, or allow more retries with Connect-Dyte.");
                default:
                    return e.StatusCode >= 500
                        ? ("DyteServerError", ErrorCategory.ResourceUnavailable, "The service failed; try again later.")
                        : ("DyteHttpError", ErrorCategory.InvalidOperation, string.Empty);
            }
        }

        /// <summary>An object the service listed no match for (lookups the API cannot do by itself).</summary>
        public static ErrorRecord NotFound(string message, object? target) =>
            new ErrorRecord(new ItemNotFoundException(message), "DyteNotFound", ErrorCategory.ObjectNotFound, target);

        /// <summary>An error for a usage mistake the parameter attributes could not catch.</summary>
        public static ErrorRecord InvalidArgument(string id, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), id, ErrorCategory.InvalidArgument, target);
    }
}
