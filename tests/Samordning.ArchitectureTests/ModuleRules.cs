namespace Samordning.ArchitectureTests;

// What the rules need to know of one assembly; read from the real build by SolutionAssemblies, or written by hand
// in ModuleRulesTests to show that each rule catches what it should.
public sealed record AssemblyFacts(string Name, IReadOnlyList<string> References, IReadOnlyList<TypeFacts> Types);

// IsPublic means visible outside the assembly (public, or nested public in a public type). IsGenerated marks
// compiler-generated types. EF Core migrations are not exempt: build/add-migration makes them internal.
// Interfaces lists the interfaces a concrete class implements (empty for anything else).
public sealed record TypeFacts(string FullName, bool IsPublic, bool IsModuleClass, bool IsGenerated, bool IsInterface = false, IReadOnlyList<string>? Interfaces = null);

public enum AssemblyKind
{
    Shared,
    Contracts,
    Module,
    Host,
}

// The module boundary rules of ARCHITECTURE.md as pure functions. Each returns the violations it finds, as
// sentences a developer can act on; an empty list means the rule holds.
public static class ModuleRules
{
    public const string SharedName = "Samordning.Shared";
    public const string HostName = "Samordning.Host";

    public static AssemblyKind KindOf(string name) => name switch
    {
        SharedName => AssemblyKind.Shared,
        HostName => AssemblyKind.Host,
        _ when name.EndsWith(".Contracts", StringComparison.Ordinal) => AssemblyKind.Contracts,
        _ => AssemblyKind.Module,
    };

    // Only references to the solution's own assemblies matter; framework and packages are not module boundaries.
    private static IEnumerable<string> OwnReferences(AssemblyFacts assembly) =>
        assembly.References.Where(r => r.StartsWith("Samordning.", StringComparison.Ordinal) && r != assembly.Name).Distinct();

    // (a) A module references Samordning.Shared and .Contracts assemblies, never another module or the host.
    public static IReadOnlyList<string> ModuleReferencesOnlySharedAndContracts(AssemblyFacts module) =>
        KindOf(module.Name) != AssemblyKind.Module
            ? []
            : [.. OwnReferences(module)
                .Where(r => KindOf(r) is AssemblyKind.Module or AssemblyKind.Host)
                .Select(r => $"{module.Name} references {r}; a module may reference only {SharedName} and .Contracts assemblies.")];

    // (b) A .Contracts assembly references no module implementation (nor the host): it must stay cheap to depend on.
    public static IReadOnlyList<string> ContractsReferenceNoModule(AssemblyFacts contracts) =>
        KindOf(contracts.Name) != AssemblyKind.Contracts
            ? []
            : [.. OwnReferences(contracts)
                .Where(r => KindOf(r) is AssemblyKind.Module or AssemblyKind.Host)
                .Select(r => $"{contracts.Name} references the implementation {r}; contracts may reference only {SharedName} and other contracts.")];

    // (c) In a module, the only public type is its IModule class. Compiler-generated types are not the module's
    // design: Razor compiles every .cshtml into a public class in the AspNetCoreGeneratedDocument namespace, and a
    // module cannot make those internal, so they are left out.
    public static IReadOnlyList<string> OnlyPublicTypeIsModuleClass(AssemblyFacts module) =>
        KindOf(module.Name) != AssemblyKind.Module
            ? []
            : [.. module.Types
                .Where(t => t.IsPublic && !t.IsModuleClass && !IsGenerated(t))
                .Select(t => $"{t.FullName} in {module.Name} is public; only the module's IModule class may be (make it internal).")];

    // (d) A module has exactly one IModule class, and the host can see it.
    public static IReadOnlyList<string> ExactlyOneModuleClass(AssemblyFacts module)
    {
        if (KindOf(module.Name) != AssemblyKind.Module)
        {
            return [];
        }

        var modules = module.Types.Where(t => t.IsModuleClass).ToList();
        return modules switch
        {
            [] => [$"{module.Name} has no IModule class; the host cannot load it."],
            [{ IsPublic: false } only] => [$"{only.FullName} in {module.Name} is not public; the host finds modules by their public IModule class."],
            [_] => [],
            _ => [$"{module.Name} has {modules.Count} IModule classes ({string.Join(", ", modules.Select(m => m.FullName))}); a module has exactly one."],
        };
    }

    // (e) Shared is the kernel every module builds on; it references no module, no contracts and not the host.
    public static IReadOnlyList<string> SharedReferencesNoModule(AssemblyFacts shared) =>
        KindOf(shared.Name) != AssemblyKind.Shared
            ? []
            : [.. OwnReferences(shared)
                .Where(r => KindOf(r) is not AssemblyKind.Shared)
                .Select(r => $"{shared.Name} references {r}; the shared kernel may reference no module, contracts or host.")];

    // (f) Each public interface of a .Contracts assembly has exactly one implementation in the solution: the owning
    // module's. Two would leave the host's scan to pick one; none leaves callers with nothing to resolve.
    public static IReadOnlyList<string> ContractInterfacesImplementedOnce(IReadOnlyList<AssemblyFacts> assemblies)
    {
        var implementations = assemblies
            .SelectMany(a => a.Types)
            .SelectMany(t => (t.Interfaces ?? []).Select(i => (Interface: i, Type: t.FullName)))
            .ToLookup(x => x.Interface, x => x.Type, StringComparer.Ordinal);

        return
        [
            .. assemblies
                .Where(a => KindOf(a.Name) == AssemblyKind.Contracts)
                .SelectMany(a => a.Types.Where(t => t is { IsInterface: true, IsPublic: true }).Select(t => (Assembly: a.Name, t.FullName)))
                .Select(i => (i.Assembly, i.FullName, Types: implementations[i.FullName].ToList()))
                .Where(i => i.Types.Count != 1)
                .Select(i => i.Types.Count == 0
                    ? $"{i.FullName} in {i.Assembly} has no implementation; its module must implement it."
                    : $"{i.FullName} in {i.Assembly} has {i.Types.Count} implementations ({string.Join(", ", i.Types)}); a contract has exactly one."),
        ];
    }

    public static IReadOnlyList<string> All(AssemblyFacts assembly) =>
    [
        .. SharedReferencesNoModule(assembly),
        .. ModuleReferencesOnlySharedAndContracts(assembly),
        .. ContractsReferenceNoModule(assembly),
        .. OnlyPublicTypeIsModuleClass(assembly),
        .. ExactlyOneModuleClass(assembly),
    ];

    private static bool IsGenerated(TypeFacts type) =>
        type.IsGenerated || type.FullName.StartsWith("AspNetCoreGeneratedDocument.", StringComparison.Ordinal);
}
