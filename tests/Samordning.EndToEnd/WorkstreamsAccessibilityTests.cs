using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// WCAG 2.1 AA for every Workstreams page, as each role that sees it, checked with axe-core in the real browser.
// One sign-in per role walks its pages and reports every violation found, page by page.
public sealed class WorkstreamsAccessibilityTests(EndToEndFixture fixture) : IAsyncDisposable
{
    private const string FinanceInitiative = "Skattemelding med forhåndsutfylte opplysninger";
    private const string SeededRound = "Status per 1. mars";
    private const string Dashboard = "Oversikt på tvers av sektorer";

    private readonly List<IBrowserContext> contexts = [];

    [Fact]
    public async Task WorkstreamsPages_Coordinator_HaveNoSeriousViolations()
    {
        var (page, found) = await SignInAsync(Accounts.Coordinator);
        await ReadingPagesAsync(page, found, "/arbeidsstrommer/tiltak?Phase=InProgress&q=digital");

        await OpenAsync(page, "/arbeidsstrommer?Status=Amber&Phase=InProgress", found, Dashboard);
        await OpenAsync(page, "/arbeidsstrommer/tiltak/ny", found, "Nytt tiltak");
        await EditInitiativeAsync(page, found);
        await OpenAsync(page, "/arbeidsstrommer/ny", found, "Ny arbeidsstrøm");
        await page.GotoAsync("/arbeidsstrommer/liste");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Endre ") }).First.ClickAsync();
        await CheckAsync(page, found, "Endre arbeidsstrøm");

        AssertNone(found);
    }

    [Fact]
    public async Task WorkstreamsPages_ContactPerson_HaveNoSeriousViolations()
    {
        var (page, found) = await SignInAsync(WorkstreamsAccounts.FinanceContact);
        await ReadingPagesAsync(page, found, "/arbeidsstrommer/tiltak?Status=Green");

        // The round as the contact person sees it: their own ministry's part, to confirm and submit.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ditt departement (FIN)", Exact = true })).ToBeVisibleAsync();
        await OpenAsync(page, "/arbeidsstrommer/tiltak/ny", found, "Nytt tiltak");

        // The contact person of the owning ministry sees the progress form and the edit link.
        await OpenInitiativeAsync(page, found);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapporter fremdrift", Exact = true })).ToBeVisibleAsync();
        await EditInitiativeAsync(page, found);

        AssertNone(found);
    }

    [Fact]
    public async Task WorkstreamsPages_Observer_HaveNoSeriousViolations()
    {
        var (page, found) = await SignInAsync(WorkstreamsAccounts.Observer);
        await ReadingPagesAsync(page, found, "/arbeidsstrommer/tiltak");

        await OpenInitiativeAsync(page, found);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Endre tiltaket", Exact = true })).ToHaveCountAsync(0);

        AssertNone(found);
    }

    [Fact]
    public async Task WorkstreamsPages_English_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", Accounts.Coordinator);
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var found = new List<AxeViolation>();

        await CheckAsync(page, found, "Cross-sector dashboard");
        await OpenAsync(page, "/arbeidsstrommer/tiltak?Status=Red", found, "Initiatives");
        await OpenAsync(page, "/arbeidsstrommer/tiltak/ny", found, "New initiative");
        await OpenAsync(page, "/arbeidsstrommer/runder", found, "Reporting rounds");

        AssertNone(found);
    }

    [Fact]
    public async Task InitiativeFormsWithErrors_ContactPerson_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", WorkstreamsAccounts.FinanceContact);
        var found = new List<AxeViolation>();

        // Nothing typed and a red status: the title, the reason and the summary at the top all show errors.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rød – krever tiltak" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer tiltaket", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Tittel", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, found, "Nytt tiltak");

        // The progress form on the initiative's page, with an error.
        await OpenInitiativeAsync(page, found);
        await page.GetByLabel("Fremdrift i prosent", new() { Exact = true }).FillAsync("101");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre fremdrift", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Fremdrift i prosent", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, found, FinanceInitiative);

        AssertNone(found);
    }

    private async Task<(IPage Page, List<AxeViolation> Found)> SignInAsync(string email)
    {
        var context = await fixture.NewContextAsync(bypassCsp: true);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", email);
        return (page, []);
    }

    // What every role reads: the dashboard (where sign-in lands), the list with a filter, an initiative, the
    // workstreams, the reporting rounds and the open round. Ends on the round's page.
    private static async Task ReadingPagesAsync(IPage page, List<AxeViolation> found, string listWithFilter)
    {
        await CheckAsync(page, found, Dashboard);
        await OpenAsync(page, listWithFilter, found, "Tiltak");
        await OpenInitiativeAsync(page, found);
        await OpenAsync(page, "/arbeidsstrommer/liste", found, "Arbeidsstrømmer");
        await OpenAsync(page, "/arbeidsstrommer/runder", found, "Rapporteringsrunder");
        await page.GetByRole(AriaRole.Link, new() { Name = SeededRound, Exact = true }).ClickAsync();
        await CheckAsync(page, found, SeededRound);
    }

    private static async Task EditInitiativeAsync(IPage page, List<AxeViolation> found)
    {
        await OpenInitiativeAsync(page, found);
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre tiltaket", Exact = true }).ClickAsync();
        await CheckAsync(page, found, "Endre tiltak");
    }

    private static async Task OpenInitiativeAsync(IPage page, List<AxeViolation> found)
    {
        await page.GotoAsync($"/arbeidsstrommer/tiltak?q={Uri.EscapeDataString(FinanceInitiative)}");
        await page.GetByRole(AriaRole.Link, new() { Name = FinanceInitiative, Exact = true }).ClickAsync();
        await CheckAsync(page, found, FinanceInitiative);
    }

    private static async Task OpenAsync(IPage page, string path, List<AxeViolation> found, string heading)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await CheckAsync(page, found, heading);
    }

    // Checks the page once its main heading shows, so the check runs on the page meant, not on an error page.
    private static async Task CheckAsync(IPage page, List<AxeViolation> found, string heading)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        found.AddRange(await Axe.CheckAsync(page));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    private static void AssertNone(List<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
