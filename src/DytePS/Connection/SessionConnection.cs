using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace DytePS
{
    /// <summary>
    /// The current connection of each runspace. Kept per runspace, not per process, so hosts that
    /// run several runspaces (tests, Azure Functions, runspace pools) never share credentials by
    /// accident; pass -Connection to use one connection across runspaces.
    /// </summary>
    internal static class SessionConnection
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new ConditionalWeakTable<Runspace, Holder>();

        public static DyteConnection? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;
            }
            set
            {
                var runspace = Runspace.DefaultRunspace;
                if (runspace != null) Connections.GetOrCreateValue(runspace).Connection = value;
            }
        }

        private sealed class Holder
        {
            public DyteConnection? Connection;
        }
    }
}
