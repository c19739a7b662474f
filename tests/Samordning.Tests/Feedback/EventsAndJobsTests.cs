using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Meetings.Contracts;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Events;
using Samordning.Shared.Jobs;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

public sealed class EventsAndJobsTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeetingFeedbackSent_PublishedTwiceAndConcurrently_StoredOnce()
    {
        var workstream = Guid.NewGuid();
        var sent = new MeetingFeedbackSent(
            Guid.NewGuid(), Guid.NewGuid(), "Dialogmøte med leverandører", "Dialogue", fixture.Clock.UtcNow.AddHours(-1),
            "Involver innbyggerne.", "Leverandør AS", FakeOrganisationNumbers.Valid, null, [workstream], Guid.NewGuid());

        await Task.WhenAll(PublishAsync(sent), PublishAsync(sent));
        await PublishAsync(sent);

        var items = await fixture.WithDbAsync(db => db.Items.Include(i => i.Workstreams).Where(i => i.MeetingEntryId == sent.EntryId).ToListAsync(Ct));
        var item = Assert.Single(items);
        Assert.Equal(Channel.Meeting, item.Channel);
        Assert.Equal("Dialogmøte med leverandører", item.Source);
        Assert.Equal([workstream], item.Workstreams.Select(w => w.WorkstreamId));
    }

    [Fact]
    public async Task Anonymise_AfterRetention_PersonalDataRemovedOrganisationKept()
    {
        var round = await fixture.OpenRoundAsync(TimeSpan.FromDays(1), retentionMonths: 1);
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(round.Id, consentName: true, email: "person@example.no"));
        var start = fixture.Clock.UtcNow;
        try
        {
            fixture.Clock.UtcNow = round.Deadline.AddMonths(1).AddSeconds(-1);
            await RunJobAsync();
            var before = await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct));

            fixture.Clock.UtcNow = round.Deadline.AddMonths(1);
            await RunJobAsync();
            await RunJobAsync();
            var after = await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct));

            Assert.Equal("Ola Innsender", before.ContributorName);
            Assert.Null(after.ContributorName);
            Assert.Null(after.ContributorEmail);
            Assert.False(after.ConsentToPublishName);
            Assert.Equal("Testorganisasjonen", after.OrganisationName);
            Assert.Equal(round.Deadline.AddMonths(1), after.AnonymisedAt);
        }
        finally
        {
            fixture.Clock.UtcNow = start;
        }
    }

    [Fact]
    public async Task ExportAndErase_OneContributor_JsonThenErased()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var email = $"{Guid.NewGuid():N}@example.no";
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(text: "Mitt innspill", email: email.ToUpperInvariant()));
        var other = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(email: "annen@example.no"));

        var export = await coordinator.PostAsJsonAsync("/api/feedback/contributors/export", new { Email = email }, Ct);
        var exported = await export.Content.ReadAsStringAsync(Ct);
        var erase = await coordinator.PostAsJsonAsync("/api/feedback/contributors/erase", new { Email = email }, Ct);
        var observerErase = await fixture.Factory.CreateClientAs(People.Observer).PostAsJsonAsync("/api/feedback/contributors/erase", new { Email = "annen@example.no" }, Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("Mitt innspill", exported, StringComparison.Ordinal);
        Assert.Contains(item.Reference, exported, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, observerErase.StatusCode);
        var erased = await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct));
        Assert.Null(erased.ContributorName);
        Assert.Null(erased.ContributorEmail);
        Assert.Null(erased.Text);
        Assert.Equal("annen@example.no", await fixture.WithDbAsync(db => db.Items.Where(i => i.Id == other.Id).Select(i => i.ContributorEmail).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Deadlines_RoundForMinistries_ContactPersonsOfMinistriesThatHaveNotSubmitted()
    {
        var round = await fixture.OpenRoundAsync(audience: Audience.Ministries, isPublic: false);
        await RegisterApi.RecordAsync(fixture.Factory.CreateClientAs(People.ContactPersonFin), RegisterApi.Record(round.Id));
        var fin = await fixture.Factory.PersonIdAsync(People.ContactPersonFin, Ct);
        var hod = await fixture.Factory.PersonIdAsync("ingrid.kontakt@hod.example.no", Ct);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var deadlines = new List<Deadline>();
        foreach (var source in scope.ServiceProvider.GetServices<IDeadlineSource>())
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(fixture.Clock.UtcNow, until: null, Ct))
            {
                deadlines.Add(deadline);
            }
        }

        var ours = Assert.Single(deadlines, d => d.Key == $"feedback.round:{round.Id}");
        Assert.Equal(round.Deadline, ours.DueAt);
        Assert.Contains(hod, ours.RecipientPersonIds);
        Assert.DoesNotContain(fin, ours.RecipientPersonIds);
    }

    [Fact]
    public async Task WorkstreamDocument_LinkedInput_WordDocumentGroupedByTheme()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var workstream = (await RegisterApi.WorkstreamsAsync(fixture))[4].Id;
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(text: "Kompetanse i ledelsen <b>"));
        await RegisterApi.ReadAsync<ItemDetails>(await RegisterApi.AssessAsync(coordinator, item.Id, RegisterApi.Assess(item, workstreams: [workstream])), HttpStatusCode.OK);
        await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(text: "Ikke knyttet"));

        var response = await coordinator.GetAsync($"/api/feedback/workstreams/{workstream}/input.docx?title=Kapittel%208", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
        Assert.Equal(("Title", "Kapittel 8"), paragraphs[0]);
        Assert.Contains(("Heading1", "kompetanse"), paragraphs);
        Assert.Contains(("Heading2", "E-post"), paragraphs);
        Assert.Contains(paragraphs, p => p.Text == "Kompetanse i ledelsen <b>");
        Assert.DoesNotContain(paragraphs, p => p.Text == "Ikke knyttet");
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task FeedbackStore_OnSqlite_ConnectionsWaitForABusyFileInSqliteItself()
    {
        var timeout = await fixture.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout;";
                return (long)(await command.ExecuteScalarAsync(Ct))!;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(30_000, timeout);
    }

    private async Task PublishAsync(MeetingFeedbackSent sent)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(sent, Ct);
    }

    private async Task RunJobAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == "feedback.anonymise");
        await job.RunAsync(Ct);
    }
}
