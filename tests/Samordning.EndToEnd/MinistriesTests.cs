using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

public sealed class MinistriesTests(EndToEndFixture fixture)
{
    private const string Kmd = "Kommunal- og moderniseringsdepartementet";

    [Fact]
    public async Task Departementer_Coordinator_ListsMinistriesAndOpensAgencies()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync("/departementer", Accounts.Coordinator);

        await Expect(page).ToHaveURLAsync($"{fixture.Address.GetLeftPart(UriPartial.Authority)}/departementer");
        await Expect(MinistryRows(page)).ToHaveCountAsync(15);
        await page.GetByRole(AriaRole.Link, new() { Name = Kmd, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Kmd);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kartverket", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Husbanken", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Departementer_Search_NarrowsTheList()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer", Accounts.Coordinator);

        await page.GetByLabel("Søk", new() { Exact = true }).FillAsync("kommunal");
        // The page's own search, not the header's search across everything.
        await page.Locator("#innhold").GetByRole(AriaRole.Button, new() { Name = "Søk", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=kommunal"));
        await Expect(MinistryRows(page)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Kmd, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Finansdepartementet", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NewMinistry_DuplicateCode_ShowsErrorBesideFieldAndSavesNothing()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer/ny", Accounts.Coordinator);

        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync("KMD");
        await page.GetByLabel("Navn på bokmål", new() { Exact = true }).FillAsync("Duplikatdepartementet");
        await page.GetByLabel("Navn på engelsk", new() { Exact = true }).FillAsync("Ministry of Duplicates");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();

        // Beside the field: the error is the code field's own description and marks it invalid, so a screen
        // reader announces it on the field, not only in the summary at the top.
        const string error = "Det finnes allerede et departement med koden KMD.";
        var code = page.GetByLabel("Kode", new() { Exact = true });
        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(code).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(error)));
        await Expect(page.Locator(".ds-field").Filter(new() { Has = code })).ToContainTextAsync(error);
        await Expect(code).ToHaveValueAsync("KMD");
        await Expect(page).ToHaveURLAsync(new Regex("/departementer/ny$"));

        await page.GotoAsync("/departementer");
        await Expect(MinistryRows(page)).ToHaveCountAsync(15);
        await Expect(page.GetByText("Duplikatdepartementet")).ToHaveCountAsync(0);
    }

    private static ILocator MinistryRows(IPage page) => page.GetByRole(AriaRole.Table).Locator("tbody tr");
}
