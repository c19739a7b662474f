using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Bad input on the initiative form: each message stands beside its field, what the person typed stays, and
// nothing is saved.
public sealed class WorkstreamsFormTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task NewInitiative_RedWithoutReasonEndBeforeStartProgress150_ShowsErrorsBesideFieldsKeepsInputSavesNothing()
    {
        var title = $"Ugyldig tiltak {Guid.NewGuid():N}"[..30];
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", WorkstreamsAccounts.FinanceContact);

        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Sammendrag", new() { Exact = true }).FillAsync("Teksten skal stå der etterpå.");
        await page.GetByLabel(new Regex("^KD – ")).CheckAsync();
        await page.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true }).FillAsync("150");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rød – krever tiltak" });
        await page.GetByLabel("Startdato", new() { Exact = true }).FillAsync("2026-06-01");
        await page.GetByLabel("Sluttdato", new() { Exact = true }).FillAsync("2026-05-01");
        await page.GetByLabel("Stikkord", new() { Exact = true }).FillAsync("brukerinvolvering, forsøk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer tiltaket", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/arbeidsstrommer/tiltak/ny$"));
        await ExpectErrorBesideAsync(page, "Fremdrift i prosent (0–100)", "Fremdrift må være mellom 0 og 100 prosent.");
        await ExpectErrorBesideAsync(page, "Begrunnelse for status (må fylles ut ved rød)", "Rød status må begrunnes.");
        await ExpectErrorBesideAsync(page, "Sluttdato", "Sluttdato kan ikke være før startdato.");
        await Expect(page.Locator("#feiloppsummering")).ToContainTextAsync("Fremdrift må være mellom 0 og 100 prosent.");

        // Fields without errors are not marked.
        await Expect(page.GetByLabel("Tittel", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Startdato", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await Expect(page.GetByLabel("Tittel", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(page.GetByLabel("Sammendrag", new() { Exact = true })).ToHaveValueAsync("Teksten skal stå der etterpå.");
        await Expect(page.GetByLabel(new Regex("^KD – "))).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Fremdrift i prosent (0–100)", new() { Exact = true })).ToHaveValueAsync("150");
        await Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("Red");
        await Expect(page.GetByLabel("Startdato", new() { Exact = true })).ToHaveValueAsync("2026-06-01");
        await Expect(page.GetByLabel("Sluttdato", new() { Exact = true })).ToHaveValueAsync("2026-05-01");
        await Expect(page.GetByLabel("Stikkord", new() { Exact = true })).ToHaveValueAsync("brukerinvolvering, forsøk");

        await page.GotoAsync($"/arbeidsstrommer/tiltak?q={Uri.EscapeDataString(title)}");
        await Expect(page.GetByRole(AriaRole.Table).Locator("caption")).ToHaveTextAsync("0 tiltak");
        await Expect(page.GetByText(title)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NewInitiative_English_ShowsErrorsInEnglish()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", WorkstreamsAccounts.FinanceContact);
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("An initiative");
        await page.GetByLabel("Progress in per cent (0–100)", new() { Exact = true }).FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the initiative", Exact = true }).ClickAsync();

        await ExpectErrorBesideAsync(page, "Progress in per cent (0–100)", "Progress must be between 0 and 100 per cent.");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("An initiative");
    }

    // Beside the field: the message is the field's own accessible description and marks it invalid, so a
    // screen reader announces it on the field, not only in the summary at the top.
    private static async Task ExpectErrorBesideAsync(IPage page, string label, string error)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(error)));
        await Expect(page.Locator(".ds-field").Filter(new() { Has = field })).ToContainTextAsync(error);
    }
}
