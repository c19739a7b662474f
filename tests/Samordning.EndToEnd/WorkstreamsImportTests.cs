using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 17, point 1, in a real browser: a contact person uploads the ministry's list (saved by Excel in Norway:
// Windows-1252, semicolons), sees the row with an error named in the preview and nothing saved, uploads the
// corrected list, confirms, and finds the initiatives. Every step's page passes axe.
public sealed class WorkstreamsImportTests(EndToEndFixture fixture)
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public async Task Import_PreviewWithErrorRow_FixedFileConfirmedAndListed()
    {
        var marker = $"imp{Guid.NewGuid():N}"[..13];
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak", WorkstreamsAccounts.FinanceContact);
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer tiltak", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer tiltak");
        AssertNone(await Axe.CheckAsync(page));

        await UploadAsync(page, marker, "140");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Forhåndsvis importen");
        await Expect(page.Locator("#feiloppsummering")).ToContainTextAsync("Rad 3, kolonne «Fremdrift (%)»: Fremdrift må være mellom 0 og 100 prosent.");
        await Expect(page.Locator("#rad-3")).ToContainTextAsync("Fremdrift må være mellom 0 og 100 prosent.");
        await Expect(page.Locator("#rad-2")).ToContainTextAsync($"Kjøkkenhage på Ærøy {marker}");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Importer") })).ToHaveCountAsync(0);
        AssertNone(await Axe.CheckAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Last opp filen på nytt", Exact = true }).ClickAsync();
        await UploadAsync(page, marker, "60");
        await Expect(page.Locator("#import-counts")).ToContainTextAsync("2 rader: 2 nye");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 2 tiltak", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importen er fullført");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("2 nye tiltak er registrert og 0 er oppdatert.");
        AssertNone(await Axe.CheckAsync(page));
        await page.GotoAsync($"/arbeidsstrommer/tiltak?q={marker}");
        await Expect(page.GetByRole(AriaRole.Table).Locator("caption")).ToHaveTextAsync("2 tiltak");
    }

    private static async Task UploadAsync(IPage page, string marker, string secondProgress)
    {
        var csv = $"Referanse;Tittel;Fase;Fremdrift (%);Status\r\n{marker}-1;Kjøkkenhage på Ærøy {marker};Pågår;40;Grønn\r\n{marker}-2;Skatt enklere {marker};Planlagt;{secondProgress};Gul\r\n";
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "tiltak.csv",
            MimeType = "text/csv",
            Buffer = Windows1252.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Last opp og forhåndsvis", Exact = true }).ClickAsync();
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
