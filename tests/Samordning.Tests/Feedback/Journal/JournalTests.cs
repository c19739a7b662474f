using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Journal;
using Samordning.Feedback.Register;
using Samordning.Meetings.Data;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.Feedback.Journal;

// The journal (issue 18, point 6): numbers given once in the order documents arrived, the Noark 5 arkivmelding an
// archive can import (held to the schema kept beside this file), and a public journal that screens what is exempt.
public sealed class JournalTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private const string ExemptBasis = "Offl. § 13 jf. fvl. § 13 første ledd nr. 1";
    private static readonly XNamespace Noark = ArkivmeldingWriter.Namespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_InputInARoundAndOutside_NumberedOnceInArrivalOrderPerCase()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var round = await fixture.OpenRoundAsync();
        var first = await RecordAsync(coordinator, RegisterApi.Record(round.Id));
        var second = await RecordAsync(coordinator, RegisterApi.Record(round.Id));
        var outside = await RecordAsync(coordinator, RegisterApi.Record());

        Assert.True(await RunAsync(coordinator) >= 3);
        Assert.Equal(0, await RunAsync(coordinator));

        var entries = await EntriesAsync(coordinator);
        var firstEntry = Assert.Single(entries, e => e.Title.StartsWith($"Innspill {first.Reference} ", StringComparison.Ordinal));
        var secondEntry = Assert.Single(entries, e => e.Title.StartsWith($"Innspill {second.Reference} ", StringComparison.Ordinal));
        var outsideEntry = Assert.Single(entries, e => e.Title == $"Innspill {outside.Reference}");
        Assert.Equal(firstEntry.CaseNumber, secondEntry.CaseNumber);
        Assert.Equal($"{firstEntry.CaseNumber}-1", firstEntry.DocumentReference);
        Assert.Equal($"{firstEntry.CaseNumber}-2", secondEntry.DocumentReference);
        Assert.Equal($"Innspill: {round.Title}", firstEntry.CaseTitle);
        Assert.NotEqual(firstEntry.CaseNumber, outsideEntry.CaseNumber);
        Assert.Equal("Innspill utenom innspillsrunder 2026", outsideEntry.CaseTitle);
        Assert.True(Sequence(firstEntry) < Sequence(secondEntry) && Sequence(secondEntry) < Sequence(outsideEntry));
        Assert.All(entries, e => Assert.StartsWith("2026/", e.JournalNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_ExemptAndPrivatePerson_ValidArkivmeldingScreenedInThePublicVariant()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var exempt = await RecordAsync(coordinator, RegisterApi.Record() with { OrganisationName = "Hemmelighetsbyrået AS" });
        (await RegisterApi.AssessAsync(coordinator, exempt.Id, RegisterApi.Assess(exempt, exempt: true, basis: ExemptBasis))).EnsureSuccessStatusCode();
        var person = await RecordAsync(coordinator, PrivatePerson("Kari Privatperson", consentToName: false));
        await RunAsync(coordinator);

        var full = await ExportAsync(coordinator, "");
        var exemptEntry = Journalpost(full, exempt.Id);
        Assert.Equal("13", Value(exemptEntry, "skjerming", "tilgangsrestriksjon"));
        Assert.Equal(ExemptBasis, Value(exemptEntry, "skjerming", "skjermingshjemmel"));
        Assert.Equal("korrespondansepart", Value(exemptEntry, "skjerming", "skjermingMetadata"));
        Assert.Equal("Hemmelighetsbyrået AS", Value(exemptEntry, "korrespondansepart", "korrespondansepartNavn"));
        Assert.Equal("Inngående dokument", exemptEntry.Element(Noark + "journalposttype")!.Value);
        var personEntry = Journalpost(full, person.Id);
        Assert.Equal("P", Value(personEntry, "skjerming", "tilgangsrestriksjon"));
        Assert.Equal("Kari Privatperson", Value(personEntry, "korrespondansepart", "korrespondansepartNavn"));

        var published = await ExportAsync(coordinator, "?offentlig=true");
        Assert.Equal(JournalLine.ScreenedName, Value(Journalpost(published, exempt.Id), "korrespondansepart", "korrespondansepartNavn"));
        Assert.Equal(JournalLine.ScreenedName, Value(Journalpost(published, person.Id), "korrespondansepart", "korrespondansepartNavn"));
        Assert.DoesNotContain("Hemmelighetsbyrået", published.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kari Privatperson", published.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicJournal_Anonymous_ListsEntriesWithExemptAndUnconsentedNamesScreened()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var exempt = await RecordAsync(coordinator, RegisterApi.Record() with { OrganisationName = "Skjult Rådgivning AS" });
        (await RegisterApi.AssessAsync(coordinator, exempt.Id, RegisterApi.Assess(exempt, exempt: true, basis: ExemptBasis))).EnsureSuccessStatusCode();
        var hidden = await RecordAsync(coordinator, PrivatePerson("Per Usynlig", consentToName: false));
        var named = await RecordAsync(coordinator, PrivatePerson("Åse Synlig", consentToName: true));
        await RunAsync(coordinator);

        var response = await fixture.Factory.CreateClientAs(null).GetAsync("/journal", Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Innspill {exempt.Reference}", html, StringComparison.Ordinal);
        Assert.Contains($"Innspill {hidden.Reference}", html, StringComparison.Ordinal);
        Assert.Contains($"Unntatt offentlighet, {ExemptBasis}", html, StringComparison.Ordinal);
        Assert.Contains("Privatperson (navn skjermet)", html, StringComparison.Ordinal);
        Assert.Contains($"Innspill {named.Reference}", html, StringComparison.Ordinal);
        Assert.Contains("Åse Synlig", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Skjult Rådgivning", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Per Usynlig", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ClosedUnpublishedMeeting_MinutesJournalledAsInternalAndExempt()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var meeting = await MeetingTestData.CreateLiveAsync(fixture.Factory, r => r with { Title = $"Journalmøte {Guid.NewGuid():N}" });
        await RunAsync(coordinator);
        Assert.DoesNotContain(await EntriesAsync(coordinator), e => e.Title == $"Referat: {meeting.Title}");

        await MeetingTestData.SetStatusAsync(fixture.Factory, meeting with { Version = (await MeetingVersionAsync(meeting.Id)) }, MeetingStatus.Closed);
        await RunAsync(coordinator);

        var minutes = Assert.Single(await EntriesAsync(coordinator), e => e.Title == $"Referat: {meeting.Title}");
        Assert.Equal(nameof(JournalDirection.Internal), minutes.Direction);
        Assert.Equal("KMD", minutes.Party);
        Assert.Equal(JournalQuery.InternalDocumentBasis, minutes.ExemptionBasis);
        Assert.Equal("14", minutes.AccessCode);
        Assert.StartsWith($"Møte: {meeting.Title} (", minutes.CaseTitle, StringComparison.Ordinal);
        Assert.Equal(meeting.Id, Guid.Parse(Journalpost(await ExportAsync(coordinator, ""), meeting.Id).Element(Noark + "systemID")!.Value));
    }

    [Fact]
    public async Task Run_TwoAtOnce_EveryDocumentNumberedOnceWithoutGaps()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        await RunAsync(coordinator);
        var round = await fixture.OpenRoundAsync();
        for (var i = 0; i < 12; i++)
        {
            await RecordAsync(coordinator, RegisterApi.Record(round.Id));
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Journaling>().JournalPendingAsync(Ct);
        }));

        Assert.Equal(12, counts.Sum());
        var numbers = await fixture.WithDbAsync(db => db.JournalEntries
            .Join(db.JournalCases, e => e.CaseId, c => c.Id, (e, c) => new { e.DocumentNumber, c.Key })
            .Where(x => x.Key == $"round:{round.Id}")
            .Select(x => x.DocumentNumber)
            .ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, 12), numbers.Order());
    }

    [Theory]
    [InlineData("/api/feedback/journal/entries?fra=2026-02-30", "fra")]
    [InlineData("/api/feedback/journal/entries?fra=2026-03-02&til=2026-03-01", "til")]
    [InlineData("/api/feedback/journal/arkivmelding.xml?til=1999-12-31", "til")]
    [InlineData("/api/feedback/journal/entries?side=0", "side")]
    public async Task Api_BadPeriodOrPage_ProblemNamesTheField(string url, string field)
    {
        var response = await fixture.Factory.CreateClientAs(People.Coordinator).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task PublicJournal_BadDate_MessageBesideTheFieldNothingListed()
    {
        var response = await fixture.Factory.CreateClientAs(null).GetAsync("/journal?Fra=2026-13-01", Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fra dato må være en dato (åååå-mm-dd) fra år 2000 til 2100.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"journal-entry\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/feedback/journal/run")]
    [InlineData("GET", "/api/feedback/journal/entries")]
    [InlineData("GET", "/api/feedback/journal/arkivmelding.xml")]
    public async Task Api_ContactPersonOrAnonymous_Refused(string method, string url)
    {
        using var asContact = new HttpRequestMessage(new HttpMethod(method), url);
        using var asAnonymous = new HttpRequestMessage(new HttpMethod(method), url);

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.CreateClientAs(People.ContactPersonFin).SendAsync(asContact, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClientAs(null).SendAsync(asAnonymous, Ct)).StatusCode);
    }

    // The page's "journal now" is the coordinators' only: a contact person with a valid form token gets 403 and
    // nothing is journalled.
    [Fact]
    public async Task JournalNowOnThePage_ContactPerson_ForbiddenNothingJournalled()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        await RunAsync(coordinator);
        var waiting = await RecordAsync(coordinator, RegisterApi.Record());
        var contact = fixture.Factory.CreateClientAs(People.ContactPersonFin);
        var form = await contact.GetStringAsync("/varsler", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var response = await contact.PostAsync("/journal?handler=Journal", post, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await fixture.WithDbAsync(db => db.JournalEntries.AnyAsync(e => e.SourceId == waiting.Id, Ct)));
        Assert.Equal(1, await RunAsync(coordinator));
    }

    private static RecordInputRequest PrivatePerson(string name, bool consentToName) =>
        RegisterApi.Record(consentName: consentToName) with { ContributorType = ContributorType.Citizen, OrganisationName = name, ContributorName = name };

    // Each item a minute after the last, so arrival order is clear.
    private async Task<ItemDetails> RecordAsync(HttpClient client, RecordInputRequest request)
    {
        fixture.Clock.UtcNow += TimeSpan.FromMinutes(1);
        return await RegisterApi.RecordAsync(client, request with { ReceivedAt = fixture.Clock.UtcNow });
    }

    private static async Task<int> RunAsync(HttpClient coordinator)
    {
        var response = await coordinator.PostAsync("/api/feedback/journal/run", null, Ct);
        return (await RegisterApi.ReadAsync<JournalRun>(response, HttpStatusCode.OK)).Journalled;
    }

    private static async Task<IReadOnlyList<JournalEntryView>> EntriesAsync(HttpClient coordinator)
    {
        var entries = new List<JournalEntryView>();
        for (var page = 1; ; page++)
        {
            var body = await RegisterApi.ReadAsync<JournalPage>(await coordinator.GetAsync($"/api/feedback/journal/entries?side={page}", Ct), HttpStatusCode.OK);
            entries.AddRange(body.Entries);
            if (entries.Count >= body.Total || body.Entries.Count == 0)
            {
                return entries;
            }
        }
    }

    // The export, checked against the kept schema before anything else is read from it.
    private static async Task<XDocument> ExportAsync(HttpClient coordinator, string query)
    {
        var response = await coordinator.GetAsync($"/api/feedback/journal/arkivmelding.xml{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(JournalTests).Assembly.GetManifestResourceStream("noark5-arkivmelding-samordning.xsd")!)
        {
            schemas.Add(ArkivmeldingWriter.Namespace, XmlReader.Create(xsd));
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(problems);
        return XDocument.Load(new MemoryStream(bytes));
    }

    private static XElement Journalpost(XDocument arkivmelding, Guid documentId) =>
        Assert.Single(arkivmelding.Descendants(Noark + "basisregistrering"), r =>
            (string?)r.Attribute(Xsi + "type") == "journalpost" && r.Element(Noark + "systemID")!.Value == documentId.ToString());

    private static string? Value(XElement entry, string group, string field) => entry.Element(Noark + group)?.Element(Noark + field)?.Value;

    private static int Sequence(JournalEntryView entry) => int.Parse(entry.JournalNumber.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> MeetingVersionAsync(Guid meetingId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct);
    }
}
