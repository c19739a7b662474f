using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Time;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;
using Phase = Samordning.Workstreams.Data.Phase;
using Rag = Samordning.Workstreams.Data.Rag;

namespace Samordning.Tests.Overview;

// The front page (/): each role's overview and its scope, the public front page, and the changes since the last
// visit, composed from the modules' IOverviewSource sections.
public sealed class OverviewTests : IAsyncLifetime
{
    private readonly TestClock clock = new() { UtcNow = DateTimeOffset.UtcNow };
    private SamordningFactory factory = null!;
    private WorkstreamsApi api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        factory = SamordningFactory.Create(new() { ConfigureServices = services => services.AddSingleton<IClock>(clock) });
        api = new WorkstreamsApi(factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task FrontPage_Anonymous_PublicPageWithOpenRoundsAndPublishedMeetings()
    {
        var round = await OpenInputRoundAsync($"Innspillsrunde {Guid.NewGuid():N}");
        var meeting = await MeetingTestData.CreateAsync(factory, r => r with
        {
            Title = $"Åpent møte {Guid.NewGuid():N}",
            StartsAt = clock.UtcNow.AddDays(2),
            EndsAt = clock.UtcNow.AddDays(2).AddHours(2),
            Published = true,
        });

        var response = await factory.CreateClientAs(null).GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("innovasjon i offentlig sektor", html, StringComparison.Ordinal);
        Assert.Contains("Kommunal- og moderniseringsdepartementet (KMD) ber om innspill", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/innspill/{round}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/moter/offentlig/{meeting.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Min oversikt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-live-topics", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ContactPerson_OwnMinistrysUnconfirmedInitiativesWithDaysLeftOnly()
    {
        var fin = await api.MinistryAsync("FIN");
        var hod = await api.MinistryAsync("HOD");
        var mine = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id));
        var theirs = await api.CreateInitiativeAsync(Builders.Initiative(hod.Id));
        var round = await OpenReportingRoundAsync(clock.UtcNow.AddDays(3).AddHours(1));

        var html = await PageAsync(People.ContactPersonFin);

        var rounds = Section(html, "rounds");
        Assert.Contains($"href=\"/arbeidsstrommer/runder/{round}\"", rounds, StringComparison.Ordinal);
        Assert.Contains("dager igjen", rounds, StringComparison.Ordinal);
        Assert.Contains(mine.Title, rounds, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"silent\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"deadlines\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"changes\"", html, StringComparison.Ordinal);

        var other = await PageAsync(People.ContactPersonHod);
        Assert.Contains(theirs.Title, Section(other, "rounds"), StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Title, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ContactPersonWhoseMinistrySubmitted_RoundGone()
    {
        var kd = await api.MinistryAsync("KD");
        var round = await OpenReportingRoundAsync(clock.UtcNow.AddDays(5));
        foreach (var left in await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Coordinator), round, kd.Id))
        {
            await WorkstreamsApi.ReadAsync<InitiativeDetails>(
                await WorkstreamsApi.PostAsync(api.As(People.ContactPersonKd), $"/api/workstreams/rounds/{round}/initiatives/{left.Id}/confirm", new ConfirmRequest(null)), HttpStatusCode.OK);
        }

        await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonKd), $"/api/workstreams/rounds/{round}/submit", new SubmitRequest(kd.Id)), HttpStatusCode.OK);

