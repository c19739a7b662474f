using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Modules;
using Samordning.Shared.Persistence;

namespace Samordning.ArchitectureTests;

// The host as it composes itself (on SQLite files in a temp folder, no job server): its endpoints and the models of
// its module stores are only known once Program has run. Also reads the string literals of the compiled assemblies.
public sealed class RunningHost : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("samordning-architecture-").FullName;
    private Factory? factory;

    public IReadOnlyList<EndpointFacts> Endpoints { get; private set; } = [];

    public IReadOnlyList<MappingFacts> Mappings { get; private set; } = [];

    // The assembly of each module and the store (schema) name it registers as IModule.Name.
    public IReadOnlyDictionary<string, string> ModuleNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, (string Store, IReadOnlyList<string> Tables)> TablesByAssembly { get; private set; } =
        new Dictionary<string, (string, IReadOnlyList<string>)>();

    public async ValueTask InitializeAsync()
    {
        factory = new Factory(dataFolder);
        var services = factory.Services;

        Endpoints =
        [
            .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e => new EndpointFacts(
                    "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                    e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly.GetName().Name)),
        ];

        ModuleNames = SolutionAssemblies.All
            .Where(a => ModuleRules.KindOf(a.Name) == AssemblyKind.Module)
            .ToDictionary(a => a.Name, a => ModuleOf(Assembly.Load(new AssemblyName(a.Name))).Name, StringComparer.Ordinal);

        await using var scope = services.CreateAsyncScope();
        var mappings = new List<MappingFacts>();
        var tables = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var contextAssembly = database.ContextType.Assembly.GetName().Name!;
            var mapped = db.Model.GetEntityTypes()
                .Select(e => new MappingFacts(database.ContextType.Name, contextAssembly, e.ClrType.FullName ?? e.Name, e.ClrType.Assembly.GetName().Name!, e.GetTableName() ?? ""))
                .ToList();
            mappings.AddRange(mapped);
            tables[contextAssembly] = (database.Store, [.. mapped.Where(m => m.EntityAssembly == contextAssembly && m.Table.Length > 0).Select(m => m.Table).Distinct()]);
        }

        Mappings = mappings;
        TablesByAssembly = tables;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Directory.Delete(dataFolder, recursive: true);
    }

    // Every string literal the assembly's code holds (the #US heap), which is where SQL text written in C# ends up.
    public static IReadOnlyList<string> Literals(string assemblyName)
    {
        using var pe = new PEReader(File.OpenRead(Assembly.Load(new AssemblyName(assemblyName)).Location));
        var metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            literals.Add(metadata.GetUserString(handle));
        }

        return literals;
    }

    private static IModule ModuleOf(Assembly assembly) =>
        (IModule)Activator.CreateInstance(assembly.GetTypes().Single(t => t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t)))!;

    private sealed class Factory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", folder);
            builder.UseSetting("Jobs:RunServer", "false");
        }
    }
}
