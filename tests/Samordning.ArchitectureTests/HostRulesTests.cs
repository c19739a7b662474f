namespace Samordning.ArchitectureTests;

// Synthetic routes, mappings and literals that break (or keep) each host rule, so the rules are shown to fail when broken.
public sealed class HostRulesTests
{
    private static readonly Dictionary<string, string> Modules = new(StringComparer.Ordinal)
    {
        ["Samordning.Meetings"] = "meetings",
        ["Samordning.Workstreams"] = "workstreams",
    };

    private static readonly Dictionary<string, (string Store, IReadOnlyList<string> Tables)> Tables = new(StringComparer.Ordinal)
    {
        ["Samordning.Meetings"] = ("meetings", ["Meetings", "Rounds"]),
        ["Samordning.Workstreams"] = ("workstreams", ["Workstreams", "Rounds"]),
    };

    [Fact]
    public void ApiRoutes_OwnPrefixPagesAndHostFeed_NoViolation() =>
        Assert.Empty(HostRules.ApiRoutesUnderOwningModule(
        [
            new("/api/meetings", "Samordning.Meetings"),
            new("/api/meetings/{id}/entries", "Samordning.Meetings"),
            new("/moter/{id}", null),
            new("/api/live", "Samordning.Host"),
        ], Modules));

    [Fact]
    public void ApiRoutes_OtherModulesPrefix_Violation()
    {
        var violation = Assert.Single(HostRules.ApiRoutesUnderOwningModule([new("/api/workstreams/meetings", "Samordning.Meetings")], Modules));
        Assert.Contains("/api/meetings/", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiRoutes_NoModulePrefix_Violation() =>
        Assert.Single(HostRules.ApiRoutesUnderOwningModule([new("/api/entries/{id}", "Samordning.Meetings")], Modules));

    [Fact]
    public void ApiRoutes_PrefixOnlyStartsTheSegment_Violation() =>
        Assert.Single(HostRules.ApiRoutesUnderOwningModule([new("/api/meetingsx", "Samordning.Meetings")], Modules));

    [Fact]
    public void ApiRoutes_HostTakesModulePrefix_Violation() =>
        Assert.Single(HostRules.ApiRoutesUnderOwningModule([new("/api/meetings/live", "Samordning.Host")], Modules));

    [Fact]
    public void ApiRoutes_NoHandler_Violation() =>
        Assert.Single(HostRules.ApiRoutesUnderOwningModule([new("/api/hub", null)], Modules));

    [Fact]
    public void Mappings_OwnAndSharedEntities_NoViolation() =>
        Assert.Empty(HostRules.ContextsMapOnlyOwnEntities(
        [
            new("MeetingsDbContext", "Samordning.Meetings", "Samordning.Meetings.Data.Meeting", "Samordning.Meetings", "Meetings"),
            new("MeetingsDbContext", "Samordning.Meetings", "Samordning.Shared.Persistence.OutboxMessage", "Samordning.Shared", "Outbox"),
            new("HostDbContext", "Samordning.Host", "OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken", "OpenIddict.EntityFrameworkCore.Models", "OpenIddictTokens"),
        ]));

    [Fact]
    public void Mappings_OtherModulesEntity_Violation()
    {
        var violation = Assert.Single(HostRules.ContextsMapOnlyOwnEntities(
            [new("WorkstreamsDbContext", "Samordning.Workstreams", "Samordning.Meetings.Data.Meeting", "Samordning.Meetings", "Meetings")]));
        Assert.Contains("Samordning.Meetings.Data.Meeting", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM \"Workstreams\"")]
    [InlineData("UPDATE [Meetings] SET X = 1")]
    [InlineData("DELETE FROM meetings.Meetings WHERE 1 = 0")]
    public void SqlText_NamesOtherModulesTable_Violation(string sql)
    {
        var assembly = sql.Contains("Workstreams", StringComparison.Ordinal) ? "Samordning.Meetings" : "Samordning.Workstreams";
        Assert.Single(HostRules.SqlTextNamesNoOtherModulesTable(assembly, [sql], Tables));
    }

    [Theory]
    [InlineData("UPDATE \"Rounds\" SET X = 1")]
    [InlineData("Møter i arbeidsstrømmen")]
    [InlineData("Meetings")]
    [InlineData("INSERT INTO \"Meetings\" VALUES (1)")]
    public void SqlText_OwnTablesOrProse_NoViolation(string text) =>
        Assert.Empty(HostRules.SqlTextNamesNoOtherModulesTable("Samordning.Meetings", [text], Tables));
}
