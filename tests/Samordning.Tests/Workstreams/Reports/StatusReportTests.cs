using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Samordning.Shared.Text;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Overlaps;
using Samordning.Workstreams.Reports;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Reports;

// The status report through the host: made and kept by coordinators only, its figures those of the dashboard, what
// changed since the report before, and the kept Word document returned exactly as it was made.
public sealed partial class StatusReportTests : IAsyncLifetime
{
    private readonly Mock<IOpenOverlaps> overlaps = new();
    private SamordningFactory factory = null!;
    private WorkstreamsApi api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        factory = new SamordningFactory();
        api = new WorkstreamsApi(factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private async Task<StatusReportDetails> MakeAsync(SamordningFactory? host = null) =>
        await WorkstreamsApi.ReadAsync<StatusReportDetails>(
            await (host ?? factory).CreateClientAs(People.Coordinator).PostAsync("/api/workstreams/reports", null, Ct), HttpStatusCode.Created);

    [Fact]
    public async Task Create_AsCoordinator_FiguresOfTheDashboardKeptAndAudited()
    {
        var fin = await api.MinistryAsync("FIN");
        var workstream = await api.CreateWorkstreamAsync();
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Status = Rag.Red, StatusReason = "Mangler hjemmel", WorkstreamIds = [workstream.Id], Title = "Rødt tiltak" });
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Status = Rag.Green });

        var report = await MakeAsync();

        var content = report.Content;
        var dashboard = await WorkstreamsApi.ReadAsync<DashboardView>(await api.As(People.Observer).GetAsync("/api/workstreams/dashboard", Ct), HttpStatusCode.OK);
        var finIndex = dashboard.Ministries.ToList().FindIndex(m => m.Id == fin.Id);
        var finFigures = content.Ministries.Single(m => m.Code == "FIN");
        Assert.Equal(
            (dashboard.Total(finIndex, status: Rag.Green), dashboard.Total(finIndex, status: Rag.Amber), dashboard.Total(finIndex, status: Rag.Red), dashboard.Total(finIndex)),
            (finFigures.Green, finFigures.Amber, finFigures.Red, finFigures.Total));
        Assert.Equal(dashboard.Total(), content.Total);
        var workstreamFigures = content.Workstreams.Single(w => w.Id == workstream.Id);
        Assert.Equal((0, 0, 1), (workstreamFigures.Green, workstreamFigures.Amber, workstreamFigures.Red));
        Assert.Equal("Mangler hjemmel", Assert.Single(content.Flagged, i => i.Title == "Rødt tiltak").StatusReason);
        Assert.Null(content.Changes.Since);
        Assert.Equal("Kari Nordmann", report.MadeBy);

        var kept = await WorkstreamsApi.ReadAsync<List<StatusReportSummary>>(await factory.CreateClientAs(People.Coordinator).GetAsync("/api/workstreams/reports", Ct), HttpStatusCode.OK);
        Assert.Equal(report.Id, Assert.Single(kept).Id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var audit = await db.AuditLog.SingleAsync(a => a.EntityId == report.Id, Ct);
        Assert.Equal((nameof(StatusReport), "Created"), (audit.Entity, audit.Action));
        Assert.Equal(await factory.PersonIdAsync(People.Coordinator, Ct), audit.PersonId);
    }

    [Fact]
    public async Task Create_AfterChanges_SaysWhatChangedSinceTheReportBefore()
    {
        var kd = await api.MinistryAsync("KD");
        var turnsRed = await api.CreateInitiativeAsync(Builders.Initiative(kd.Id) with { Title = "Blir rødt" });
        var first = await MakeAsync();
        var edited = WorkstreamsApi.AsRequest(turnsRed) with { Status = Rag.Red, StatusReason = "Forsinket", Progress = 10 };
        Assert.Equal(HttpStatusCode.OK, (await WorkstreamsApi.PutAsync(api.As(People.Coordinator), $"/api/workstreams/initiatives/{turnsRed.Id}", edited)).StatusCode);
        var added = await api.CreateInitiativeAsync(Builders.Initiative(kd.Id) with { Title = "Nytt tiltak" });

        var second = await MakeAsync();

        var changes = second.Content.Changes;
        Assert.Equal(first.MadeAt, changes.Since);
        Assert.Equal(turnsRed.Id, Assert.Single(changes.NewFlagged).Id);
        Assert.Equal((Rag.Green, Rag.Red), (Assert.Single(changes.Changed).Before.Status, changes.Changed[0].After.Status));
        Assert.Equal(added.Id, Assert.Single(changes.New).Id);
        var kdBefore = first.Content.Ministries.Single(m => m.Code == "KD").Total;
        var kdChange = Assert.Single(changes.PerMinistry);
        Assert.Equal(("KD", kdBefore, kdBefore + 1, 0, 1, 2), (kdChange.Code, kdChange.TotalBefore, kdChange.TotalAfter, kdChange.Green, kdChange.Red, kdChange.Changes));
    }

    [Fact]
    public async Task Download_KeptReport_SameValidDocumentAfterLaterChanges()
    {
        var fin = await api.MinistryAsync("FIN");
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Status = Rag.Amber, StatusReason = "Ressurser", Title = "Gult tiltak" });
        var report = await MakeAsync();
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var firstDownload = await coordinator.GetAsync($"/api/workstreams/reports/{report.Id}/statusrapport.docx", Ct);
        var first = await firstDownload.Content.ReadAsByteArrayAsync(Ct);

        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Status = Rag.Red, StatusReason = "Senere", Title = "Senere tiltak" });
        var again = await coordinator.GetByteArrayAsync($"/api/workstreams/reports/{report.Id}/statusrapport.docx", Ct);
        var page = await coordinator.GetStringAsync($"/arbeidsstrommer/rapporter/{report.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, firstDownload.StatusCode);
        Assert.Equal(StatusReports.ContentType, firstDownload.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("statusrapport-", firstDownload.Content.Headers.ContentDisposition?.FileNameStar ?? firstDownload.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(first, again);
        using var document = WordprocessingDocument.Open(new MemoryStream(first), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, Ct));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Gult tiltak", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Senere tiltak", text, StringComparison.Ordinal);
        Assert.NotEmpty(document.MainDocumentPart.ChartParts);
        Assert.Contains("Gult tiltak", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Senere tiltak", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OpenRound_SilentMinistriesAndItsDeadline()
    {
        var hod = await api.MinistryAsync("HOD");
        var fin = await api.MinistryAsync("FIN");
        await api.CreateInitiativeAsync(Builders.Initiative(hod.Id));
        var started = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id));
        var round = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest("Vinterrunden", null, DateTimeOffset.UtcNow.AddDays(5))), HttpStatusCode.Created);
        var confirmed = await WorkstreamsApi.PostAsync(
            api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{started.Id}/progress", Builders.Progress(started.Version));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var report = await MakeAsync();

        var reported = report.Content.Round!;
        Assert.Equal((round.Id, true), (reported.Id, reported.Open));
        Assert.Contains(reported.Silent, s => s.Code == "HOD" && s.ToConfirm >= 1);
        Assert.DoesNotContain(reported.Silent, s => s.Code == "FIN");
        var deadline = Assert.Single(report.Content.Deadlines, d => d.Title.Nb == "Vinterrunden");
        Assert.Equal("Rapporteringsrunder", deadline.Kind?.Nb);
    }

    [Fact]
    public async Task Create_SimilarInitiativesOfTwoMinistries_TheOverlapFinderPutsThePairInTheReport()
    {
        var word = $"sone{Guid.NewGuid():N}"[..12];
        await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("HOD")).Id) with
        {
            Title = $"Digital hjemmeoppfølging av {word}", Summary = "Pasienter følges opp hjemme med måleutstyr.", Tags = ["velferdsteknologi"],
        });
        await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("KD")).Id) with
        {
            Title = $"Oppfølging av {word} i eget hjem", Summary = "Kommunene følger opp pasienter hjemme med digitale løsninger.", Tags = ["velferdsteknologi"],
        });

        var report = await MakeAsync();

        Assert.True(report.Content.Overlaps.Available);
        var overlap = Assert.Single(report.Content.Overlaps.Items, o => o.FirstTitle.Contains(word, StringComparison.Ordinal));
        Assert.Contains(word, overlap.SecondTitle, StringComparison.Ordinal);
        Assert.Equal(["HOD", "KD"], new[] { overlap.FirstMinistry, overlap.SecondMinistry }.Order());
        Assert.NotEmpty(overlap.Reasons);
        var page = await factory.CreateClientAs(People.Coordinator).GetStringAsync($"/arbeidsstrommer/rapporter/{report.Id}", Ct);
        Assert.DoesNotContain("Overlappsøk er ikke tilgjengelig", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OverlapFinderRegistered_OpenOverlapsInTheReport()
    {
        overlaps.Setup(o => o.ListAsync(ReportFigures.MaxOverlaps, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new OpenOverlap(Guid.NewGuid(), "Datadeling i staten", "FIN", Guid.NewGuid(), "Deling av data", "KD", 0.82, [new LocalizedText("Like ord i tittelen", "Same title words")]),
        ]);
        await using var withFinder = SamordningFactory.Create(new()
        {
            ConfigureServices = services => services.RemoveAll<IOpenOverlaps>().AddScoped(_ => overlaps.Object),
        });

        var report = await MakeAsync(withFinder);

        Assert.True(report.Content.Overlaps.Available);
        var overlap = Assert.Single(report.Content.Overlaps.Items);
        Assert.Equal(("Datadeling i staten", "KD", "Like ord i tittelen"), (overlap.FirstTitle, overlap.SecondMinistry, overlap.Reasons[0].Nb));
        var page = await withFinder.CreateClientAs(People.Coordinator).GetStringAsync($"/arbeidsstrommer/rapporter/{report.Id}", Ct);
        Assert.Contains("Deling av data (KD)", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(People.ContactPersonFin)]
    [InlineData(People.Observer)]
    [InlineData(People.Administrator)]
    public async Task Reports_NotCoordinator_Forbidden(string email)
    {
        var report = await MakeAsync();
        var client = factory.CreateClientAs(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/workstreams/reports", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/workstreams/reports", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workstreams/reports/{report.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workstreams/reports/{report.Id}/statusrapport.docx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/arbeidsstrommer/rapporter", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/arbeidsstrommer/rapporter/{report.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ReportsPage_PostAsCoordinator_MakesOneAndListsIt()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var form = await client.GetStringAsync("/arbeidsstrommer/rapporter", Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;

        var posted = await client.PostAsync("/arbeidsstrommer/rapporter", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync(posted.Headers.Location!.ToString(), Ct);
        Assert.Contains("statusrapport.docx", page, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/arbeidsstrommer/rapporter", Ct);
        Assert.Contains(posted.Headers.Location.ToString(), list, StringComparison.Ordinal);
        Assert.Contains("/arbeidsstrommer/rapporter", await client.GetStringAsync("/arbeidsstrommer", Ct), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();
}
