using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 1: the front page. Each role's overview shows its own sections, the public gets a front page
// instead of the sign-in page, a change arrives without a reload, and every variant passes the accessibility check.
public sealed class OverviewTests(EndToEndFixture fixture)
{
    // The seeded open reporting round (see NotificationsTests): FIN has not submitted it.
    private const string SeededRound = "Status per 1. mars";

    private const string Administrator = "astrid.admin@dss.example.no";

    // Live delivery crosses two browsers and the hub on a loaded machine.
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task FrontPage_Anonymous_PublicPageNotSignInAndNoViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).Not.ToHaveURLAsync(SignIn.LoginPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Samordning");
        await Expect(page.GetByText("innovasjon i offentlig sektor").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Åpne innspillsrunder" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Åpne møter" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Kommunal- og moderniseringsdepartementet (KMD) ber om innspill")).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(page));
    }

    [Theory]
    [InlineData(Accounts.Coordinator, new[] { "Ikke svart i åpen runde", "Frister denne uken", "Endret siden forrige besøk", "Møter i dag og denne uken" }, "Rapporteringsrunder")]
    [InlineData(Accounts.ParticipantFin, new[] { "Rapporteringsrunder", "Møter i dag og denne uken", "Mine åpne oppfølgingspunkter", "Uleste varsler" }, "Ikke svart i åpen runde")]
    [InlineData(Accounts.Facilitator, new[] { "Møter i dag og denne uken", "Mine åpne oppfølgingspunkter", "Uleste varsler" }, "Rapporteringsrunder")]
    [InlineData(WorkstreamsAccounts.Observer, new[] { "Møter i dag og denne uken", "Uleste varsler" }, "Frister denne uken")]
    [InlineData(Administrator, new[] { "Uleste varsler" }, "Rapporteringsrunder")]
    public async Task Overview_Role_ItsSectionsAndNoViolations(string account, string[] shown, string hidden)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();

        await page.SignInAsync("/", account);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Min oversikt");
        foreach (var heading in shown)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = hidden, Exact = true })).ToHaveCountAsync(0);
        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task Overview_ContactPerson_OpenRoundOneClickAway()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/", Accounts.ParticipantFin);

        var rounds = page.Locator("[data-section='rounds']");
        await Expect(rounds).ToContainTextAsync("ikke bekreftet");
        await rounds.GetByRole(AriaRole.Link, new() { Name = SeededRound, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(SeededRound);
    }

    [Fact]
    public async Task Overview_ReminderSentToThePerson_NotificationShowsWithoutReload()
    {
        await using var personContext = await fixture.NewContextAsync();
        var overview = await personContext.NewPageAsync();
        await overview.SignInAsync("/", Accounts.ParticipantFin);
        await Expect(overview.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Min oversikt");
        var status = overview.Locator("#overview-status");
        await Expect(status).ToHaveTextAsync("");

        // A reload would clear this; a live update keeps it.
        await overview.EvaluateAsync("() => { window.e2eSamePage = true; }");

        await using var coordinatorContext = await fixture.NewContextAsync();
        var sending = await coordinatorContext.NewPageAsync();
        await sending.SignInAsync("/varsler/utsendelser", Accounts.Coordinator);
        var round = sending.GetByRole(AriaRole.Row).Filter(new() { HasText = SeededRound });
        await round.GetByRole(AriaRole.Button, new() { Name = "Send påminnelse nå" }).ClickAsync();
        await Expect(sending.GetByRole(AriaRole.Status)).ToContainTextAsync("Påminnelsen er sendt");

        await Expect(status).ToHaveTextAsync("Oversikten er oppdatert.", Live);
        var notifications = overview.Locator("[data-section='notifications']");
        await Expect(notifications.GetByRole(AriaRole.Link, new() { Name = SeededRound }).First).ToBeVisibleAsync();
        Assert.True(await overview.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The overview was reloaded instead of updated.");
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
