using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Tests.Workstreams.Overlaps;

// Issue 17 through the API and pages: suggestions of other ministries' initiatives, the KMD list of likely overlaps,
// and its decisions. Each test writes a made-up word of its own into its initiatives, so tests sharing the database
// find only their own.
public sealed class OverlapApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Suggest_SimilarInitiativeOfOtherMinistry_ListedWithWhy()
    {
        var word = Word();
        var kd = await api.MinistryAsync("KD");
        var hod = await api.MinistryAsync("HOD");
        var other = await CreateAsync(kd.Id, $"Flere barnehageplasser i {word}", "Tilskudd til kommuner med lange ventelister.", "barnehage");
        var own = await CreateAsync(hod.Id, $"Flere barnehageplasser i {word}", "Tilskudd til kommuner med lange ventelister.", "barnehage");

        var found = await SuggestAsync(People.ContactPersonHod, $"?title={Uri.EscapeDataString($"Plass i barnehage i {word}")}&tags=barnehage&ministry={hod.Id}");

        Assert.DoesNotContain(found, s => s.Id == own.Id || s.MinistryCode == "HOD");
        var match = Assert.Single(found, s => s.Id == other.Id);
        Assert.Equal("KD", match.MinistryCode);
        Assert.Contains(match.Reasons, r => r.Contains(word, StringComparison.Ordinal));
        Assert.Contains(match.Reasons, r => r == "Felles emneord: barnehage");
    }

    [Fact]
    public async Task Suggest_AfterAnEdit_FindsTheNewText()
    {
        var word = Word();
        var kd = await api.MinistryAsync("KD");
        var created = await CreateAsync(kd.Id, "Vedlikehold av fylkesveier", null);
        Assert.DoesNotContain(await SuggestAsync(People.ContactPersonHod, $"?title=Digital+eksamen+{word}"), s => s.Id == created.Id);

        var request = WorkstreamsApi.AsRequest(created) with { Title = $"Digital eksamen {word} i videregående" };
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(await WorkstreamsApi.PutAsync(api.As(People.Coordinator), $"/api/workstreams/initiatives/{created.Id}", request), HttpStatusCode.OK);

        Assert.Contains(await SuggestAsync(People.ContactPersonHod, $"?title=Digital+eksamen+{word}"), s => s.Id == created.Id);
    }

    [Fact]
    public async Task Suggest_TitleTooLong_ProblemNamesTheField()
    {
        var response = await api.As(People.ContactPersonHod).GetAsync($"/api/workstreams/initiatives/overlaps/suggest?title={new string('a', 201)}", Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["title"], errors.Keys);
    }

    [Fact]
    public async Task ListAndPage_NotCoordinator_Forbidden()
    {
        var client = api.As(People.ContactPersonHod);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/workstreams/overlaps", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/arbeidsstrommer/overlapp", Ct)).StatusCode);
        var decide = await WorkstreamsApi.PostAsync(client, "/api/workstreams/overlaps/decisions", new OverlapDecisionRequest(Guid.NewGuid(), Guid.NewGuid(), OverlapVerdict.Dismissed, null));
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
    }

    [Fact]
    public async Task Decide_SameWork_PairLeavesTheListAndBothPagesLinkTheOther()
    {
        var (first, second) = await PairAsync();
        var coordinator = api.As(People.Coordinator);
        Assert.Contains(await ListAsync(), p => Is(p, first.Id, second.Id) && p.Reasons.Count > 0);
        var page = await coordinator.GetStringAsync("/arbeidsstrommer/overlapp", Ct);
        Assert.Contains(first.Title, page, StringComparison.Ordinal);

        var decided = await WorkstreamsApi.ReadAsync<OverlapDecisionView>(
            await WorkstreamsApi.PostAsync(coordinator, "/api/workstreams/overlaps/decisions", new OverlapDecisionRequest(second.Id, first.Id, OverlapVerdict.SameWork, null)), HttpStatusCode.OK);

        Assert.Equal(OverlapVerdict.SameWork, decided.Verdict);
        Assert.DoesNotContain(await ListAsync(), p => Is(p, first.Id, second.Id));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var open = await scope.ServiceProvider.GetRequiredService<IOpenOverlaps>().ListAsync(1000, Ct);
            Assert.DoesNotContain(open, o => o.FirstId == decided.FirstId && o.SecondId == decided.SecondId);
        }

        foreach (var (one, other) in new[] { (first, second), (second, first) })
        {
            var html = await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak/{one.Id}", Ct);
            Assert.Contains("Samme arbeid som", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{other.Id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decide_StaleOrMissingVersion_ConflictWithTheCurrentDecision()
    {
        var (first, second) = await PairAsync();
        var coordinator = api.As(People.Coordinator);
        var url = "/api/workstreams/overlaps/decisions";
        var dismissed = await WorkstreamsApi.ReadAsync<OverlapDecisionView>(
            await WorkstreamsApi.PostAsync(coordinator, url, new OverlapDecisionRequest(first.Id, second.Id, OverlapVerdict.Dismissed, null)), HttpStatusCode.OK);

        // Someone who had not seen that decision, and someone who saw an older version of it, both get 409.
        Assert.Equal(HttpStatusCode.Conflict, (await WorkstreamsApi.PostAsync(coordinator, url, new OverlapDecisionRequest(first.Id, second.Id, OverlapVerdict.SameWork, null))).StatusCode);
        var changed = await WorkstreamsApi.ReadAsync<OverlapDecisionView>(
            await WorkstreamsApi.PostAsync(coordinator, url, new OverlapDecisionRequest(first.Id, second.Id, OverlapVerdict.SameWork, dismissed.Version)), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await WorkstreamsApi.PostAsync(coordinator, url, new OverlapDecisionRequest(first.Id, second.Id, OverlapVerdict.Dismissed, dismissed.Version))).StatusCode);

        Assert.Equal(dismissed.Version + 1, changed.Version);
        Assert.DoesNotContain(await ListAsync(), p => Is(p, first.Id, second.Id));
    }

    [Fact]
    public async Task Decide_Nothing_ProblemNamesEveryField()
    {
        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/overlaps/decisions", new OverlapDecisionRequest(null, null, null, null));

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["firstId", "secondId", "verdict"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DetailsPage_AfterSave_ShowsSimilarInitiativesWithoutScript()
    {
        var (first, second) = await PairAsync();

        var html = await api.As(People.ContactPersonKd).GetStringAsync($"/arbeidsstrommer/tiltak/{second.Id}?lagret=true", Ct);

        Assert.Contains("Lignende tiltak i andre departementer", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{first.Id}\"", html, StringComparison.Ordinal);
    }

    private async Task<(InitiativeDetails First, InitiativeDetails Second)> PairAsync()
    {
        var word = Word();
        var first = await CreateAsync((await api.MinistryAsync("HOD")).Id, $"Digital hjemmeoppfølging av {word}", "Pasienter følges opp hjemme med måleutstyr.", "velferdsteknologi");
        var second = await CreateAsync((await api.MinistryAsync("KD")).Id, $"Oppfølging av {word} i eget hjem", "Kommunene følger opp pasientar heime med digitale løsninger.", "velferdsteknologi");
        return (first, second);
    }

    private static bool Is(PairView pair, Guid a, Guid b) =>
        (pair.First.Id == a && pair.Second.Id == b) || (pair.First.Id == b && pair.Second.Id == a);

    private async Task<IReadOnlyList<PairView>> ListAsync() =>
        await WorkstreamsApi.ReadAsync<IReadOnlyList<PairView>>(await api.As(People.Coordinator).GetAsync("/api/workstreams/overlaps", Ct), HttpStatusCode.OK);

    private async Task<IReadOnlyList<OverlapSuggestion>> SuggestAsync(string email, string query) =>
        await WorkstreamsApi.ReadAsync<IReadOnlyList<OverlapSuggestion>>(await api.As(email).GetAsync($"/api/workstreams/initiatives/overlaps/suggest{query}", Ct), HttpStatusCode.OK);

    // The node builds its index in the background after it starts (OverlapNotReadyTests: what is answered until then).
    private async Task<InitiativeDetails> CreateAsync(Guid ministry, string title, string? summary, params string[] tags)
    {
        await factory.Services.GetRequiredService<OverlapFinder>().WhenReadyAsync(Ct);
        return await api.CreateInitiativeAsync(Builders.Initiative(ministry) with { Title = title, Summary = summary, Tags = tags });
    }

    private sealed record PairView(OverlapSide First, OverlapSide Second, double Score, IReadOnlyList<JsonElement> Reasons);

    // A word no other test writes: letters only, so it is one word to the finder.
    private static string Word() => "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Select(c => (char)(c + 10)));
}
