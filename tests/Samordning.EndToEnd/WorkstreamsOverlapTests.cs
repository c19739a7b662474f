using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 17, point 3 in a real browser: while a contact person writes a new initiative, the form suggests similar
// initiatives of other ministries (asked as they type), with why; without serious axe findings.
public sealed class WorkstreamsOverlapTests(EndToEndFixture fixture)
{
    private const string FinanceInitiative = "Skattemelding med forhåndsutfylte opplysninger";

    [Fact]
    public async Task InitiativeForm_TypingATitle_SuggestsAnotherMinistrysSimilarInitiativeWithWhy()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", Accounts.ParticipantHod);
        var suggestions = page.GetByRole(AriaRole.Region, new() { Name = "Lignende tiltak i andre departementer", Exact = true });
        await Expect(suggestions).ToBeHiddenAsync();

        await page.GetByLabel("Tittel", new() { Exact = true }).PressSequentiallyAsync("Forhåndsutfylt skattemelding for pasienter", new() { Delay = 20 });

        var link = suggestions.GetByRole(AriaRole.Link, new() { Name = FinanceInitiative, Exact = true });
        await Expect(link).ToBeVisibleAsync();
        await Expect(suggestions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = FinanceInitiative })).ToContainTextAsync(new Regex("Felles ord: .*skattemelding"));
        await Expect(page.Locator("#overlap-status")).ToHaveTextAsync(new Regex(@"^\d+ lignende tiltak i andre departementer\.$"));
        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
