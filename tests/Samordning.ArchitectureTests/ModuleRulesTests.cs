namespace Samordning.ArchitectureTests;

// Synthetic assemblies that break (or keep) each rule, so the rules are shown to fail when broken.
public sealed class ModuleRulesTests
{
    private static readonly TypeFacts MeetingsModule = Type("Samordning.Meetings.MeetingsModule", isPublic: true, isModule: true);
    private static readonly TypeFacts InternalEndpoint = Type("Samordning.Meetings.AddNote", isPublic: false);

    [Theory]
    [InlineData("Samordning.Shared", AssemblyKind.Shared)]
    [InlineData("Samordning.Host", AssemblyKind.Host)]
    [InlineData("Samordning.Ministries.Contracts", AssemblyKind.Contracts)]
    [InlineData("Samordning.Meetings", AssemblyKind.Module)]
    public void KindOf_Name_Kind(string name, AssemblyKind expected) => Assert.Equal(expected, ModuleRules.KindOf(name));

    [Fact]
    public void ModuleReferences_SharedContractsAndFramework_NoViolation()
    {
        var module = Meetings(references: ["Samordning.Shared", "Samordning.Ministries.Contracts", "Samordning.Meetings.Contracts", "System.Runtime"]);
        Assert.Empty(ModuleRules.ModuleReferencesOnlySharedAndContracts(module));
    }

