using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 2 in a real browser: a decision linked to an initiative through the meeting page's picker, found
// in the decision register by its filter and on the initiative's page, and a workstream's page; axe on each.
public sealed class LinksTests(EndToEndFixture fixture)
{
    private const string FinanceInitiative = "Skattemelding med forhåndsutfylte opplysninger";

    [Fact]
    public async Task DecisionRegister_DecisionLinkedThroughThePicker_FoundByInitiativeFilterAndOnTheInitiativePage()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        var violations = new List<AxeViolation>();
        var text = $"Vi prøver ut forhåndsutfylling {Guid.NewGuid():N}"[..48];
        await page.SignInAsync("/moter", Accounts.Facilitator);

        // The demo workshop is live and Sigrid facilitates it: a decision linked to the finance initiative.
        await page.GetByRole(AriaRole.Link, new() { Name = "Verksted: kultur for innovasjon", Exact = true }).ClickAsync();
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Beslutning" });
        await page.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        // The picker lists the facilitator's own ministry's initiatives; the type-ahead finds FIN's.
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Søk etter tiltak", Exact = true });
        await search.PressSequentiallyAsync("forhåndsutfylte", new() { Delay = 20 });
        await page.GetByRole(AriaRole.Option, new() { Name = $"FIN: {FinanceInitiative}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre notatet", Exact = true }).ClickAsync();
        await Expect(page.GetByText(text).First).ToBeVisibleAsync();

        await page.GotoAsync("/moter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Beslutningsregister", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beslutningsregister");
        violations.AddRange(await Axe.CheckAsync(page));

        await page.GetByLabel("Tiltak", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"FIN: {FinanceInitiative}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        var table = page.GetByTestId("decisions");
        await Expect(table.GetByText(text)).ToBeVisibleAsync();
        await Expect(table.GetByText("Stortingsmeldingen skrives sammen med sektorene", new() { Exact = false })).ToHaveCountAsync(0);
        violations.AddRange(await Axe.CheckAsync(page));

        // The export keeps the filter.
        var csv = await page.GetByRole(AriaRole.Link, new() { Name = "Last ned CSV", Exact = true }).GetAttributeAsync("href");
        Assert.Matches(new Regex("^/api/meetings/decisions/export\\.csv\\?.*InitiativeId="), csv!);

        await page.GotoAsync($"/arbeidsstrommer/tiltak?q={Uri.EscapeDataString(FinanceInitiative)}");
        await page.GetByRole(AriaRole.Link, new() { Name = FinanceInitiative, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("linked-beslutninger").GetByRole(AriaRole.Link, new() { Name = text })).ToBeVisibleAsync();
        violations.AddRange(await Axe.CheckAsync(page));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task WorkstreamPage_Coordinator_GathersItsPartsWithoutSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/liste", Accounts.Coordinator);

        var first = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).First;
        var title = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        Assert.Matches(new Regex("/arbeidsstrommer/[0-9a-f-]{36}$"), page.Url);
        foreach (var heading in new[] { "Tiltak", "Møter", "Beslutninger", "Oppfølgingspunkter", "Innspill" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex($"^{heading} \\(\\d+\\+?\\)$") })).ToBeVisibleAsync();
        }

        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
