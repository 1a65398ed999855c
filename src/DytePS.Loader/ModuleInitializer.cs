using System.Management.Automation;

namespace DytePS.Loader
{
    /// <summary>
    /// Runs when DytePS is imported: from then on the client library and its third-party
    /// dependencies load from the module's dependencies folder, isolated from other modules'
    /// copies of the same libraries (see <see cref="DependencyLoader"/>).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => DependencyLoader.Install();
    }
}