    [Fact]
    public void ModuleReferences_OtherModuleImplementation_Violation()
    {
        var violation = Assert.Single(ModuleRules.ModuleReferencesOnlySharedAndContracts(Meetings(references: ["Samordning.Shared", "Samordning.Ministries"])));
        Assert.Contains("Samordning.Ministries", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleReferences_Host_Violation() =>
        Assert.Single(ModuleRules.ModuleReferencesOnlySharedAndContracts(Meetings(references: ["Samordning.Host"])));

    [Fact]
    public void ContractsReferences_SharedAndOtherContracts_NoViolation() =>
        Assert.Empty(ModuleRules.ContractsReferenceNoModule(
            new AssemblyFacts("Samordning.Meetings.Contracts", ["Samordning.Shared", "Samordning.Ministries.Contracts"], [])));

    [Fact]
    public void ContractsReferences_ModuleImplementation_Violation()
    {
        var contracts = new AssemblyFacts("Samordning.Meetings.Contracts", ["Samordning.Shared", "Samordning.Meetings"], []);
        Assert.Single(ModuleRules.ContractsReferenceNoModule(contracts));
    }

    [Fact]
    public void PublicTypes_OnlyModuleClassPublic_NoViolation() =>
        Assert.Empty(ModuleRules.OnlyPublicTypeIsModuleClass(Meetings(types: [MeetingsModule, InternalEndpoint])));

    [Fact]
    public void PublicTypes_PublicEntity_Violation()
    {
        var module = Meetings(types: [MeetingsModule, Type("Samordning.Meetings.Data.Meeting", isPublic: true)]);
        var violation = Assert.Single(ModuleRules.OnlyPublicTypeIsModuleClass(module));
        Assert.Contains("Samordning.Meetings.Data.Meeting", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicTypes_RazorOrCompilerGenerated_Ignored()
    {
        var module = Meetings(types:
        [
            MeetingsModule,
            Type("AspNetCoreGeneratedDocument.Pages_Moter_Index", isPublic: true),
            Type("Samordning.Meetings.<>f__AnonymousType0`1", isPublic: true, isGenerated: true),
        ]);
        Assert.Empty(ModuleRules.OnlyPublicTypeIsModuleClass(module));
    }

    [Fact]
    public void PublicTypes_ContractsAssembly_NotChecked() =>
        Assert.Empty(ModuleRules.OnlyPublicTypeIsModuleClass(
            new AssemblyFacts("Samordning.Meetings.Contracts", [], [Type("Samordning.Meetings.Contracts.MeetingInfo", isPublic: true)])));

    [Fact]
    public void ModuleClasses_One_NoViolation() => Assert.Empty(ModuleRules.ExactlyOneModuleClass(Meetings(types: [MeetingsModule])));

    [Fact]
    public void ModuleClasses_None_Violation() => Assert.Single(ModuleRules.ExactlyOneModuleClass(Meetings(types: [InternalEndpoint])));

    [Fact]
    public void ModuleClasses_Two_Violation() =>
        Assert.Single(ModuleRules.ExactlyOneModuleClass(Meetings(types: [MeetingsModule, Type("Samordning.Meetings.OtherModule", isPublic: true, isModule: true)])));

    [Fact]
    public void ModuleClasses_OneInternal_Violation() =>
        Assert.Single(ModuleRules.ExactlyOneModuleClass(Meetings(types: [Type("Samordning.Meetings.MeetingsModule", isPublic: false, isModule: true)])));

    [Fact]
    public void SharedReferences_FrameworkOnly_NoViolation() =>
        Assert.Empty(ModuleRules.SharedReferencesNoModule(new AssemblyFacts("Samordning.Shared", ["System.Runtime", "Microsoft.EntityFrameworkCore"], [])));

    [Theory]
    [InlineData("Samordning.Meetings")]
    [InlineData("Samordning.Meetings.Contracts")]
    [InlineData("Samordning.Host")]
    public void SharedReferences_ModuleContractsOrHost_Violation(string reference)
    {
        var violation = Assert.Single(ModuleRules.SharedReferencesNoModule(new AssemblyFacts("Samordning.Shared", [reference], [])));
        Assert.Contains(reference, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void ContractInterfaces_OneImplementation_NoViolation() =>
        Assert.Empty(ModuleRules.ContractInterfacesImplementedOnce([DirectoryContract, Implementation("Samordning.Meetings", "DirectoryA")]));

    [Fact]
    public void ContractInterfaces_NoImplementation_Violation() =>
        Assert.Contains("no implementation", Assert.Single(ModuleRules.ContractInterfacesImplementedOnce([DirectoryContract])), StringComparison.Ordinal);

    [Fact]
    public void ContractInterfaces_TwoImplementations_Violation()
    {
        var violation = Assert.Single(ModuleRules.ContractInterfacesImplementedOnce(
            [DirectoryContract, Implementation("Samordning.Meetings", "DirectoryA"), Implementation("Samordning.Host", "DirectoryB")]));
        Assert.Contains("DirectoryB", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void All_EveryRuleBroken_EveryViolation()
    {
        var module = Meetings(
            references: ["Samordning.Ministries"],
            types: [Type("Samordning.Meetings.Data.Meeting", isPublic: true)]);

        // Another module referenced, a public entity, and no module class.
        Assert.Equal(3, ModuleRules.All(module).Count);
    }

    private static readonly AssemblyFacts DirectoryContract = new("Samordning.Meetings.Contracts", ["Samordning.Shared"],
        [new TypeFacts("Samordning.Meetings.Contracts.IMeetingDirectory", IsPublic: true, IsModuleClass: false, IsGenerated: false, IsInterface: true)]);

    private static AssemblyFacts Implementation(string assembly, string type) =>
        new(assembly, [], [new TypeFacts($"{assembly}.{type}", IsPublic: false, IsModuleClass: false, IsGenerated: false, Interfaces: ["Samordning.Meetings.Contracts.IMeetingDirectory"])]);

    private static AssemblyFacts Meetings(IReadOnlyList<string>? references = null, IReadOnlyList<TypeFacts>? types = null) =>
        new("Samordning.Meetings", references ?? ["Samordning.Shared"], types ?? [MeetingsModule]);

    private static TypeFacts Type(string fullName, bool isPublic, bool isModule = false, bool isGenerated = false) =>
        new(fullName, isPublic, isModule, isGenerated);
}
