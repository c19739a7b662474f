using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

public sealed class RegisterTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_ByCoordinator_CreatedAndAudited()
    {
        var item = await RegisterApi.RecordAsync(fixture.Factory.CreateClientAs(People.Coordinator), RegisterApi.Record());

        Assert.Equal(FeedbackStatus.Received, item.Status);
        Assert.StartsWith("INN-", item.Reference, StringComparison.Ordinal);
        Assert.Equal(["kompetanse"], item.Tags);
        var audit = await fixture.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == item.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["Created"], audit);
    }

    [Fact]
    public async Task Record_ReceivedTodayJustAfterOsloMidnight_AcceptedAndTomorrowRefused()
    {
        // 00:30 on 2 March in Oslo is still 1 March in UTC; the form sends the day as noon Oslo time.
        var before = fixture.Clock.UtcNow;
        fixture.Clock.UtcNow = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        try
        {
            var client = fixture.Factory.CreateClientAs(People.Coordinator);
            var today = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(1));

            var item = await RegisterApi.RecordAsync(client, RegisterApi.Record() with { ReceivedAt = today });
            var errors = await Problem.ReadErrorsAsync(
                await client.PostAsJsonAsync("/api/feedback/items", RegisterApi.Record() with { ReceivedAt = today.AddDays(1) }, FeedbackFixture.Json, Ct), Ct);

            Assert.Equal(today, item.ReceivedAt);
            Assert.Equal(["Datoen kan ikke være fram i tid."], errors["ReceivedAt"]);
        }
        finally
        {
            fixture.Clock.UtcNow = before;
        }
    }

    [Theory]
    [InlineData(People.Observer)]
    [InlineData(People.Administrator)]
    public async Task Record_ByOneWhoMayNot_403(string email)
    {
        var response = await fixture.Factory.CreateClientAs(email).PostAsJsonAsync("/api/feedback/items", RegisterApi.Record(), FeedbackFixture.Json, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Assess_StaleVersion_409WithCurrentAndNothingOverwritten()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record());
        var first = await RegisterApi.ReadAsync<ItemDetails>(await RegisterApi.AssessAsync(client, item.Id, RegisterApi.Assess(item, FeedbackStatus.BeingAssessed)), HttpStatusCode.OK);

        var stale = await RegisterApi.AssessAsync(client, item.Id, RegisterApi.Assess(item, FeedbackStatus.NotUsed));

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal("BeingAssessed", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(item.Version + 1, first.Version);
        Assert.Equal(FeedbackStatus.BeingAssessed, await fixture.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Assess_ExemptWithoutLegalBasisOrPublishWithoutConsent_FieldErrors()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record(consent: false));

        var errors = await Problem.ReadErrorsAsync(await RegisterApi.AssessAsync(client, item.Id, RegisterApi.Assess(item, published: true, exempt: true)), Ct);

        Assert.Equal(["Hjemmel for unntak må fylles ut."], errors["ExemptionBasis"]);
        Assert.Contains("Innsenderen har ikke samtykket til publisering.", errors["Published"]);
    }

    [Fact]
    public async Task Assess_ByContactPerson_403()
    {
        var item = await RegisterApi.RecordAsync(fixture.Factory.CreateClientAs(People.Coordinator), RegisterApi.Record());

        var response = await RegisterApi.AssessAsync(fixture.Factory.CreateClientAs(People.ContactPersonFin), item.Id, RegisterApi.Assess(item));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_ContactPerson_SeesOwnMinistrysInputOnly()
    {
        var own = await RegisterApi.RecordAsync(fixture.Factory.CreateClientAs(People.ContactPersonFin), RegisterApi.Record(text: "Fra FIN"));
        var other = await RegisterApi.RecordAsync(fixture.Factory.CreateClientAs(People.Coordinator), RegisterApi.Record(text: "Fra KMD-teamet"));

        var seen = (await RegisterApi.ReadAsync<ItemPage>(await fixture.Factory.CreateClientAs(People.ContactPersonFin).GetAsync("/api/feedback/items", Ct), HttpStatusCode.OK)).Items;

        Assert.Contains(seen, i => i.Id == own.Id);
        Assert.DoesNotContain(seen, i => i.Id == other.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.CreateClientAs(People.ContactPersonFin).GetAsync($"/api/feedback/items/{other.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task List_Observer_DoesNotSeeExemptInputOrUnconsentedNames()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var exempt = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record());
        await RegisterApi.ReadAsync<ItemDetails>(await RegisterApi.AssessAsync(coordinator, exempt.Id, RegisterApi.Assess(exempt, exempt: true, basis: "offl. § 13")), HttpStatusCode.OK);
        var open = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record());
        var observer = fixture.Factory.CreateClientAs(People.Observer);

        var seen = (await RegisterApi.ReadAsync<ItemPage>(await observer.GetAsync("/api/feedback/items", Ct), HttpStatusCode.OK)).Items;
        var details = await RegisterApi.ReadAsync<ItemDetails>(await observer.GetAsync($"/api/feedback/items/{open.Id}", Ct), HttpStatusCode.OK);

        Assert.DoesNotContain(seen, i => i.Id == exempt.Id);
        Assert.Contains(seen, i => i.Id == open.Id);
        Assert.Null(details.ContributorName);
        Assert.Equal("Ola Innsender", open.ContributorName);
    }

    [Fact]
    public async Task PublicPage_ListsOnlyPublishedConsentedNotExempt_NameOnlyWithConsent()
    {
        var round = await fixture.OpenRoundAsync();
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var published = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(round.Id, "Publisert innspill"));
        await RegisterApi.ReadAsync<ItemDetails>(await RegisterApi.AssessAsync(coordinator, published.Id, RegisterApi.Assess(published, published: true)), HttpStatusCode.OK);
        var withName = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(round.Id, "Med navn", consentName: true) with { ContributorName = "Kari Synlig" });
        await RegisterApi.ReadAsync<ItemDetails>(await RegisterApi.AssessAsync(coordinator, withName.Id, RegisterApi.Assess(withName, published: true)), HttpStatusCode.OK);
        await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(round.Id, "Ikke publisert"));

        var html = await fixture.Factory.CreateClientAs(null).GetStringAsync($"/innspill/{round.Id}/mottatt", Ct);

        Assert.Contains("Publisert innspill", html, StringComparison.Ordinal);
        Assert.Contains("Kari Synlig", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ola Innsender", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ikke publisert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Anonymous_RedirectedOrRefused()
    {
        var api = await fixture.Factory.CreateClientAs(null).GetAsync("/api/feedback/items", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Export_Csv_FormulaDefusedAndNoEmail()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record(text: "=HYPERLINK(\"http://evil\")", email: "secret@example.no"));

        var csv = await client.GetStringAsync($"/api/feedback/items/export.csv?Search={item.Reference}", Ct);

        Assert.Contains(item.Reference, csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@example.no", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Xlsx_AWorkbook()
    {
        var response = await fixture.Factory.CreateClientAs(People.Observer).GetAsync("/api/feedback/items/export.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.NotNull(workbook.WorkbookPart);
    }
}
