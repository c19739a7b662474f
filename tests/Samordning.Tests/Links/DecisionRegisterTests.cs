using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Shared.Time;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Links;

// Issue 16, point 2: the decision register across meetings (/moter/beslutninger, GET /api/meetings/decisions)
// with its filters, its paging, and its CSV and Excel exports, only ever from meetings the reader may read.
public sealed class DecisionRegisterTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(Guid MeetingId, Guid OtherMeetingId, Guid InitiativeId, Guid WorkstreamId, string Tag);

    // Two meetings with a decision each; the first's decision linked to an initiative, the second meeting to a workstream.
    private async Task<Arranged> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var initiative = await data.InitiativeAsync("FIN");
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var first = await data.LiveMeetingAsync($"Første møte {tag}");
        var second = await data.LiveMeetingAsync($"Andre møte {tag}", workstreamIds: [workstream.Id]);
        await data.EntryAsync(first.Id, new EntryRequest(EntryKind.Decision, $"Vi velger modell A {tag}", InitiativeId: initiative.Id));
        await data.EntryAsync(first.Id, new EntryRequest(EntryKind.Note, $"Bare et notat {tag}"));
        await data.EntryAsync(second.Id, new EntryRequest(EntryKind.Decision, $"=HYPERLINK(\"x\") Budsjettet vedtas {tag}"));
        return new(first.Id, second.Id, initiative.Id, workstream.Id, tag);
    }

    private async Task<List<string>> TextsAsync(string email, string query)
    {
        var json = await LinkTestData.JsonAsync(await factory.CreateClientAs(email).GetAsync("/api/meetings/decisions?" + query, Ct), HttpStatusCode.OK);
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!)];
    }

    [Fact]
    public async Task List_TextFilter_DecisionsOnlyNewestFirst()
    {
        var a = await ArrangeAsync();

        var texts = await TextsAsync(People.Coordinator, $"q={a.Tag}");

        Assert.Equal([$"=HYPERLINK(\"x\") Budsjettet vedtas {a.Tag}", $"Vi velger modell A {a.Tag}"], texts);
    }

    [Fact]
    public async Task List_EachFilter_OnlyMatchingDecisions()
    {
        var a = await ArrangeAsync();
        var fin = (await data.Workstreams.MinistryAsync("FIN")).Id;
        var kmd = (await data.Workstreams.MinistryAsync("KMD")).Id;
        var today = Oslo.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = Oslo.DateOf(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([$"Vi velger modell A {a.Tag}"], await TextsAsync(People.Coordinator, $"q={a.Tag}&meetingId={a.MeetingId}"));
        Assert.Equal([$"Vi velger modell A {a.Tag}"], await TextsAsync(People.Coordinator, $"q={a.Tag}&initiativeId={a.InitiativeId}"));
        Assert.Equal([$"=HYPERLINK(\"x\") Budsjettet vedtas {a.Tag}"], await TextsAsync(People.Coordinator, $"q={a.Tag}&workstreamId={a.WorkstreamId}"));
        Assert.Equal(2, (await TextsAsync(People.Coordinator, $"q={a.Tag}&ministryId={kmd}")).Count);
        Assert.Empty(await TextsAsync(People.Coordinator, $"q={a.Tag}&ministryId={fin}"));
        Assert.Equal(2, (await TextsAsync(People.Coordinator, $"q={a.Tag}&from={today}&to={today}")).Count);
        Assert.Empty(await TextsAsync(People.Coordinator, $"q={a.Tag}&to={yesterday}"));
    }

    // Half past midnight in Oslo is the evening before in UTC (23:30 in winter, 22:30 in summer); stored at offset 0
    // and asked for with Oslo's, the instant must still be on the Oslo day (CI met it failing after 23:00 UTC).
    [Fact]
    public async Task List_DecisionJustAfterMidnightInOslo_OnThatOsloDay()
    {
        var a = await ArrangeAsync();
        var today = Oslo.DateOf(DateTimeOffset.UtcNow);
        var halfPastMidnight = today.ToDateTime(new TimeOnly(0, 30));
        var written = new DateTimeOffset(halfPastMidnight, Oslo.TimeZone.GetUtcOffset(halfPastMidnight)).ToUniversalTime();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
            await db.Entries.Where(e => e.MeetingId == a.MeetingId).ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, written), Ct);
        }

        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([$"Vi velger modell A {a.Tag}"], await TextsAsync(People.Coordinator, $"q={a.Tag}&meetingId={a.MeetingId}&from={day}&to={day}"));
        Assert.Empty(await TextsAsync(People.Coordinator, $"q={a.Tag}&meetingId={a.MeetingId}&to={before}"));
    }

    [Fact]
    public async Task List_ReaderOfAnotherMinistry_NoDecisionOfAMeetingTheyMayNotRead()
    {
        var a = await ArrangeAsync();

        Assert.Equal(2, (await TextsAsync(People.ContactPersonFin, $"q={a.Tag}")).Count);
        Assert.Empty(await TextsAsync(People.ContactPersonHod, $"q={a.Tag}"));
        var page = await data.PageAsync(People.ContactPersonHod, $"/moter/beslutninger?q={a.Tag}");
        Assert.Contains("Ingen beslutninger passer.", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Vi velger modell A {a.Tag}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Første møte {a.Tag}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ToBeforeFrom_400NamingTo()
    {
        var response = await factory.CreateClientAs(People.Coordinator).GetAsync("/api/meetings/decisions?from=2030-02-01&to=2030-01-01", Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Til-datoen kan ikke være før fra-datoen."], errors["To"]);
    }

    [Fact]
    public async Task Page_FilterByInitiative_GetFormWithoutScriptListsTheDecisionAndExportLinksKeepTheFilter()
    {
        var a = await ArrangeAsync();

        var page = await data.PageAsync(People.Coordinator, $"/moter/beslutninger?initiativeId={a.InitiativeId}");

        Assert.Contains("<form method=\"get\" class=\"filter-form\"", page, StringComparison.Ordinal);
        Assert.Contains($"Vi velger modell A {a.Tag}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Budsjettet vedtas {a.Tag}", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/meetings/decisions/export.csv?initiativeId={a.InitiativeId}\"", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"ds-label\" for=\"InitiativeId\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_MoreThanAPage_PagedWithTotal()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var meeting = await data.LiveMeetingAsync($"Langt møte {tag}");
        for (var i = 0; i < 101; i++)
        {
            await data.EntryAsync(meeting.Id, new EntryRequest(EntryKind.Decision, $"Beslutning {i} {tag}"));
        }

        var first = await data.PageAsync(People.Coordinator, $"/moter/beslutninger?meetingId={meeting.Id}");
        var second = await data.PageAsync(People.Coordinator, $"/moter/beslutninger?meetingId={meeting.Id}&side=2");

        Assert.Contains("1–100 av 101 beslutninger", first, StringComparison.Ordinal);
        Assert.Contains("101–101 av 101 beslutninger", second, StringComparison.Ordinal);
        Assert.Contains($"Beslutning 0 {tag}", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_Filtered_FormulaDefused()
    {
        var a = await ArrangeAsync();

        var response = await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/meetings/decisions/export.csv?q={a.Tag}&workstreamId={a.WorkstreamId}", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"'=HYPERLINK(\"\"x\"\") Budsjettet vedtas {a.Tag}\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("modell A", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportXlsx_Filtered_TheDecisionAsTextInTheSheet()
    {
        var a = await ArrangeAsync();

        var response = await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/meetings/decisions/export.xlsx?q={a.Tag}&initiativeId={a.InitiativeId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        var sheets = string.Join("\n", zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains($"Vi velger modell A {a.Tag}", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("Budsjettet", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheets, StringComparison.Ordinal);
    }
}
