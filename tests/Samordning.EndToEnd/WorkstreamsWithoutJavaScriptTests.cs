using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The Workstreams pages work without JavaScript: after signing in, every script the pages load is refused
// (the CSP already forbids inline script, so that is all of them), and filtering, searching, exporting the
// filter and registering still work through plain links and forms.
public sealed partial class WorkstreamsWithoutJavaScriptTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task InitiativeList_WithoutJavaScript_FiltersSearchesAndExportsTheFilter()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak", Accounts.Coordinator);
        await WithoutScriptsAsync(page);

        await page.GetByLabel("Søk i tiltak", new() { Exact = true }).FillAsync("digital");
        await page.GetByLabel("Fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pågår" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("q=digital.*Phase=InProgress"));
        var table = page.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Digitale helsetjenester i hjemmet", Exact = true })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Skattemelding med forhåndsutfylte opplysninger", Exact = true })).ToHaveCountAsync(0);
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Innovative anskaffelser i staten", Exact = true })).ToHaveCountAsync(0);

        var csvLink = page.GetByRole(AriaRole.Link, new() { Name = "Last ned CSV", Exact = true });
        var xlsxLink = page.GetByRole(AriaRole.Link, new() { Name = "Last ned Excel", Exact = true });
        await Expect(csvLink).ToHaveAttributeAsync("href", new Regex(@"^/api/workstreams/initiatives/export\.csv\?.*q=digital.*Phase=InProgress"));
        await Expect(xlsxLink).ToHaveAttributeAsync("href", new Regex(@"^/api/workstreams/initiatives/export\.xlsx\?.*q=digital.*Phase=InProgress"));

        var csv = await page.APIRequest.GetAsync(await csvLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.Contains("Digitale helsetjenester i hjemmet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skattemelding med forhåndsutfylte opplysninger", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Innovative anskaffelser i staten", text, StringComparison.Ordinal);

        var xlsx = await page.APIRequest.GetAsync(await xlsxLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(await xlsx.BodyAsync(), 0, 2));
    }

    [Fact]
    public async Task DashboardAndForm_WithoutJavaScript_FilterAndRegister()
    {
        var title = $"Uten skript {Guid.NewGuid():N}"[..24];
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", WorkstreamsAccounts.FinanceContact);
        await WithoutScriptsAsync(page);

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rød – krever tiltak" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("Status=Red"));
        await Expect(page.GetByTestId("status-SD-Red")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("status-FIN-Green")).ToHaveTextAsync("0");

        await page.GotoAsync("/arbeidsstrommer/tiltak/ny");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel(new Regex(@"^6\. ")).CheckAsync();
        await page.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer tiltaket", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/arbeidsstrommer/tiltak/[0-9a-f-]{36}\?lagret=true$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("6. Digitalisering");
    }

    // Refuses every script request from now on, loads the page again, and checks that no script of the app ran.
    private static async Task WithoutScriptsAsync(IPage page)
    {
        await page.RouteAsync(Scripts(), route => route.AbortAsync());
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.signalR === 'undefined'"), "A script of the app still ran.");
    }

    [GeneratedRegex(@"\.m?js(\?.*)?$")]
    private static partial Regex Scripts();
}
