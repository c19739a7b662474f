using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Milestones;

namespace Samordning.Tests.PublicProcess;

// The public pages are answered to anonymous visitors from a cache of whole responses, and cache their timeline and
// lists as rendered HTML for everyone else (issue 18, speed): a change to what is public is visible at the next
// request, each language gets its own, each visitor gets their own tokens, and a signed-in person never gets (nor
// leaves) an anonymous page. Every test reads the page once before the change, so it is cached when the change happens.
public sealed class PublicPageCacheTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Process_MilestonePublishedThenUnpublished_NextGetShowsEach()
    {
        var anonymous = fixture.Factory.CreateClientAs(null);
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var milestone = await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone($"Bufret milepæl {Guid.NewGuid():N}", published: false));
        var before = await anonymous.GetStringAsync("/prosess", Ct);

        var published = await PutAsync(coordinator, milestone, published: true);
        var afterPublish = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess", Ct));
        await PutAsync(coordinator, published, published: false);
        var afterUnpublish = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess", Ct));

        Assert.DoesNotContain(milestone.TitleNb, WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        Assert.Contains(milestone.TitleNb, afterPublish, StringComparison.Ordinal);
        Assert.DoesNotContain(milestone.TitleNb, afterUnpublish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedInput_ItemAndResponsePublished_NextGetShowsThem()
    {
        var round = await fixture.OpenRoundAsync();
        var reference = await SubmitAsync(round.Id);
        var item = await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Reference == reference, Ct));
        var anonymous = fixture.Factory.CreateClientAs(null);
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var summary = $"Bufret svar {Guid.NewGuid():N}";
        var before = await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt", Ct);

        var details = await RegisterApi.ReadAsync<ItemDetails>(await coordinator.GetAsync($"/api/feedback/items/{item.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await RegisterApi.AssessAsync(coordinator, item.Id, RegisterApi.Assess(details, published: true))).StatusCode);
        var itemShown = await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt", Ct);
        await RegisterApi.ReadAsync<ResponseDetails>(await coordinator.PutAsJsonAsync(
            $"/api/feedback/items/{item.Id}/response",
            new ResponseRequest(summary, ResponseOutcome.UsedInChapter, 3, "Se kapittel 3.", true, null),
            FeedbackFixture.Json,
            Ct), HttpStatusCode.OK);
        var responseShown = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt", Ct));
        var process = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess", Ct));

        Assert.DoesNotContain(reference, before, StringComparison.Ordinal);
        Assert.Contains($"id=\"innspill-{reference}\"", itemShown, StringComparison.Ordinal);
        Assert.DoesNotContain(summary, itemShown, StringComparison.Ordinal);
        Assert.Contains(summary, responseShown, StringComparison.Ordinal);
        Assert.Contains(summary, process, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundList_RoundOpened_NextGetListsIt()
    {
        var anonymous = fixture.Factory.CreateClientAs(null);
        await anonymous.GetStringAsync("/innspill", Ct);

        var round = await fixture.OpenRoundAsync();
        var after = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/innspill", Ct));

        Assert.Contains(round.Title, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_BokmalCachedFirst_NynorskAndEnglishGetTheirOwn()
    {
        var milestone = await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone($"Bokmål {Guid.NewGuid():N}") with { TitleEn = $"English {Guid.NewGuid():N}", TitleNn = $"Nynorsk {Guid.NewGuid():N}" });
        var round = await fixture.OpenRoundAsync();
        var anonymous = fixture.Factory.CreateClientAs(null);
        var bokmal = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess", Ct));
        var bokmalRounds = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/innspill", Ct));
        var bokmalInput = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt", Ct));

        var nynorsk = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess?culture=nn", Ct));
        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess?culture=en", Ct));
        var nynorskRounds = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/innspill?culture=nn", Ct));
        var englishRounds = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/innspill?culture=en", Ct));
        var nynorskInput = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt?culture=nn", Ct));
        var englishInput = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/innspill/{round.Id}/mottatt?culture=en", Ct));

        Assert.Contains(milestone.TitleNb, bokmal, StringComparison.Ordinal);
        Assert.Contains(milestone.TitleNn!, nynorsk, StringComparison.Ordinal);
        Assert.DoesNotContain(milestone.TitleNb, nynorsk, StringComparison.Ordinal);
        Assert.Contains(milestone.TitleEn!, english, StringComparison.Ordinal);
        Assert.DoesNotContain(milestone.TitleNb, english, StringComparison.Ordinal);
        Assert.Contains("Åpne runder", bokmalRounds, StringComparison.Ordinal);
        Assert.Contains("Opne rundar", nynorskRounds, StringComparison.Ordinal);
        Assert.Contains("Open rounds", englishRounds, StringComparison.Ordinal);
        Assert.Contains("Ingen innspill er publisert ennå.", bokmalInput, StringComparison.Ordinal);
        Assert.Contains("Ingen innspel er publiserte enno.", nynorskInput, StringComparison.Ordinal);
        Assert.Contains("No input has been published yet.", englishInput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_SecondVisitorFromTheCache_GetsOwnTokensAndBothSubmit()
    {
        var (round, first, second) = await TwoVisitorsAsync();

        var (firstAntiforgery, firstToken) = await PublicForm.OpenAsync(first, round.Id);
        var (secondAntiforgery, secondToken) = await PublicForm.OpenAsync(second, round.Id);
        var firstPosted = await PublicForm.PostToAsync(first, $"/innspill/{round.Id}", PublicForm.Valid(firstAntiforgery, firstToken));
        var secondPosted = await PublicForm.PostToAsync(second, $"/innspill/{round.Id}", PublicForm.Valid(secondAntiforgery, secondToken));

        Assert.NotEqual(firstAntiforgery, secondAntiforgery);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(HttpStatusCode.Redirect, firstPosted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, secondPosted.StatusCode);
        Assert.NotEqual(PublicForm.Reference(firstPosted), PublicForm.Reference(secondPosted));
    }

    [Fact]
    public async Task Form_TokenOfOneVisitor_RefusedForAnother()
    {
        var (round, first, second) = await TwoVisitorsAsync();
        var (firstAntiforgery, _) = await PublicForm.OpenAsync(first, round.Id);
        var (_, secondToken) = await PublicForm.OpenAsync(second, round.Id);

        var posted = await PublicForm.PostToAsync(second, $"/innspill/{round.Id}", PublicForm.Valid(firstAntiforgery, secondToken));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Theory]
    [InlineData("/prosess")]
    [InlineData("/innspill")]
    public async Task Page_AnonymousCachedThenSignedIn_SignedInGetsTheirOwnPage(string path)
    {
        var (anonymous, coordinator) = await OnNewVersionAsync();

        var anonymousFirst = await anonymous.GetStringAsync(path, Ct);
        var anonymousAgain = await anonymous.GetStringAsync(path, Ct);
        var signedIn = await coordinator.GetStringAsync(path, Ct);

        Assert.Contains("/konto/start", anonymousAgain, StringComparison.Ordinal);
        Assert.DoesNotContain("/konto/logg-ut", anonymousFirst, StringComparison.Ordinal);
        Assert.Contains("/konto/logg-ut", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("/konto/start", signedIn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/prosess")]
    [InlineData("/innspill")]
    public async Task Page_SignedInFirst_AnonymousNeverGetsTheirPage(string path)
    {
        var (anonymous, coordinator) = await OnNewVersionAsync();

        await coordinator.GetStringAsync(path, Ct);
        var anonymousAfter = await anonymous.GetStringAsync(path, Ct);

        Assert.DoesNotContain("/konto/logg-ut", anonymousAfter, StringComparison.Ordinal);
        Assert.Contains("/konto/start", anonymousAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_RoundUnpublishedAfterCached_NextAnonymousGetIsNotFound()
    {
        var round = await fixture.OpenRoundAsync();
        var anonymous = fixture.Factory.CreateClientAs(null);
        await anonymous.GetStringAsync($"/innspill/{round.Id}", Ct);
        await anonymous.GetStringAsync($"/innspill/{round.Id}", Ct);

        await fixture.WithDbAsync(async db =>
        {
            var stored = await db.Rounds.SingleAsync(r => r.Id == round.Id, Ct);
            stored.IsPublic = false;
            return await db.SaveChangesAsync(Ct);
        });
        var after = await anonymous.GetAsync($"/innspill/{round.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    // A newly opened round and two anonymous visitors, each with their own cookies.
    private async Task<(RoundDetails Round, HttpClient First, HttpClient Second)> TwoVisitorsAsync() =>
        (await fixture.OpenRoundAsync(), fixture.Factory.CreateClientAs(null), fixture.Factory.CreateClientAs(null));

    // A new public-content version (a milestone published), so nothing is cached yet; an anonymous and a signed-in client.
    private async Task<(HttpClient Anonymous, HttpClient Coordinator)> OnNewVersionAsync()
    {
        await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone($"Ny versjon {Guid.NewGuid():N}"));
        return (fixture.Factory.CreateClientAs(null), fixture.Factory.CreateClientAs(People.Coordinator));
    }

    private static async Task<MilestoneDetails> PutAsync(HttpClient coordinator, MilestoneDetails milestone, bool published)
    {
        var response = await coordinator.PutAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}", milestone.ToRequest() with { Published = published }, Ct);
        return await Problem.ReadOkAsync<MilestoneDetails>(response, HttpStatusCode.OK, Ct);
    }

    // Input sent on the public form; nobody has published it yet.
    private async Task<string> SubmitAsync(Guid roundId)
    {
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, roundId);
        var posted = await PublicForm.PostToAsync(client, $"/innspill/{roundId}", PublicForm.Valid(antiforgery, token));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return PublicForm.Reference(posted);
    }
}
