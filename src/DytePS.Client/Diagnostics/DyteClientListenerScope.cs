using System;
using System.Threading;

namespace DytePS.Client
{
    /// <summary>
    /// Routes the client's records to a listener for the duration of one logical operation.
    /// A client is shared by every caller of a connection (several runspaces, parallel requests),
    /// so the listener belongs to the async flow of the caller, not to the client.
    /// </summary>
    public static class DyteClientListenerScope
    {
        private static readonly AsyncLocal<IDyteClientListener?> Current = new AsyncLocal<IDyteClientListener?>();

        /// <summary>The listener of the current async flow, if any.</summary>
        internal static IDyteClientListener? Listener => Current.Value;

        /// <summary>Sends the current flow's records to <paramref name="listener"/> until disposed.</summary>
        public static IDisposable Begin(IDyteClientListener listener)
        {
            var previous = Current.Value;
            Current.Value = listener;
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly IDyteClientListener? _previous;
            public Restore(IDyteClientListener? previous) => _previous = previous;
            public void Dispose() => Current.Value = _previous;
        }
    }
}
