using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 17, point 5: a coordinator sets a kind's reminder rule in a real browser, sees the preview, saves it, and the
// page passes axe. Reporting rounds: no other test here waits for one of their reminders.
public sealed class ReminderRulesTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task ReminderRule_CoordinatorPreviewsAndSaves_StoredAndAccessible()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/varsler/paminnelsesregler", Accounts.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Påminnelsesregler");
        Assert.Empty(await Axe.CheckAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Rapporteringsrunder", Exact = true }).ClickAsync();
        await page.GetByLabel("Dager før fristen", new() { Exact = true }).FillAsync("7, 2, 0");
        await page.GetByLabel("Tell virkedager", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Send en påminnelse første virkedag etter fristen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Klokkeslett for utsending", new() { Exact = true }).SelectOptionAsync("8");
        await page.GetByLabel("Eksempelfrist (for forhåndsvisningen)", new() { Exact = true }).FillAsync("2031-05-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis", Exact = true }).ClickAsync();
        var preview = page.Locator("[data-preview]");
        await Expect(preview).ToContainTextAsync("13. mai 2031 kl. 08:00");
        await Expect(preview).ToContainTextAsync("første virkedag etter fristen");
        Assert.Empty(await Axe.CheckAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Regelen er lagret");
        await Expect(page.GetByText("7 dager før, 2 dager før, på fristdagen, første virkedag etter fristen")).ToBeVisibleAsync();
        Assert.Empty(await Axe.CheckAsync(page));
    }
}
