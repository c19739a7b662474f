using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The coordinator's one click to a status report for the leadership meeting: from the dashboard to the kept
// reports, a new report as a printable page, and its Word document downloaded and read by another reader (mammoth).
public sealed class StatusReportTests(EndToEndFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StatusReport_Coordinator_PrintablePageAndWordDocumentWithoutViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer", Accounts.Coordinator);
        var found = new List<AxeViolation>();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Statusrapporter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statusrapporter");
        found.AddRange(await Axe.CheckAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag statusrapport", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statusrapport");
        foreach (var heading in new[] { "Tall per departement", "Tall per arbeidsstrøm", "Endringer siden forrige rapport", "Røde og gule tiltak", "Stille departementer", "Mulige overlapp", "Kommende frister" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Tiltak per departement etter status" })).ToBeVisibleAsync();
        found.AddRange(await Axe.CheckAsync(page));

        // Printed, the page is the report alone: no site header, no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned som Word-dokument (.docx)", Exact = true })).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Last ned som Word-dokument (.docx)", Exact = true }).ClickAsync());
        Assert.Matches("^statusrapport-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}\\.docx$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"statusrapport-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        try
        {
            using (var document = WordprocessingDocument.Open(path, false))
            {
                Assert.Empty(new OpenXmlValidator().Validate(document, Ct));
                Assert.NotEmpty(document.MainDocumentPart!.ChartParts);
            }

            var text = await MammothTextAsync(path);
            Assert.Contains("Statusrapport", text, StringComparison.Ordinal);
            Assert.Contains("Tall per departement", text, StringComparison.Ordinal);
            Assert.Contains("Røde og gule tiltak", text, StringComparison.Ordinal);
            Assert.Contains("Kommende frister", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Alle statusrapporter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statusrapporter");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Last ned rapporten fra ") }).First).ToBeVisibleAsync();
        found.AddRange(await Axe.CheckAsync(page));

        Assert.True(found.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', found)}");
    }

    // The document's text as mammoth (npm) reads it: a reader other than the SDK that wrote it.
    private static async Task<string> MammothTextAsync(string path)
    {
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("require('mammoth').extractRawText({ path: process.argv[1] }).then(r => process.stdout.write(r.value), e => { console.error(e); process.exit(1); });");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
