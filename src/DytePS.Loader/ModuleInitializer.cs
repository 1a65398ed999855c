using System.Management.Automation;

namespace DytePS.Loader
{
    /// <summary>
    /// Runs when DytePS is imported: from then on the client library and its third-party
    /// dependencies load from the module's dependencies folder, isolated from other modules'
    /// copies of the same libraries (see <see cref="DependencyLoader"/>). Remove-Module takes the
    /// resolver away again once no runspace of the process has DytePS imported. Both interfaces
    /// exist in Windows PowerShell 5.1 and PowerShell 7 (PowerShellStandard.Library 5.1).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyLoader.Install();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Uninstall();
    }
}
