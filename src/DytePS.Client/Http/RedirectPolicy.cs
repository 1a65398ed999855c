using System;

namespace DytePS.Client
{
    /// <summary>
    /// The one redirect decision, for API calls and downloads alike. API calls never follow a
    /// redirect: it would carry the credential (and a create's body, with any secret in it) to
    /// wherever the Location points, so a 3xx is an error naming the target. A download follows a
    /// few hops, but only within the host the service named, and only over https (plain http only
    /// on loopback, as for the API's base URI); it never carries the API's credential anyway.
    /// </summary>
    internal static class RedirectPolicy
    {
        /// <summary>Redirects a download follows at most.</summary>
        public const int MaxDownloadHops = 5;

        public static bool IsRedirect(int status) => status >= 300 && status <= 399;

        /// <summary>True for https, or plain http to a loopback address (the emulator).</summary>
        public static bool IsSafeTarget(Uri url) =>
            url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

        /// <summary>scheme://host/path: the query of a presigned link is a credential, so it is never shown.</summary>
        public static string Display(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString.Split('?')[0];

        /// <summary>The error for a 3xx answer to an API call.</summary>
        public static DyteException ApiRedirect(string method, string path, int status, Uri? location) =>
            new DyteException(DyteErrorKind.HttpStatus, method, path, status,
                (location is null ? $"the service redirected the request (HTTP {status}) without a Location"
                                  : $"the service redirected the request (HTTP {status}) to {Display(location)}")
                + "; API calls do not follow redirects, so nothing was sent there. Check the connection's base URI (Get-DyteConnection).");

        /// <summary>
        /// Where a download goes after a 3xx from <paramref name="current"/>, or a
        /// <see cref="DyteException"/> when the redirect may not be followed.
        /// </summary>
        /// <param name="named">The link the service gave; redirects must stay on its host.</param>
        /// <param name="hops">Redirects followed so far.</param>
        public static Uri NextDownloadHop(Uri named, Uri current, int status, Uri? location, int hops)
        {
            var path = Display(current);
            if (location is null)
                throw new DyteException(DyteErrorKind.HttpStatus, "GET", path, status, $"HTTP {status} without a Location to follow");
            var target = new Uri(current, location);
            string? refusal = null;
            if (hops >= MaxDownloadHops)
                refusal = $"more than {MaxDownloadHops} redirects; the last pointed to {Display(target)}";
            else if (!IsSafeTarget(target))
                refusal = $"redirected to {Display(target)}, which is neither https nor a loopback address; not followed";
            else if (!string.Equals(target.Host, named.Host, StringComparison.OrdinalIgnoreCase))
                refusal = $"redirected to {Display(target)}, another host than the {named.Host} the service named; not followed";
            if (refusal != null) throw new DyteException(DyteErrorKind.HttpStatus, "GET", path, status, refusal);
            return target;
        }

        /// <summary>The first hop of a download: the link itself must be https, or http on loopback.</summary>
        public static void CheckDownloadLink(Uri url)
        {
            if (!IsSafeTarget(url))
                throw new DyteException(DyteErrorKind.NotSupported, "GET", Display(url), null,
                    $"download links must be https (or http to a loopback address), not '{url.Scheme}://{url.Host}'");
        }
    }
}
