using System.Reflection;
using Microsoft.Extensions.DependencyModel;
using Samordning.Shared.Modules;

namespace Samordning.Host.Modules;

// The modules this host was built with. They are found through the host's project references (recorded in its
// deps.json), never by globbing DLLs, so the host's project file is the module list.
internal sealed class ModuleCatalog
{
    private ModuleCatalog(IReadOnlyList<IModule> modules, IReadOnlyList<Assembly> assemblies)
    {
        Modules = modules;
        Assemblies = assemblies;
    }

    public IReadOnlyList<IModule> Modules { get; }

    // Module implementation assemblies and their .Contracts assemblies, for the Scrutor scan.
    public IReadOnlyList<Assembly> Assemblies { get; }

    public static ModuleCatalog Discover()
    {
        var context = DependencyContext.Load(typeof(Program).Assembly) ?? DependencyContext.Default
            ?? throw new InvalidOperationException("The host's deps.json is missing; modules cannot be found.");

        var assemblies = context.RuntimeLibraries
            .Where(library => library.Type == "project" && library.Name.StartsWith("Samordning.", StringComparison.Ordinal))
            .Select(library => Assembly.Load(new AssemblyName(library.Name)))
            .Where(assembly => assembly != typeof(Program).Assembly)
            .Distinct()
            .ToList();

        var modules = InDependencyOrder(assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(type))
            .Select(type => (IModule)Activator.CreateInstance(type)!)
            .OrderBy(module => module.Name, StringComparer.Ordinal)
            .ToList());

        var moduleAssemblies = modules.Select(m => m.GetType().Assembly).ToHashSet();
        var scanned = assemblies
            .Where(a => moduleAssemblies.Contains(a) || a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();

        return new ModuleCatalog(modules, scanned);
    }

    // A module that uses another's .Contracts comes after it, so start-up work (seeding) can rely on it.
    private static List<IModule> InDependencyOrder(List<IModule> modules)
    {
        var ordered = new List<IModule>();
        var remaining = new List<IModule>(modules);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(candidate => remaining.All(other => other == candidate || !Uses(candidate, other)))
                ?? throw new InvalidOperationException("The modules' contracts depend on each other in a cycle.");
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static bool Uses(IModule module, IModule other)
    {
        var contracts = other.GetType().Assembly.GetName().Name + ".Contracts";
        return module.GetType().Assembly.GetReferencedAssemblies().Any(reference => reference.Name == contracts);
    }
}
