namespace Samordning.ArchitectureTests;

// The rules applied to the real build. ModuleRulesTests shows that each rule fails when broken.
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules =>
        [.. SolutionAssemblies.All.Where(a => ModuleRules.KindOf(a.Name) == AssemblyKind.Module).Select(a => a.Name)];

    public static TheoryData<string> Contracts =>
        [.. SolutionAssemblies.All.Where(a => ModuleRules.KindOf(a.Name) == AssemblyKind.Contracts).Select(a => a.Name)];

    [Fact]
    public void Discovery_HostDepsJson_FindsTheKnownAssemblies()
    {
        // Guards against the rules passing vacuously because nothing was loaded.
        var names = SolutionAssemblies.All.Select(a => a.Name).ToList();

        Assert.Contains(ModuleRules.HostName, names);
        Assert.Contains(ModuleRules.SharedName, names);
        Assert.Contains("Samordning.Ministries", names);
        Assert.Contains("Samordning.Ministries.Contracts", names);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void ModuleReferences_Module_OnlySharedAndContracts(string name) =>
        Assert.Empty(ModuleRules.ModuleReferencesOnlySharedAndContracts(Get(name)));

    [Theory]
    [MemberData(nameof(Contracts))]
    public void ContractsReferences_Contracts_NoModuleImplementation(string name) =>
        Assert.Empty(ModuleRules.ContractsReferenceNoModule(Get(name)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void PublicTypes_Module_OnlyTheModuleClass(string name) =>
        Assert.Empty(ModuleRules.OnlyPublicTypeIsModuleClass(Get(name)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void ModuleClasses_Module_ExactlyOnePublic(string name) =>
        Assert.Empty(ModuleRules.ExactlyOneModuleClass(Get(name)));

    [Fact]
    public void SharedReferences_Shared_NoModule() =>
        Assert.Empty(ModuleRules.SharedReferencesNoModule(Get(ModuleRules.SharedName)));

    [Fact]
    public void ContractInterfaces_Solution_ExactlyOneImplementationEach()
    {
        // Not vacuous: the contracts do declare interfaces.
        Assert.Contains(SolutionAssemblies.All.SelectMany(a => a.Types), t => t.IsInterface && t.FullName.EndsWith(".INotificationSender", StringComparison.Ordinal));
        Assert.Empty(ModuleRules.ContractInterfacesImplementedOnce(SolutionAssemblies.All));
    }

    private static AssemblyFacts Get(string name) => SolutionAssemblies.All.Single(a => a.Name == name);
}
