using System;
using System.IO;
using System.Reflection;

namespace DytePS.Loader
{
    /// <summary>
    /// PowerShell 7: hands the work to DytePS.LoadContext.dll (in dependencies/), which holds the
    /// private AssemblyLoadContext. That assembly is loaded by path and called through two
    /// delegates, so this assembly has no reference to System.Runtime.Loader: .NET Framework has
    /// no such assembly, and merely compiling a method that names a load-context type there
    /// fails with FileNotFoundException before any of our code runs. A separate assembly rather
    /// than reflection over AssemblyLoadContext: the context must override Load (to prefer the
    /// runtime's own assemblies), which takes a subclass, and a subclass cannot be declared through
    /// reflection; a whole assembly apart also lets a metadata test prove that nothing Windows
    /// PowerShell loads refers to System.Runtime.Loader (tests/DytePS.Framework.Tests).
    /// </summary>
    internal sealed class CoreDependencyResolver : IDependencyResolver
    {
        internal const string AssemblyFileName = "DytePS.LoadContext.dll";
        private const string TypeName = "DytePS.LoadContext.PrivateLoadContext";

        private readonly Action<string> _install;
        private readonly Action _uninstall;
        private readonly string _folder;

        public CoreDependencyResolver(string folder)
        {
            _folder = folder;
            var path = Path.Combine(folder, AssemblyFileName);
            var type = Assembly.LoadFrom(path).GetType(TypeName, throwOnError: true)!;
            _install = (Action<string>)Delegate.CreateDelegate(typeof(Action<string>), type, "Install");
            _uninstall = (Action)Delegate.CreateDelegate(typeof(Action), type, "Uninstall");
        }

        public void Attach() => _install(_folder);

        public void Detach() => _uninstall();
    }
}
