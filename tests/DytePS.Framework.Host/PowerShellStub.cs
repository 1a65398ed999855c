// The part of System.Management.Automation that a module's loader implements, with the same
// names as in Windows PowerShell 5.1. In Windows PowerShell the real assembly is loaded before
// any module; Mono has none, so WindowsPowerShellImport answers DytePS.Loader's reference to
// System.Management.Automation with this program, as the engine's own copy would be found.
namespace System.Management.Automation
{
    public interface IModuleAssemblyInitializer
    {
        void OnImport();
    }

    public interface IModuleAssemblyCleanup
    {
        void OnRemove(PSModuleInfo psModuleInfo);
    }

    public sealed class PSModuleInfo
    {
    }
}
