using System.Text.RegularExpressions;

namespace Samordning.ArchitectureTests;

// One endpoint of the running host: its route pattern and the assembly its handler is declared in (null when the
// endpoint carries no handler method, as a hub or a health check).
public sealed record EndpointFacts(string Route, string? OwnerAssembly);

// One entity type a module store's DbContext maps, and the assembly each is declared in.
public sealed record MappingFacts(string Context, string ContextAssembly, string Entity, string EntityAssembly, string Table);

// The rules that need the host's composition (its routes, its DbContext models) or the compiled code's string
// literals, as pure functions over facts. HostBoundaryTests applies them to the real host; HostRulesTests shows
// that each fails when broken.
public static class HostRules
{
    private const string Api = "/api";

    // (g) Every API route sits under /api/<module>, where <module> is the name of the module whose assembly declares
    // the handler (IModule.Name). The host's own API routes (the live feed) take no module's name.
    public static IReadOnlyList<string> ApiRoutesUnderOwningModule(IReadOnlyList<EndpointFacts> endpoints, IReadOnlyDictionary<string, string> moduleNames)
    {
        var violations = new List<string>();
        foreach (var endpoint in endpoints.Where(e => IsApi(e.Route)))
        {
            var first = endpoint.Route.Length > Api.Length ? endpoint.Route[(Api.Length + 1)..].Split('/')[0] : "";
            if (endpoint.OwnerAssembly is null)
            {
                violations.Add($"{endpoint.Route} has no handler method to tell which module owns it; map API endpoints as module slices.");
            }
            else if (moduleNames.TryGetValue(endpoint.OwnerAssembly, out var module))
            {
                if (!string.Equals(first, module, StringComparison.Ordinal))
                {
                    violations.Add($"{endpoint.Route} is declared in {endpoint.OwnerAssembly}; its API routes belong under {Api}/{module}/.");
                }
            }
            else if (moduleNames.Values.Contains(first, StringComparer.Ordinal))
            {
                violations.Add($"{endpoint.Route} is declared in {endpoint.OwnerAssembly}, not in the module whose prefix {Api}/{first}/ it takes.");
            }
        }

        return violations;
    }

    // (h) A module store maps only its own entities (and the shared kernel's, like the outbox, of which each store
    // has its own table): a DbContext that maps another module's entity could write that module's rows.
    public static IReadOnlyList<string> ContextsMapOnlyOwnEntities(IReadOnlyList<MappingFacts> mappings) =>
    [
        .. mappings
            .Where(m => m.EntityAssembly.StartsWith("Samordning.", StringComparison.Ordinal)
                && ModuleRules.KindOf(m.EntityAssembly) == AssemblyKind.Module
                && m.EntityAssembly != m.ContextAssembly)
            .Select(m => $"{m.Context} ({m.ContextAssembly}) maps {m.Entity} of {m.EntityAssembly}; a store maps only its own module's entities."),
    ];

    // (i) No SQL text in a module (or the host) names another module's table: raw SQL would write past the other
    // module's DbContext. A table name counts when it is delimited as SQL writes it ("Table", [Table], `Table`) or
    // qualified by the owner's schema (store.Table). Names the assembly's own store also uses are its own.
    public static IReadOnlyList<string> SqlTextNamesNoOtherModulesTable(
        string assembly, IReadOnlyList<string> literals, IReadOnlyDictionary<string, (string Store, IReadOnlyList<string> Tables)> tablesByAssembly)
    {
        var own = tablesByAssembly.TryGetValue(assembly, out var mine) ? mine.Tables.ToHashSet(StringComparer.Ordinal) : [];
        var violations = new List<string>();
        foreach (var (other, (store, tables)) in tablesByAssembly.Where(t => t.Key != assembly))
        {
            foreach (var table in tables.Where(t => !own.Contains(t)))
            {
                var pattern = new Regex($@"[""\[`]{Regex.Escape(table)}[""\]`]|\b{Regex.Escape(store)}\s*\.\s*[""\[]?{Regex.Escape(table)}\b", RegexOptions.CultureInvariant);
                violations.AddRange(literals
                    .Where(l => pattern.IsMatch(l))
                    .Select(l => $"{assembly} holds the SQL text \"{Shorten(l)}\" naming {other}'s table {table}; a module writes only its own tables."));
            }
        }

        return violations;
    }

    private static bool IsApi(string route) =>
        route == Api || route.StartsWith(Api + "/", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
