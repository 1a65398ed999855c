using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace DytePS.Framework.Host
{
    /// <summary>
    /// What Windows PowerShell 5.1's Import-Module and Remove-Module do with DytePS's assemblies:
    /// the nested module DytePS.Loader.dll first (Assembly.LoadFrom, then OnImport of each
    /// IModuleAssemblyInitializer), then the root module DytePS.dll (Assembly.LoadFrom), whose
    /// references PowerShell binds while it reads the cmdlets' parameter types. The cmdlets
    /// themselves need the engine, which Mono cannot host; binding DytePS.dll's type references
    /// makes the runtime load DytePS.Client on DytePS.dll's behalf, as the engine would.
    /// </summary>
    internal sealed class WindowsPowerShellImport
    {
        private Assembly? _loader;
        private Assembly? _cmdlets;

        public WindowsPowerShellImport(string moduleFolder)
        {
            ModuleFolder = Path.GetFullPath(moduleFolder);
            DependencyFolder = Path.Combine(ModuleFolder, "dependencies");
            AppDomain.CurrentDomain.AssemblyResolve += EngineAssembly;
        }

        public string ModuleFolder { get; }

        public string DependencyFolder { get; }

        /// <summary>Import-Module, first step: the loader's initializers.</summary>
        public void ImportLoader()
        {
            foreach (var type in Types<IModuleAssemblyInitializer>())
                ((IModuleAssemblyInitializer)Activator.CreateInstance(type)).OnImport();
        }

        /// <summary>Remove-Module: the loader's cleanups.</summary>
        public void RemoveLoader()
        {
            foreach (var type in Types<IModuleAssemblyCleanup>())
                ((IModuleAssemblyCleanup)Activator.CreateInstance(type)).OnRemove(new PSModuleInfo());
        }

        /// <summary>
        /// Import-Module, second step: DytePS.dll, and each type it refers to bound on its behalf.
        /// Returns the errors of the references that could not be bound to DytePS.Client.
        /// </summary>
        public IReadOnlyList<string> ImportCmdletAssembly()
        {
            _cmdlets ??= Assembly.LoadFrom(Path.Combine(ModuleFolder, "DytePS.dll"));
            return BindReferences(_cmdlets, "DytePS.Client");
        }

        /// <summary>
        /// Binds every type reference of the assembly, as running its code eventually would; the
        /// runtime loads each referenced assembly on the assembly's behalf. Returns the errors that
        /// mention <paramref name="mentioning"/> (null: all of them).
        /// </summary>
        public static IReadOnlyList<string> BindReferences(Assembly assembly, string? mentioning)
        {
            var errors = new List<string>();
            var module = assembly.ManifestModule;
            var invalidInARow = 0;
            // TypeRef tokens are 0x01000001 upward; the table ends where tokens stop being valid.
            for (var row = 1; invalidInARow < 16; row++)
            {
                try
                {
                    module.ResolveType(0x01000000 | row);
                    invalidInARow = 0;
                }
                catch (ArgumentException)
                {
                    invalidInARow++;
                }
                catch (Exception e) when (e is FileNotFoundException || e is FileLoadException || e is TypeLoadException || e is BadImageFormatException)
                {
                    invalidInARow = 0;
                    // The cmdlets' base types live in the real engine, which is not here.
                    if (mentioning is null || e.Message.IndexOf(mentioning, StringComparison.Ordinal) >= 0) errors.Add(e.GetType().Name + ": " + e.Message);
                }
            }
            return errors;
        }

        /// <summary>The loaded copy of an assembly that came from the module's dependencies folder, or null.</summary>
        public Assembly? LoadedFromDependencies(string name) =>
            AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
                !a.IsDynamic && a.GetName().Name == name
                && string.Equals(Path.GetDirectoryName(a.Location), DependencyFolder, StringComparison.OrdinalIgnoreCase));

        private IEnumerable<Type> Types<T>()
        {
            _loader ??= Assembly.LoadFrom(Path.Combine(ModuleFolder, "DytePS.Loader.dll"));
            return _loader.GetExportedTypes().Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract);
        }

        /// <summary>The engine's own assembly: in Windows PowerShell it is loaded before any module.</summary>
        private static Assembly? EngineAssembly(object? sender, ResolveEventArgs args) =>
            new AssemblyName(args.Name).Name == "System.Management.Automation" ? typeof(IModuleAssemblyInitializer).Assembly : null;
    }
}
