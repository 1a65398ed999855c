using System.Management.Automation;

namespace EmptyModule
{
    [Cmdlet(VerbsCommon.Get, "Nothing")]
    public sealed class GetNothingCommand : Cmdlet
    {
    }
}
