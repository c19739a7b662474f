using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16 in a browser with JavaScript turned off: a KMD coordinator recording input finds another ministry's
// initiative with the picker's "Finn tiltak" button (the form comes back as they filled it in, with the match in the
// list), chooses it and records the input linked to it; the page after the find has no serious axe findings.
public sealed partial class InitiativeFindWithoutScriptTests(EndToEndFixture fixture)
{
    private const string FinanceInitiative = "FIN: Skattemelding med forhåndsutfylte opplysninger";

    [Fact]
    public async Task RecordInput_WithoutJavaScript_CoordinatorFindsAnotherMinistrysInitiativeAndLinksIt()
    {
        await using var context = await fixture.NewContextWithoutScriptAsync(Accounts.Coordinator);
        var page = await context.NewPageAsync();
        var organisation = $"Uten skript {Guid.NewGuid():N}"[..28];
        await page.GotoAsync("/innspillsregister/ny");
        var picker = page.GetByLabel("Tiltak innspillet gjelder", new() { Exact = true });
        await Expect(picker.Locator("option", new() { HasText = FinanceInitiative })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Søk etter tiltak" })).ToHaveCountAsync(0);

        await page.GetByLabel("Kanal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Email" });
        await page.GetByLabel("Kilde, for eksempel «Brev fra Difi» eller møtets navn", new() { Exact = true }).FillAsync("E-post til KMD");
        await page.GetByLabel("Avsendertype", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Supplier" });
        await page.GetByLabel("Organisasjon", new() { Exact = true }).FillAsync(organisation);
        await page.GetByLabel("Innspillet", new() { Exact = true }).FillAsync("Forhåndsutfylling bør gjelde flere skjemaer.");
        var search = page.GetByLabel("Søk etter tiltak", new() { Exact = true });
        await search.FillAsync("forhåndsutfylte skatt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finn tiltak", Exact = true }).ClickAsync();

        await Expect(search).ToBeFocusedAsync();
        await Expect(search).ToHaveAccessibleDescriptionAsync(new Regex("passer «forhåndsutfylte skatt» og står først i listen over"));
        await Expect(page.GetByLabel("Organisasjon", new() { Exact = true })).ToHaveValueAsync(organisation);
        await Expect(page.GetByLabel("Innspillet", new() { Exact = true })).ToHaveValueAsync("Forhåndsutfylling bør gjelde flere skjemaer.");
        await Expect(picker.Locator("option", new() { HasText = FinanceInitiative })).ToHaveCountAsync(1);
        var violations = await AxeOnCopyAsync(page);

        await picker.SelectOptionAsync(new SelectOptionValue { Label = FinanceInitiative });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ItemPage());
        await Expect(page.GetByTestId("item-initiatives").GetByRole(AriaRole.Link, new() { Name = FinanceInitiative, Exact = true })).ToBeVisibleAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    // axe-core cannot run where script is off (its checks wait on timers), so it checks a copy of the page as the
    // browser without script got it, in a browser with script whose requests for the app's scripts are refused.
    private async Task<IReadOnlyList<AxeViolation>> AxeOnCopyAsync(IPage page)
    {
        var html = await page.ContentAsync();
        await using var checking = await fixture.NewContextAsync(bypassCsp: true);
        var copy = await checking.NewPageAsync();
        await copy.RouteAsync("**/*.js*", route => route.AbortAsync());
        await copy.RouteAsync(page.Url, route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
        await copy.GotoAsync(page.Url);
        return await Axe.CheckAsync(copy);
    }

    [GeneratedRegex(@"/innspillsregister/[0-9a-f-]{36}$")]
    private static partial Regex ItemPage();
}
