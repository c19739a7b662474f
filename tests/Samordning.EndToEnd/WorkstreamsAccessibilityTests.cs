using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// WCAG 2.1 AA for every Workstreams page, as each role that sees it, checked with axe-core in the real browser.
// One sign-in per role walks its pages and reports every violation found, page by page.
public sealed class WorkstreamsAccessibilityTests(EndToEndFixture fixture)
{
    private const string FinanceInitiative = "Skattemelding med forhåndsutfylte opplysninger";
    private const string SeededRound = "Status per 1. mars";

    [Fact]
    public async Task WorkstreamsPages_Coordinator_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", Accounts.Coordinator);
        var found = new List<AxeViolation>();

        await CheckAsync(page, found, "Oversikt på tvers av sektorer");
        await OpenAsync(page, "/arbeidsstrommer?Status=Amber&Phase=InProgress", found, "Oversikt på tvers av sektorer");
        await OpenAsync(page, "/arbeidsstrommer/tiltak?Phase=InProgress&q=digital", found, "Tiltak");
        await OpenAsync(page, "/arbeidsstrommer/tiltak/ny", found, "Nytt tiltak");

        await OpenInitiativeAsync(page, found);
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre tiltaket", Exact = true }).ClickAsync();
        await CheckAsync(page, found, "Endre tiltak");

        await OpenAsync(page, "/arbeidsstrommer/liste", found, "Arbeidsstrømmer");
        await OpenAsync(page, "/arbeidsstrommer/ny", found, "Ny arbeidsstrøm");
        await page.GotoAsync("/arbeidsstrommer/liste");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Endre ") }).First.ClickAsync();
        await CheckAsync(page, found, "Endre arbeidsstrøm");

        await OpenAsync(page, "/arbeidsstrommer/runder", found, "Rapporteringsrunder");
        await page.GetByRole(AriaRole.Link, new() { Name = SeededRound, Exact = true }).ClickAsync();
        await CheckAsync(page, found, SeededRound);

        AssertNone(found);
    }

    [Fact]
    public async Task WorkstreamsPages_ContactPerson_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", WorkstreamsAccounts.FinanceContact);
        var found = new List<AxeViolation>();

        await CheckAsync(page, found, "Oversikt på tvers av sektorer");
        await OpenAsync(page, "/arbeidsstrommer/tiltak?Status=Green", found, "Tiltak");
        await OpenAsync(page, "/arbeidsstrommer/tiltak/ny", found, "Nytt tiltak");

        // The contact person of the owning ministry sees the progress form and the edit link.
        await OpenInitiativeAsync(page, found);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapporter fremdrift", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre tiltaket", Exact = true }).ClickAsync();
        await CheckAsync(page, found, "Endre tiltak");

        await OpenAsync(page, "/arbeidsstrommer/liste", found, "Arbeidsstrømmer");
        await OpenAsync(page, "/arbeidsstrommer/runder", found, "Rapporteringsrunder");
        await page.GetByRole(AriaRole.Link, new() { Name = SeededRound, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ditt departement (FIN)", Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page, found, SeededRound);

        AssertNone(found);
    }

    [Fact]
    public async Task WorkstreamsPages_Observer_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", WorkstreamsAccounts.Observer);
        var found = new List<AxeViolation>();

        await CheckAsync(page, found, "Oversikt på tvers av sektorer");
        await OpenAsync(page, "/arbeidsstrommer/tiltak", found, "Tiltak");
        await OpenInitiativeAsync(page, found);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Endre tiltaket", Exact = true })).ToHaveCountAsync(0);
        await OpenAsync(page, "/arbeidsstrommer/liste", found, "Arbeidsstrømmer");
        await OpenAsync(page, "/arbeidsstrommer/runder", found, "Rapporteringsrunder");
        await page.GetByRole(AriaRole.Link, new() { Name = SeededRound, Exact = true }).ClickAsync();
        await CheckAsync(page, found, SeededRound);

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

    private static void AssertNone(List<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
