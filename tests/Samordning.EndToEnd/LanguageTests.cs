using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

public sealed class LanguageTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task LanguageSwitch_English_RendersThePageInEnglish()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer", Accounts.Coordinator);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();

        // Back on the same page, now in English, and the choice sticks for the next page.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ministries");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ministry of Local Government and Modernisation", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Norsk (bokmål)", Exact = true })).ToBeVisibleAsync();
    }
}
