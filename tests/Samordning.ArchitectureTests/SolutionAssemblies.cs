using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyModel;
using Samordning.Shared.Modules;

namespace Samordning.ArchitectureTests;

// The assemblies the host is built with, found the way the host finds its modules: the project libraries named
// Samordning.* in the host's deps.json.
public static class SolutionAssemblies
{
    private static readonly Lazy<IReadOnlyList<AssemblyFacts>> Loaded = new(Load);

    public static IReadOnlyList<AssemblyFacts> All => Loaded.Value;

    private static List<AssemblyFacts> Load()
    {
        var context = DependencyContext.Load(typeof(Program).Assembly)
            ?? throw new InvalidOperationException("The host's deps.json was not found next to Samordning.Host.dll.");

        return
        [
            .. context.RuntimeLibraries
                .Where(library => library.Type == "project" && library.Name.StartsWith("Samordning.", StringComparison.Ordinal))
                .Select(library => Facts(library, Assembly.Load(new AssemblyName(library.Name)))),
        ];
    }

    private static AssemblyFacts Facts(RuntimeLibrary library, Assembly assembly)
    {
        // Both what the project declares (deps.json, which shows a project reference even before any code uses it)
        // and what the compiled code actually uses (metadata references).
        var references = library.Dependencies.Select(d => d.Name)
            .Concat(assembly.GetReferencedAssemblies().Select(a => a.Name!))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var types = assembly.GetTypes()
            .Select(t => new TypeFacts(
                t.FullName ?? t.Name,
                t.IsVisible,
                t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t),
                t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false),
                t.IsInterface,
                t is { IsClass: true, IsAbstract: false } ? [.. t.GetInterfaces().Select(i => i.FullName ?? i.Name)] : []))
            .ToList();

        return new AssemblyFacts(library.Name, references, types);
    }
}
