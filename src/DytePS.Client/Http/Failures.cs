using System;
using System.Net.Sockets;

namespace DytePS.Client
{
    /// <summary>
    /// The one reading of low-level failures for API calls and downloads alike: which message to
    /// show, and whether the request can have left the machine.
    /// </summary>
    internal static class Failures
    {
        /// <summary>The innermost exception: "Connection refused", not "An error occurred while sending the request".</summary>
        public static Exception Innermost(Exception error)
        {
            while (error.InnerException != null) error = error.InnerException;
            return error;
        }

        /// <summary>The first exception of type <typeparamref name="T"/> in the chain, or null.</summary>
        public static T? Find<T>(Exception? error) where T : Exception
        {
            for (var e = error; e != null; e = e.InnerException)
                if (e is T found) return found;
            return null;
        }

        /// <summary>
        /// True when the connection could not be opened (refused, unknown host, unreachable): the
        /// request never left, so even a create may be retried. A connection dropped later may
        /// have delivered the request.
        /// </summary>
        public static bool FailedBeforeSending(Exception? error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }
            return false;
        }

        /// <summary>A network failure of <paramref name="method"/> <paramref name="path"/>, named by its innermost cause.</summary>
        public static DyteException Network(string method, string path, Exception error) =>
            new DyteException(DyteErrorKind.Network, method, path, null, Innermost(error).Message,
                innerException: error, requestSent: !FailedBeforeSending(error));
    }
}
