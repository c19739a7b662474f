using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The feedback flow from both sides: a person without an account submits input with an attachment on the
// public page and gets a receipt; a coordinator finds it in the register, assesses it and publishes it; the
// public page then shows it. Every page on the way is checked with axe-core.
public sealed partial class FeedbackTests(EndToEndFixture fixture)
{
    // The round the demo seed opens (Modules:Feedback:SeedDemoData in appsettings.Development.json).
    private const string DemoRound = "Innspill til stortingsmeldingen om innovasjon i offentlig sektor";

    [Fact]
    public async Task PublicInput_SubmittedWithAttachment_ReceiptThenCoordinatorAssessesAndPublishes()
    {
        var text = $"Involver innbyggerne tidlig ({Guid.NewGuid():N}).";
        await using var publicContext = await fixture.NewContextAsync(bypassCsp: true);
        var visitor = await publicContext.NewPageAsync();

        await visitor.GotoAsync("/innspill");
        AssertNone(await Axe.CheckAsync(visitor));
        await visitor.GetByRole(AriaRole.Link, new() { Name = DemoRound, Exact = true }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemoRound);
        AssertNone(await Axe.CheckAsync(visitor));

        await visitor.GetByLabel("Type avsender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Leverandør" });
        await visitor.GetByLabel("Navn på organisasjon (eller ditt navn som privatperson)", new() { Exact = true }).FillAsync("Ende-til-ende Rådgivning AS");
        await visitor.GetByLabel("Andre innspill (valgfritt)", new() { Exact = true }).FillAsync(text);
        await visitor.GetByLabel("Vedlegg (valgfritt)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "innspill.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await visitor.GetByLabel("Innspillet og organisasjonens navn kan publiseres", new() { Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send innspill", Exact = true }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Innspillet er mottatt");
        var reference = await visitor.GetByTestId("reference").InnerTextAsync();
        Assert.Matches(ReferencePattern(), reference);
        AssertNone(await Axe.CheckAsync(visitor));

        await using var staffContext = await fixture.NewContextAsync(bypassCsp: true);
        var coordinator = await staffContext.NewPageAsync();
        await coordinator.SignInAsync("/innspillsregister", Accounts.Coordinator);
        AssertNone(await Axe.CheckAsync(coordinator));
        await coordinator.GetByLabel("Søk (referanse, organisasjon eller tekst)", new() { Exact = true }).FillAsync(reference);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await Expect(coordinator.GetByText(text)).ToBeVisibleAsync();
        await Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "innspill.pdf", Exact = true })).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(coordinator));

        await coordinator.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Brukt" });
        await coordinator.GetByLabel("Vurdering: hvordan innspillet er brukt", new() { Exact = true }).FillAsync("Brukt i kapittel 10 om samarbeid.");
        await coordinator.GetByLabel("Publiser på den offentlige siden", new() { Exact = true }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lagre vurderingen", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByText("Vurderingen er lagret.")).ToBeVisibleAsync();

        await visitor.GotoAsync("/innspill");
        await visitor.GetByRole(AriaRole.Link, new() { Name = DemoRound, Exact = true }).ClickAsync();
        await visitor.GotoAsync(visitor.Url + "/mottatt");
        await Expect(visitor.GetByText(text)).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(visitor));
    }

    [Theory]
    [InlineData("/innspillsregister/runder")]
    [InlineData("/innspillsregister/ny")]
    [InlineData("/innspillsregister/arbeidsstrommer")]
    public async Task StaffPage_Coordinator_HasNoSeriousViolations(string path)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(path, Accounts.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        AssertNone(await Axe.CheckAsync(page));
    }

    // The register fits a 1280 px screen like the initiative list (issue 16, point 7): the filters in a row, no
    // sideways scrolling, references and dates each on one line.
    [Fact]
    public async Task Register_At1280Pixels_FitsWithFiltersInARowAndReferencesUnbroken()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync("/innspillsregister", Accounts.Coordinator);
        await Expect(page.Locator("table.register-table tbody tr").First).ToBeVisibleAsync();

        var layout = await page.EvaluateAsync<RegisterLayout>("""
            () => {
                const lines = (el) => {
                    const range = document.createRange();
                    range.selectNodeContents(el);
                    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
                };
                const wrap = document.querySelector(".table-wrap");
                const fields = [...document.querySelectorAll("form[role=search] .ds-field")];
                const rows = new Set(fields.map(f => Math.round(f.getBoundingClientRect().top)));
                const tokens = [...document.querySelectorAll("table.register-table tbody :is(td:first-child a, time)")];
                return {
                    pageOverflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
                    tableOverflows: wrap.scrollWidth > wrap.clientWidth,
                    fields: fields.length,
                    fieldRows: rows.size,
                    tokens: tokens.length,
                    brokenTokens: tokens.filter(el => lines(el) > 1).length,
                    columns: [...document.querySelectorAll("table.register-table th")].map(th => `${th.textContent}: ${Math.round(th.getBoundingClientRect().width)}`).join(", ") + ` (room ${wrap.clientWidth})`,
                };
            }
            """);

        Assert.False(layout.PageOverflows, "The page scrolls sideways at 1280 px.");
        Assert.False(layout.TableOverflows, $"The register table scrolls sideways at 1280 px: {layout.Columns}.");
        Assert.True(layout.FieldRows < layout.Fields, $"The {layout.Fields} filter fields sit on {layout.FieldRows} rows: not in a row.");
        Assert.True(layout.Tokens > 0, "No references or dates found in the register.");
        Assert.Equal(0, layout.BrokenTokens);
        AssertNone(await Axe.CheckAsync(page));
    }

    // Playwright fills the properties of a type with a parameterless constructor.
    private sealed class RegisterLayout
    {
        public bool PageOverflows { get; set; }

        public bool TableOverflows { get; set; }

        public int Fields { get; set; }

        public int FieldRows { get; set; }

        public int Tokens { get; set; }

        public int BrokenTokens { get; set; }

        public string Columns { get; set; } = "";
    }

    // The round's own page, which reminders link to (opened from the rounds list as a coordinator would).
    [Fact]
    public async Task RoundPage_Coordinator_OpensFromTheListWithNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/innspillsregister/runder", Accounts.Coordinator);

        await page.GetByRole(AriaRole.Link, new() { Name = DemoRound, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = DemoRound, Exact = true })).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task RecordPage_MissingFields_ErrorsBesideFieldsAndNoViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/innspillsregister/ny", Accounts.Coordinator);

        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();

        var source = page.GetByLabel("Kilde, for eksempel «Brev fra Difi» eller møtets navn", new() { Exact = true });
        await Expect(source).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(source).ToHaveAccessibleDescriptionAsync(new Regex("Kilde må fylles ut."));
        AssertNone(await Axe.CheckAsync(page));
    }

    [Fact]
    public async Task RecordPage_LetterWithAttachmentAndWorkstreamPickedByName_FoundByTheWorkstreamFilter()
    {
        const string Chapter = "8 Kompetanse for innovasjon";
        var source = $"Brev fra Ende-til-ende ({Guid.NewGuid():N})";
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/innspillsregister/ny", Accounts.Coordinator);

        await page.GetByLabel("Kanal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Brev" });
        await page.GetByLabel("Kilde, for eksempel «Brev fra Difi» eller møtets navn", new() { Exact = true }).FillAsync(source);
        await page.GetByLabel("Avsendertype", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Leverandør" });
        await page.GetByLabel("Organisasjon", new() { Exact = true }).FillAsync("Brevskriverne AS");
        await page.GetByLabel("Innspillet", new() { Exact = true }).FillAsync("Se vedlagte brev.");
        await page.GetByLabel("Vedlegg (valgfritt)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "brev.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Group, new() { Name = "Arbeidsstrømmer innspillet gjelder" }).GetByLabel(Chapter, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "brev.pdf", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = Chapter })).ToHaveCountAsync(1);
        AssertNone(await Axe.CheckAsync(page));

        await page.GotoAsync("/innspillsregister");
        await page.GetByLabel("Arbeidsstrøm", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Chapter });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Brevskriverne AS" }).First).ToContainTextAsync(Chapter);
        AssertNone(await Axe.CheckAsync(page));
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");

    [GeneratedRegex("^INN-[2-9A-HJKMNP-Z]{8}$")]
    private static partial Regex ReferencePattern();
}
