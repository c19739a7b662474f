using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The initiative pages beyond registering: two people editing at once, the progress history, and a round's
// unconfirmed initiatives per ministry. Each test registers its own initiative, so tests never share one.
public sealed partial class WorkstreamsInitiativeTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task EditInitiative_SomeoneElseSavedFirst_ShowsConflictKeepsInputAndSavesOnlyWhenAskedAgain()
    {
        var title = $"Konflikt {Guid.NewGuid():N}"[..22];
        await using var first = await fixture.NewContextAsync();
        var mine = await first.NewPageAsync();
        await mine.SignInAsync("/arbeidsstrommer/tiltak/ny", Accounts.Coordinator);
        var details = await RegisterAsync(mine, title, "FIN");

        await mine.GotoAsync($"{details}/endre");
        await Expect(mine.GetByLabel("Tittel", new() { Exact = true })).ToHaveValueAsync(title);

        await using var second = await fixture.NewContextAsync();
        var theirs = await second.NewPageAsync();
        await theirs.SignInAsync($"{details}/endre", WorkstreamsAccounts.FinanceContact);
        await theirs.GetByLabel("Tittel", new() { Exact = true }).FillAsync($"{title} (B)");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{title} (B)");

        await mine.GetByLabel("Sammendrag", new() { Exact = true }).FillAsync("Min tekst skal ikke gå tapt.");
        await mine.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true }).FillAsync("30");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();

        var alert = mine.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Noen andre har endret tiltaket mens du skrev" });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync($"{title} (B)");
        await Expect(mine).ToHaveURLAsync(new Regex("/endre$"));
        await Expect(mine.GetByLabel("Tittel", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(mine.GetByLabel("Sammendrag", new() { Exact = true })).ToHaveValueAsync("Min tekst skal ikke gå tapt.");
        await Expect(mine.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true })).ToHaveValueAsync("30");

        // Nothing was overwritten: the other person's save stands until this one is made deliberately.
        await theirs.ReloadAsync();
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{title} (B)");

        await mine.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(mine.Locator("dl.facts")).ToContainTextAsync("30 %");
        await Expect(mine.Locator("dl.facts")).Not.ToContainTextAsync("(B)");
    }

    [Fact]
    public async Task Details_ContactPersonReportsProgressTwice_HistoryTableAndChartShowEveryUpdate()
    {
        var title = $"Fremdrift {Guid.NewGuid():N}"[..22];
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", WorkstreamsAccounts.FinanceContact);
        await RegisterAsync(page, title, "FIN");

        await ReportAsync(page, "40", "Første kvartal", status: null);
        await ReportAsync(page, "70", "Andre kvartal", status: "Gul – risiko");

        var history = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.Locator("caption", new() { HasText = "Oppdateringer av tiltaket (3)" }) });
        var rows = history.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("10 %");
        await Expect(rows.Nth(1)).ToContainTextAsync("40 %");
        await Expect(rows.Nth(1)).ToContainTextAsync("Første kvartal");
        await Expect(rows.Nth(2)).ToContainTextAsync("70 %");
        await Expect(rows.Nth(2)).ToContainTextAsync("Gul – Venter på leverandør");
        await Expect(rows.Nth(2)).ToContainTextAsync("Per Hansen");

        // The chart repeats the table for sighted readers, values written out; screen readers read the table.
        var chart = page.Locator("figure.chart");
        await Expect(chart).ToHaveAttributeAsync("aria-hidden", "true");
        await Expect(chart.Locator("text.chart__value")).ToHaveTextAsync(["10", "40", "70"]);
        await Expect(chart.Locator("circle")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Round_CoordinatorOpensMinistry_SeesItsUnconfirmedInitiatives()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/runder", Accounts.Coordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Status per 1. mars", Exact = true }).ClickAsync();

        var financeRow = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "FIN", Exact = true }) });
        await financeRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("se tiltakene FIN ikke har bekreftet") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?departement=[0-9a-f-]{36}#ubekreftede$"));
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Ikke bekreftet ennå: FIN", Exact = true }) });
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Skattemelding med forhåndsutfylte opplysninger", Exact = true })).ToBeVisibleAsync();
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Innovative anskaffelser i staten", Exact = true })).ToHaveCountAsync(0);
    }

    // Registers an initiative with the fewest fields (progress 10) and returns the path of its page.
    internal static async Task<string> RegisterAsync(IPage page, string title, string ministryCode)
    {
        await page.GotoAsync("/arbeidsstrommer/tiltak/ny");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        var owner = page.GetByLabel("Departement som eier tiltaket", new() { Exact = true });
        var option = owner.Locator("option", new() { HasTextRegex = new Regex($"^{ministryCode} – ") });
        await owner.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await page.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true }).FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer tiltaket", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        return DetailsPath().Match(page.Url).Value;
    }

    private static async Task ReportAsync(IPage page, string progress, string note, string? status)
    {
        await page.GetByLabel("Fremdrift i prosent", new() { Exact = true }).FillAsync(progress);
        if (status is not null)
        {
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = status });
            await page.GetByLabel("Begrunnelse for status (må fylles ut ved rød)", new() { Exact = true }).FillAsync("Venter på leverandør");
        }

        await page.GetByLabel("Merknad (valgfritt)", new() { Exact = true }).FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre fremdrift", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lagret." })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync($"{progress} %");
    }

    [GeneratedRegex(@"/arbeidsstrommer/tiltak/[0-9a-f-]{36}")]
    private static partial Regex DetailsPath();
}