        Assert.DoesNotContain($"/arbeidsstrommer/runder/{round}\"", Section(await PageAsync(People.ContactPersonKd), "rounds"), StringComparison.Ordinal);
        Assert.Contains($"/arbeidsstrommer/runder/{round}\"", Section(await PageAsync(People.ContactPersonFin), "rounds"), StringComparison.Ordinal);
    }

    // The section counts from the kept totals and an index and reads only the first titles; what it says must be
    // what a plain count of every initiative and confirmation says, a confirmed initiative completed since included.
    [Fact]
    public async Task Overview_ContactPerson_RoundCountsAndFirstTitlesEqualAPlainCount()
    {
        var fin = await api.MinistryAsync("FIN");
        var created = new List<InitiativeDetails>();
        for (var n = 1; n <= 14; n++)
        {
            created.Add(await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = $"AAAA overview {n:00} {Guid.NewGuid():N}" }));
        }

        var title = $"Runde {Guid.NewGuid():N}";
        var round = await OpenReportingRoundAsync(clock.UtcNow.AddDays(6), title);
        foreach (var confirmed in created.Take(4))
        {
            await WorkstreamsApi.ReadAsync<InitiativeDetails>(
                await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), $"/api/workstreams/rounds/{round}/initiatives/{confirmed.Id}/confirm", new ConfirmRequest(null)), HttpStatusCode.OK);
        }

        // One confirmed and one unconfirmed initiative leave the running ones.
        foreach (var done in new[] { created[0], created[5] })
        {
            var current = await api.GetInitiativeAsync(done.Id);
            await WorkstreamsApi.ReadAsync<InitiativeDetails>(
                await WorkstreamsApi.PostAsync(api.As(People.Coordinator), $"/api/workstreams/initiatives/{done.Id}/progress", new ProgressRequest(Phase.Completed, 100, Rag.Green, null, "Ferdig", current.Version)),
                HttpStatusCode.OK);
        }

        var html = await PageAsync(People.ContactPersonFin);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Samordning.Workstreams.Data.WorkstreamsDbContext>();
        var running = (await db.Initiatives.AsNoTracking().ToListAsync(Ct))
            .Where(i => i.OwningMinistryId == fin.Id && i.Phase is not (Phase.Completed or Phase.Stopped)).ToList();
        var confirmations = (await db.RoundConfirmations.AsNoTracking().ToListAsync(Ct))
            .Where(c => c.RoundId == round && c.MinistryId == fin.Id).Select(c => c.InitiativeId).ToHashSet();
        var open = running.Where(i => !confirmations.Contains(i.Id)).OrderBy(i => i.Title, StringComparer.Ordinal).ToList();
        Assert.True(open.Count > 8 && running.Count > open.Count, $"{open.Count} open of {running.Count}: the test needs more than a page and some confirmed.");

        var rounds = Section(html, "rounds");
        Assert.Contains($"{open.Count} av {running.Count} tiltak ikke bekreftet", rounds, StringComparison.Ordinal);
        // Other open rounds list their own; this round's are those the detail names it in.
        var listed = System.Text.RegularExpressions.Regex.Matches(rounds, $"href=\"/arbeidsstrommer/tiltak/([0-9a-f-]{{36}})\">[^<]*</a>\\s*<span class=\"overview-detail\">Ikke bekreftet i «{title}»")
            .Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(open.Take(8).Select(i => i.Id), listed);
    }

    [Fact]
    public async Task Overview_Coordinator_SilentMinistriesAndDeadlinesThisWeek()
    {
        var hod = await api.MinistryAsync("HOD");
        var title = $"Runde {Guid.NewGuid():N}";
        var round = await OpenReportingRoundAsync(clock.UtcNow.AddDays(2), title);

        var html = await PageAsync(People.Coordinator);

        Assert.Contains($"href=\"/arbeidsstrommer/runder/{round}?departement={hod.Id}#ubekreftede\"", Section(html, "silent"), StringComparison.Ordinal);
        Assert.Contains(title, Section(html, "deadlines"), StringComparison.Ordinal);
        Assert.Contains("data-section=\"changes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"rounds\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_Facilitator_LiveMeetingFirstWithJoinAndActionItemsOfTheOwner()
    {
        var later = await MeetingTestData.CreateAsync(factory, r => r with { Title = $"Senere {Guid.NewGuid():N}", StartsAt = clock.UtcNow.AddHours(1), EndsAt = clock.UtcNow.AddHours(2) });
        var live = await MeetingTestData.CreateLiveAsync(factory, r => r with
        {
            Title = $"Pågår {Guid.NewGuid():N}",
            StartsAt = clock.UtcNow.AddHours(3),
            EndsAt = clock.UtcNow.AddHours(4),
            OnlineLink = "https://møte.example.no/rom",
        });
        var owner = await factory.PersonIdAsync(People.ContactPersonFin, Ct);
        var facilitator = factory.CreateClientAs(MeetingTestData.Facilitator);
        var response = await facilitator.PostAsJsonAsync(
            $"/api/meetings/{live.Id}/entries", new EntryRequest(EntryKind.ActionItem, $"Skriv utkast {Guid.NewGuid():N}", OwnerPersonId: owner, DueDate: Oslo.DateOf(clock.UtcNow).AddDays(3)), Ct);
        var action = await Problem.ReadOkAsync<EntryView>(response, HttpStatusCode.Created, Ct);

        var meetings = Section(await PageAsync(People.Facilitator), "meetings");

        Assert.True(meetings.IndexOf(live.Title, StringComparison.Ordinal) < meetings.IndexOf(later.Title, StringComparison.Ordinal), meetings);
        Assert.Contains("href=\"https://møte.example.no/rom\"", meetings, StringComparison.Ordinal);
        Assert.Contains("Bli med", meetings, StringComparison.Ordinal);
        var actions = Section(await PageAsync(People.ContactPersonFin), "action-items");
        Assert.Contains($"href=\"/moter/{live.Id}/notater/{action.Id}\"", actions, StringComparison.Ordinal);
        Assert.DoesNotContain(action.Text, await PageAsync(People.ContactPersonHod), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ContactPerson_NewInputOnlyOnWorkstreamsTheyFollow()
    {
        var fin = await api.MinistryAsync("FIN");
        var followed = await api.CreateWorkstreamAsync();
        var takingPart = await api.CreateWorkstreamAsync();
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { WorkstreamIds = [takingPart.Id] });
        var finClient = factory.CreateClientAs(People.ContactPersonFin);
        Assert.Equal(HttpStatusCode.NoContent, (await finClient.PutAsync($"/api/notifications/follows/{followed.Id}", null, Ct)).StatusCode);
        var onFollowed = await RegisterApi.RecordAsync(finClient, RegisterApi.Record() with { WorkstreamIds = [followed.Id] });
        var onTakingPart = await RegisterApi.RecordAsync(finClient, RegisterApi.Record() with { WorkstreamIds = [takingPart.Id] });

        var input = Section(await PageAsync(People.ContactPersonFin), "input");

        Assert.Contains($"href=\"/innspillsregister/{onFollowed.Id}\"", input, StringComparison.Ordinal);
        Assert.DoesNotContain(onTakingPart.Reference, input, StringComparison.Ordinal);
        Assert.DoesNotContain(onFollowed.Reference, await PageAsync(People.ContactPersonHod), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_Administrator_UnreadNotificationsAndNoMinistrySections()
    {
        var person = await factory.PersonIdAsync(People.Administrator, Ct);
        var title = $"Varsel {Guid.NewGuid():N}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotificationSender>().NotifyAsync(
                new PersonNotification($"test:{Guid.NewGuid():N}", person, new(title, title), "/varsler"), Ct);
        }

        var html = await PageAsync(People.Administrator);

        Assert.Contains(title, Section(html, "notifications"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"rounds\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-section=\"silent\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_CoordinatorBackAfterAPause_ChangesSinceTheLastVisit()
    {
        var fin = await api.MinistryAsync("FIN");
        Assert.Contains("Første besøk", Section(await PageAsync(People.Coordinator), "changes"), StringComparison.Ordinal);

        clock.UtcNow += TimeSpan.FromHours(1);
        var changed = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id), People.ContactPersonFin);
        clock.UtcNow += TimeSpan.FromHours(1);

        Assert.Contains(changed.Title, Section(await PageAsync(People.Coordinator), "changes"), StringComparison.Ordinal);
        // A reload within the same visit keeps the list.
        clock.UtcNow += TimeSpan.FromMinutes(5);
        Assert.Contains(changed.Title, Section(await PageAsync(People.Coordinator), "changes"), StringComparison.Ordinal);
        // The next visit counts from this one.
        clock.UtcNow += TimeSpan.FromHours(2);
        Assert.DoesNotContain(changed.Title, Section(await PageAsync(People.Coordinator), "changes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_PersonNotInRegistry_Forbidden()
    {
        var response = await factory.CreateClientAs(People.Unknown).GetAsync("/", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> PageAsync(string email)
    {
        var response = await factory.CreateClientAs(email).GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    // The HTML of one section, from its opening tag to the next section's.
    private static string Section(string html, string key)
    {
        var start = html.IndexOf($"data-section=\"{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {key}.");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private async Task<Guid> OpenReportingRoundAsync(DateTimeOffset deadline, string? title = null) =>
        (await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest(title ?? $"Runde {Guid.NewGuid():N}", null, deadline)),
            HttpStatusCode.Created)).Id;

    private async Task<Guid> OpenInputRoundAsync(string title)
    {
        var request = new Samordning.Feedback.Rounds.OpenRoundRequest(title, "Beskrivelse", [Audience.Everyone], [], clock.UtcNow.AddMinutes(-1), clock.UtcNow.AddDays(10), true, 12);
        var response = await factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/feedback/rounds", request, WorkstreamsApi.Json, Ct);
        return (await WorkstreamsApi.ReadAsync<Samordning.Feedback.Rounds.RoundDetails>(response, HttpStatusCode.Created)).Id;
    }
}
