using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// WCAG 2.1 AA (which Norwegian public bodies must meet) for every page the other flows reach, checked with
// axe-core in the real browser after the real server rendered it, with the state a person would see.
public sealed class AccessibilityTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task LoginPage_Anonymous_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/departementer");
        await Expect(page).ToHaveURLAsync(SignIn.LoginPage());

        AssertNone(await Axe.CheckAsync(page));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/departementer")]
    [InlineData("/departementer/personer")]
    [InlineData("/departementer/virksomheter")]
    public async Task Page_Coordinator_HasNoSeriousViolations(string path)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(path, Accounts.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task MinistryDetails_Coordinator_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer", Accounts.Coordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommunal- og moderniseringsdepartementet", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kartverket", Exact = true })).ToBeVisibleAsync();

        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task NewMinistryWithErrors_Coordinator_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer/ny", Accounts.Coordinator);

        // Empty names and a taken code: every field shows an error, as well as the summary.
        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync("KMD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Kode", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task NotFoundPage_Coordinator_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/", Accounts.Coordinator);

        var response = await page.GotoAsync("/denne-siden-finnes-ikke");
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fant ikke siden eller ressursen.");

        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task Overview_English_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/", Accounts.Coordinator);
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task NoAccessPage_PersonNotInRegistry_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/", Accounts.Unknown);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har ikke fått tilgang ennå");

        AssertNone(await Axe.CheckAsync(page));
    }

    // The reporting round's page with a ministry's unconfirmed initiatives shown (?departement=) and its pager: more
    // than a page of them, imported for a ministry no other browser test reads (LMD), first page and second.
    [Fact]
    public async Task RoundWithUnconfirmedListAndPager_Coordinator_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/import", Accounts.Coordinator);
        var marker = $"axe{Guid.NewGuid():N}"[..13];
        var csv = new System.Text.StringBuilder("Referanse;Tittel;Fase;Fremdrift (%);Status\r\n");
        for (var n = 1; n <= 51; n++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{marker}-{n};Tiltak {marker} {n:00};Planlagt;10;Grønn\r\n");
        }

        await page.GetByLabel("Departementet listen gjelder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "LMD – Landbruks- og matdepartementet" });
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "tiltak.csv",
            MimeType = "text/csv",
            Buffer = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Last opp og forhåndsvis", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 51 tiltak", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importen er fullført");

        await page.GotoAsync("/arbeidsstrommer/runder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Status per 1. mars", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("se tiltakene LMD ikke har bekreftet") }).ClickAsync();
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Sider med tiltak i LMD som ikke er bekreftet", Exact = true });
        await Expect(pager).ToContainTextAsync("Side 1 av 2");
        await Expect(page.Locator("#ubekreftede + .table-wrap tbody tr")).ToHaveCountAsync(50);
        AssertNone(await Axe.CheckAsync(page));

        await pager.GetByRole(AriaRole.Link, new() { Name = "Neste side" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("Side 2 av 2");
        AssertNone(await Axe.CheckAsync(page));
    }

    // Guards the checks above against passing vacuously (axe not loaded, wrong rule tags, a broken filter).
    [Fact]
    public async Task Check_ImageWithoutText_ReportsCriticalViolation()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<!DOCTYPE html><html lang="nb"><head><title>Test</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>""");

        var violations = await Axe.CheckAsync(page);

        Assert.Contains(violations, v => v.Id == "image-alt" && v.Impact == "critical" && v.Targets.Count == 1);
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
