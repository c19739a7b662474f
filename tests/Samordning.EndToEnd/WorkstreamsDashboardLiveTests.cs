using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 3: a contact person registers an initiative through the form, and a coordinator who has the
// cross-sector dashboard open in another browser sees it change without reloading.
public sealed partial class WorkstreamsDashboardLiveTests(EndToEndFixture fixture)
{
    // Live delivery crosses two browsers, the hub and a refetch of the page on a loaded machine.
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task Dashboard_ContactPersonRegistersInitiative_CoordinatorSeesChangeWithoutReload()
    {
        var tag = $"e2e-{Guid.NewGuid():N}"[..16];
        var title = $"Digital søknad om startlån {tag}";

        await using var coordinatorContext = await fixture.NewContextAsync();
        var filtered = await coordinatorContext.NewPageAsync();

        // Filtered by a tag only this test uses, the counts are exact whatever else runs at the same time.
        await filtered.SignInAsync($"/arbeidsstrommer?Tag={tag}", Accounts.Coordinator);
        await Expect(filtered.GetByTestId("total")).ToHaveTextAsync("0");
        await Expect(filtered.GetByTestId("row-total-FIN")).ToHaveTextAsync("0");

        // The whole dashboard, in a second tab, reads the kept aggregates rather than counting initiatives.
        var whole = await coordinatorContext.NewPageAsync();
        await whole.GotoAsync("/arbeidsstrommer");
        var totalBefore = await NumberAsync(whole.GetByTestId("total"));
        var financeBefore = await NumberAsync(whole.GetByTestId("row-total-FIN"));

        // A reload would clear these; a live update keeps them.
        await filtered.EvaluateAsync("() => { window.e2eSamePage = true; }");
        await whole.EvaluateAsync("() => { window.e2eSamePage = true; }");

        await using var contactContext = await fixture.NewContextAsync();
        var form = await contactContext.NewPageAsync();
        await form.SignInAsync("/arbeidsstrommer/tiltak/ny", WorkstreamsAccounts.FinanceContact);
        await FillAndRegisterAsync(form, title, tag);

        await Expect(form).ToHaveURLAsync(DetailsAfterSave());
        await Expect(form.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lagret.");
        var facts = form.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("FIN");
        await Expect(facts).ToContainTextAsync("KD");
        await Expect(facts).ToContainTextAsync("Skatteetaten");
        await Expect(facts).ToContainTextAsync("Pågår");
        await Expect(facts).ToContainTextAsync("20 %");
        await Expect(facts).ToContainTextAsync("Gul – risiko – Venter på avklaring med Husbanken");
        await Expect(facts).ToContainTextAsync("Per Hansen");
        await Expect(facts).ToContainTextAsync(tag);
        await Expect(facts).ToContainTextAsync("Færre manuelle søknader");
        await Expect(form.GetByRole(AriaRole.Link, new() { Name = "Veileder", Exact = true })).ToHaveAttributeAsync("href", "https://www.example.no/veileder");

        await Expect(filtered.GetByTestId("total")).ToHaveTextAsync("1", Live);
        await Expect(filtered.GetByTestId("row-total-FIN")).ToHaveTextAsync("1");
        await Expect(filtered.GetByTestId("row-total-KD")).ToHaveTextAsync("0");
        await Expect(filtered.Locator("#cross-heading + *").GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Expect(filtered.Locator("#dashboard-status")).ToHaveTextAsync("Oversikten er oppdatert.");
        await Expect(filtered.Locator("#dashboard-status")).ToHaveAttributeAsync("aria-live", "polite");
        Assert.True(await filtered.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The filtered dashboard was reloaded instead of updated.");

        await Expect(whole.GetByTestId("row-total-FIN")).Not.ToHaveTextAsync(financeBefore.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        Assert.True(await NumberAsync(whole.GetByTestId("row-total-FIN")) >= financeBefore + 1);
        Assert.True(await NumberAsync(whole.GetByTestId("total")) >= totalBefore + 1);
        Assert.True(await whole.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The dashboard was reloaded instead of updated.");
    }

    private static async Task FillAndRegisterAsync(IPage form, string title, string tag)
    {
        await form.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Sammendrag", new() { Exact = true }).FillAsync("Én digital søknad for startlån i alle kommuner.");

        // A contact person owns initiatives only for their own ministry: it is the one choice.
        await Expect(form.GetByLabel("Departement som eier tiltaket", new() { Exact = true })).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
        await Expect(form.GetByLabel("Departement som eier tiltaket", new() { Exact = true }).Locator("option")).ToHaveCountAsync(1);

        await form.GetByLabel(new Regex("^KD – ")).CheckAsync();
        await form.GetByLabel("Virksomheter som er med", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "FIN – Skatteetaten" });
        await form.GetByLabel(new Regex(@"^6\. ")).CheckAsync();
        await form.GetByLabel("Fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pågår" });
        await form.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true }).FillAsync("20");
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gul – risiko" });
        await form.GetByLabel("Begrunnelse for status (må fylles ut ved rød)", new() { Exact = true }).FillAsync("Venter på avklaring med Husbanken");
        await form.GetByLabel("Startdato", new() { Exact = true }).FillAsync("2026-01-15");
        await form.GetByLabel("Sluttdato", new() { Exact = true }).FillAsync("2027-06-30");
        await form.GetByLabel("Kontaktperson", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Per Hansen (FIN)" });
        await form.GetByLabel("Stikkord", new() { Exact = true }).FillAsync($"{tag}, digitalisering");
        await form.GetByLabel("Lenker", new() { Exact = true }).FillAsync("https://www.example.no/veileder Veileder");
        await form.GetByLabel("Forventede resultater", new() { Exact = true }).FillAsync("Færre manuelle søknader");
        await form.GetByLabel("Oppnådde resultater", new() { Exact = true }).FillAsync("Pilot i to kommuner");
        await form.GetByRole(AriaRole.Button, new() { Name = "Registrer tiltaket", Exact = true }).ClickAsync();
    }

    private static async Task<int> NumberAsync(ILocator locator)
    {
        await Expect(locator).ToHaveTextAsync(new Regex(@"^\d+$"));
        return int.Parse(await locator.InnerTextAsync(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/arbeidsstrommer/tiltak/[0-9a-f-]{36}\?lagret=true$")]
    private static partial Regex DetailsAfterSave();
}
