using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Nynorsk chosen in the header: the page, its header and navigation are in Nynorsk (html lang="nn", the ministries'
// Nynorsk names), the choice holds on the next page and, being the person's registry preference, in a new browser.
public sealed partial class NynorskTests(EndToEndFixture fixture)
{
    // A demo account no other flow signs in with: its language preference changes here.
    private const string Account = "ola.kontakt@kd.example.no";

    [Fact]
    public async Task LanguageSwitch_Nynorsk_PagesInNynorskAndRemembered()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer", Account);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Norsk (nynorsk)", Exact = true }).ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Departement");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Utanriksdepartementet", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hopp til hovudinnhaldet" })).ToBeAttachedAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Norsk (bokmål)", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
            AssertNoBokmal(await page.Locator("body").InnerTextAsync());
            AssertNone(await Axe.CheckAsync(page));

            // The next page, by the navigation, is in Nynorsk too.
            await page.GetByRole(AriaRole.Link, new() { Name = "Møte", Exact = true }).First.ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Møte");
            AssertNone(await Axe.CheckAsync(page));

            // A new browser (no language cookie): signed in, the person's preference gives Nynorsk.
            await using var another = await fixture.NewContextAsync(languageCookie: false);
            var second = await another.NewPageAsync();
            await second.SignInAsync("/arbeidsstrommer", Account);
            await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "nn");
            await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Oversikt på tvers av sektorar");
        }
        finally
        {
            // Leave the account as the seed made it, for any later run against the same host.
            await page.GotoAsync("/departementer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Norsk (bokmål)", Exact = true }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        }
    }

    // Words that are Bokmål only (Nynorsk writes ikkje, kva, korleis, kven, frå, veke, arbeidsstraum, innspel,
    // avgjerd, verksemd, påminning): any of them on the page is a text that missed its Nynorsk form.
    private static void AssertNoBokmal(string text)
    {
        var found = BokmalOnly().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, $"Bokmål on a Nynorsk page: {string.Join(", ", found)}\n{text}");
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");

    [GeneratedRegex(@"\b(ikke|hva|hvordan|hvem|fra|uke[n]?|arbeidsstrøm\w*|innspill\w*|beslutning\w*|virksomhet\w*|påminnelse\w*|departementer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BokmalOnly();
}
