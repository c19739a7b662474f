namespace Samordning.ArchitectureTests;

// The host rules applied to the real, running composition. HostRulesTests shows that each rule fails when broken.
public sealed class HostBoundaryTests(RunningHost host) : IClassFixture<RunningHost>
{
    public static TheoryData<string> ModulesAndHost =>
        [.. SolutionAssemblies.All.Where(a => ModuleRules.KindOf(a.Name) is AssemblyKind.Module or AssemblyKind.Host).Select(a => a.Name)];

    [Fact]
    public void ApiRoutes_Host_UnderTheOwningModulesPrefix()
    {
        // Not vacuous: the modules' API endpoints were found and attributed.
        Assert.Contains(host.Endpoints, e => e.Route.StartsWith("/api/ministries", StringComparison.Ordinal) && e.OwnerAssembly == "Samordning.Ministries");
        Assert.Empty(HostRules.ApiRoutesUnderOwningModule(host.Endpoints, host.ModuleNames));
    }

    [Fact]
    public void Stores_Host_MapOnlyTheirOwnModulesEntities()
    {
        Assert.Contains(host.Mappings, m => m.EntityAssembly == "Samordning.Meetings");
        Assert.Empty(HostRules.ContextsMapOnlyOwnEntities(host.Mappings));
    }

    [Theory]
    [MemberData(nameof(ModulesAndHost))]
    public void SqlText_ModuleOrHost_NamesNoOtherModulesTable(string name) =>
        Assert.Empty(HostRules.SqlTextNamesNoOtherModulesTable(name, RunningHost.Literals(name), host.TablesByAssembly));
}
