using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Shared.Modules;
using Samordning.Shared.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Host.Search;

// GET /api/search: Norwegian-aware matching, ranking, highlighting, filters, paging and what each actor may find.
public sealed class SearchTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly SearchData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("naering")]
    [InlineData("NÆRING")]
    [InlineData("Næringslivet")]
    [InlineData("aalesund")]
    [InlineData("ÅLESUND")]
    public async Task Search_FoldedOrInflectedNorwegianLetters_FindsTheInitiative(string word)
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Næringsliv i Ålesund {marker}");

        var results = await data.SearchAsync(People.Observer, $"{word} {marker}");

        Assert.Equal([id], results.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("prosjektet")]
    [InlineData("prosjekter")]
    [InlineData("kommunene")]
    [InlineData("kommunens")]
    [InlineData("innovasjon")]
    [InlineData("innovasjonen")]
    public async Task Search_InflectedFormOrCompoundPart_FindsTheCompound(string word)
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Innovasjonsprosjektene i kommunen {marker}");

        var results = await data.SearchAsync(People.Observer, $"{word} {marker}");

        Assert.Equal([id], results.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_UnrelatedWord_FindsNothing()
    {
        var marker = SearchData.Marker();
        await data.InitiativeAsync($"Innovasjonsprosjektene i kommunen {marker}");

        var results = await data.SearchAsync(People.Observer, $"sykehus {marker}");

        Assert.Empty(results.Items);
        Assert.Equal(0, results.Total);
    }

    [Fact]
    public async Task Search_TitleMatchAndTextMatch_TitleRanksFirstThoughOlder()
    {
        var marker = SearchData.Marker();
        var inTitle = await data.InitiativeAsync($"Sykehusene deler data {marker}", updatedAt: DateTimeOffset.UtcNow.AddDays(-30));
        var inText = await data.InitiativeAsync($"Deling av data {marker}", summary: "Gjelder også sykehus.", updatedAt: DateTimeOffset.UtcNow);

        var results = await data.SearchAsync(People.Observer, $"sykehus {marker}");

        Assert.Equal([inTitle, inText], results.Items.Select(i => i.Id));
        Assert.True(results.Items[0].Score > results.Items[1].Score);
    }

    [Fact]
    public async Task Search_MarkupInTitle_EncodedAndMatchMarked()
    {
        var marker = SearchData.Marker();
        await data.InitiativeAsync($"<script>alert(1)</script> Samarbeidsavtaler & æøå {marker}", summary: "<b>Avtalen</b> om samarbeid.");

        var hit = Assert.Single((await data.SearchAsync(People.Observer, $"samarbeid {marker}")).Items);

        Assert.Equal($"&lt;script&gt;alert(1)&lt;/script&gt; <mark>Samarbeidsavtaler</mark> &amp; æøå <mark>{marker}</mark>", hit.TitleHtml);
        Assert.Equal("&lt;b&gt;Avtalen&lt;/b&gt; om <mark>samarbeid</mark>.", hit.ExcerptHtml);
    }

    [Fact]
    public async Task Search_KindFilter_OnlyThatKind()
    {
        var marker = SearchData.Marker();
        await data.InitiativeAsync($"Verksted {marker}");
        var (meeting, decision) = await data.MeetingAsync($"Verksted {marker}", decision: $"Verkstedet besluttet {marker}");

        var meetings = await data.SearchAsync(People.Coordinator, $"/api/search?q={marker}&kind=meeting");
        var decisions = await data.SearchAsync(People.Coordinator, $"/api/search?q={marker}&kind=decision");
        var both = await data.SearchAsync(People.Coordinator, $"/api/search?q={marker}&kind=meeting&kind=decision");

        Assert.Equal([meeting], meetings.Items.Select(i => i.Id));
        Assert.Equal([decision!.Value], decisions.Items.Select(i => i.Id));
        Assert.Equal(2, both.Total);
        Assert.All(both.Items, i => Assert.True(i.Kind is "meeting" or "decision", i.Kind));
    }

    [Fact]
    public async Task Search_MinistryAndWorkstreamFilters_OnlyMatchingHits()
    {
        var marker = SearchData.Marker();
        var workstream = await data.WorkstreamAsync(0);
        var fin = await data.InitiativeAsync($"Tiltak {marker}", ministry: "FIN", workstreamId: workstream.Id);
        var hod = await data.InitiativeAsync($"Tiltak {marker}", ministry: "HOD");
        var finMinistry = await data.MinistryAsync("FIN");

        var byMinistry = await data.SearchAsync(People.Observer, $"/api/search?q={marker}&ministryId={finMinistry.Id}");
        var byWorkstream = await data.SearchAsync(People.Observer, $"/api/search?q={marker}&workstreamId={workstream.Id}");
        var all = await data.SearchAsync(People.Observer, marker);

        Assert.Equal([fin], byMinistry.Items.Select(i => i.Id));
        Assert.Equal([fin], byWorkstream.Items.Select(i => i.Id));
        Assert.Equal([fin, hod], all.Items.Select(i => i.Id).Order());
    }

    // Sources count their hits only up to one past the 200 the search shows: past that the total is "more than 200",
    // whichever sources the hits come from, and the pages stop at the 200.
    [Theory]
    [InlineData(190, 10, false)]
    [InlineData(190, 11, true)]
    [InlineData(230, 0, true)]
    public async Task Search_HitsAroundWhatIsShown_CountsUpTo200ThenSaysMore(int initiatives, int inputs, bool more)
    {
        var marker = SearchData.Marker();
        var ministry = await data.MinistryAsync("FIN");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            for (var n = 0; n < initiatives; n++)
            {
                db.Initiatives.Add(new Initiative { Title = $"Tiltak {n} om {marker}", OwningMinistryId = ministry.Id, OwningMinistryCode = ministry.Code });
            }

            await db.SaveChangesAsync(Ct);
        }

        for (var n = 0; n < inputs; n++)
        {
            await data.InputAsync($"Innspill {n} om {marker}");
        }

        var first = await data.SearchAsync(People.Coordinator, $"/api/search?q={marker}&pageSize=20");
        var last = await data.SearchAsync(People.Coordinator, $"/api/search?q={marker}&pageSize=20&page=10");
        var html = await factory.CreateClientAs(People.Coordinator).GetStringAsync(new Uri($"/sok?q={marker}", UriKind.Relative), Ct);

        Assert.Equal((200, more, 10), (first.Total, first.More, first.Pages));
        Assert.Equal(20, last.Items.Count);
        Assert.Contains($"200 treff på «{marker}»", html, StringComparison.Ordinal);
        Assert.Equal(more, html.Contains($"Mer enn 200 treff på «{marker}»", StringComparison.Ordinal));
        Assert.Equal(more, html.Contains("Viser de 200 beste", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ThreePages_EveryHitOnceWithTotal()
    {
        var marker = SearchData.Marker();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await data.InitiativeAsync($"Tiltak nummer {i} {marker}"));
        }

        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var results = await data.SearchAsync(People.Observer, $"/api/search?q={marker}&pageSize=10&page={page}");
            Assert.Equal(25, results.Total);
            Assert.Equal(3, results.Pages);
            pages.AddRange(results.Items.Select(i => i.Id));
        }

        Assert.Equal(ids.Order(), pages.Order());
    }

    [Fact]
    public async Task Search_InitiativeRenamedThroughApi_FindsNewTitleNotOld()
    {
        var marker = SearchData.Marker();
        var api = new Samordning.Tests.Workstreams.WorkstreamsApi(factory);
        var fin = await data.MinistryAsync("FIN");
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = $"Gammel tittel {marker}" });

        var response = await Samordning.Tests.Workstreams.WorkstreamsApi.PutAsync(
            factory.CreateClientAs(People.Coordinator), $"/api/workstreams/initiatives/{initiative.Id}",
            Samordning.Tests.Workstreams.WorkstreamsApi.AsRequest(initiative) with { Title = $"Ny overskrift {marker}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal([initiative.Id], (await data.SearchAsync(People.Observer, $"overskrift {marker}")).Items.Select(i => i.Id));
        Assert.Empty((await data.SearchAsync(People.Observer, $"gammel {marker}")).Items);
    }

    [Fact]
    public async Task Backfill_RowWrittenWithoutIndex_IndexedAtStartUpAndFound()
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Rad fra før søket {marker}");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        // As a row from before the index columns: no index, and (on PostgreSQL) no suffixes.
        await db.Initiatives.Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SearchIndex, "").SetProperty(i => EF.Property<string?>(i, SearchSuffixes.PropertyName), (string?)null), Ct);
        Assert.Empty((await data.SearchAsync(People.Observer, marker)).Items);

        foreach (var initializer in scope.ServiceProvider.GetServices<IModuleInitializer>().Where(i => i.GetType().Name == "IndexWorkstreams"))
        {
            await initializer.InitializeAsync(Ct);
        }

        Assert.Equal([id], (await data.SearchAsync(People.Observer, marker)).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(People.Coordinator, true)]
    [InlineData(People.ContactPersonFin, true)]
    [InlineData(People.ContactPersonKd, false)]
    [InlineData(People.Observer, false)]
    [InlineData(People.Facilitator, false)]
    public async Task Search_ExemptInputOfFin_OnlyThoseWhoMayReadItFindIt(string email, bool finds)
    {
        var marker = SearchData.Marker();
        var id = await data.InputAsync($"Taushetsbelagt innspill {marker}", ministry: "FIN", exempt: true);

        var results = await data.SearchAsync(email, marker);

        Assert.Equal(finds ? [id] : [], results.Items.Select(i => i.Id));
        Assert.Equal(finds ? 1 : 0, results.Total);
    }

    [Theory]
    [InlineData(People.ContactPersonFin, true)]
    [InlineData(People.ContactPersonHod, false)]
    [InlineData(People.Observer, true)]
    public async Task Search_InputOfFin_ContactPersonsOfOtherMinistriesDoNotFindIt(string email, bool finds)
    {
        var marker = SearchData.Marker();
        var id = await data.InputAsync($"Innspill om digitalisering {marker}", ministry: "FIN");

        var results = await data.SearchAsync(email, $"digitaliseringen {marker}");

        Assert.Equal(finds ? [id] : [], results.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(People.Coordinator, true)]
    [InlineData(People.ContactPersonFin, true)]
    [InlineData(People.Observer, false)]
    [InlineData(People.Facilitator, false)]
    public async Task Search_ContributorNameWithoutConsent_FoundOnlyByThoseWhoMaySeeIt(string email, bool finds)
    {
        var marker = SearchData.Marker();
        var surname = SearchData.Marker();
        var id = await data.InputAsync($"Innspill {marker}", ministry: "FIN", contributorName: $"Kari {surname}");

        var byName = await data.SearchAsync(email, surname);
        var byText = await data.SearchAsync(email, marker);

        Assert.Equal(finds ? [id] : [], byName.Items.Select(i => i.Id));
        var hit = Assert.Single(byText.Items);
        Assert.Equal(finds, hit.Context?.Contains(surname, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Search_ContributorNameWithConsent_EveryReaderFindsIt()
    {
        var surname = SearchData.Marker();
        var id = await data.InputAsync("Innspill med navn", ministry: "FIN", contributorName: $"Ola {surname}", consentToPublishName: true);

        Assert.Equal([id], (await data.SearchAsync(People.Observer, surname)).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(People.Coordinator, true)]
    [InlineData(People.Observer, true)]
    [InlineData(People.ContactPersonFin, true)]
    [InlineData(People.ContactPersonKd, false)]
    [InlineData(People.Administrator, false)]
    public async Task Search_OneToOneMeetingWithFin_OnlyItsReadersFindItOrItsDecision(string email, bool finds)
    {
        var marker = SearchData.Marker();
        var (meeting, decision) = await data.MeetingAsync(
            $"Samtale {marker}", kind: MeetingKind.OneToOne, agenda: "Budsjett", decision: $"Vi går videre {marker}", participantMinistry: "FIN");

        var results = await data.SearchAsync(email, marker);
        var byAgenda = await data.SearchAsync(email, $"budsjettet {marker}");

        Assert.Equal(finds ? new[] { meeting, decision!.Value }.Order() : [], results.Items.Select(i => i.Id).Order());
        Assert.Equal(finds ? [meeting] : [], byAgenda.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_People_FindsByFoldedNameAndTitle()
    {
        var results = await data.SearchAsync(People.ContactPersonKd, "/api/search?q=kari&kind=person");

        Assert.Contains(results.Items, i => i.Title.Contains("Kari", StringComparison.Ordinal));
        Assert.All(results.Items, i => Assert.Equal("person", i.Kind));
    }

    [Fact]
    public async Task Search_BadParameters_ProblemDetailsNamingEveryField()
    {
        var tooLong = new string('a', 201);

        using var response = await factory.CreateClientAs(People.Observer)
            .GetAsync(new Uri($"/api/search?q={tooLong}&kind=nonsense&pageSize=0", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["Kind", "PageSize", "Q"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=%21%21%21")]
    [InlineData("/api/search?q=a+b+c+d+e+f+g+h+i")]
    [InlineData("/api/search?q=x&page=11")]
    public async Task Search_MissingEmptyTooManyTermsOrTooDeep_ValidationProblem(string url)
    {
        using var response = await factory.CreateClientAs(People.Observer).GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Unknown, HttpStatusCode.Forbidden)]
    public async Task Search_AnonymousOrUnregistered_Refused(string? email, HttpStatusCode expected)
    {
        using var response = await factory.CreateClientAs(email).GetAsync(new Uri("/api/search?q=tiltak", UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SearchPage_Query_RendersMarkedHitsWithoutScript()
    {
        var marker = SearchData.Marker();
        await data.InitiativeAsync($"<i>Klima</i>tiltak {marker}");

        var html = await factory.CreateClientAs(People.Observer).GetStringAsync(new Uri($"/sok?q=klima+{marker}", UriKind.Relative), Ct);

        Assert.Contains($"&lt;i&gt;<mark>Klima</mark>&lt;/i&gt;tiltak <mark>{marker}</mark>", html, StringComparison.Ordinal);
        Assert.Contains("1 treff på", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_TooLongQuery_ShowsTheErrorInThePage()
    {
        var html = await factory.CreateClientAs(People.Observer).GetStringAsync(new Uri($"/sok?q={new string('a', 201)}", UriKind.Relative), Ct);

        Assert.Contains("Søkeord kan ha høyst 200 tegn.", html, StringComparison.Ordinal);
    }
}
