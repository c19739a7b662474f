using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 2: a facilitator links one agenda item to a workstream on the meeting's agenda page (one plain form
// per item), and the page has no serious axe findings before or after saving.
public sealed class MeetingAgendaLinksTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task AgendaPage_Facilitator_LinksAnItemToAWorkstreamWithoutSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/moter", Accounts.Facilitator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Verksted: kultur for innovasjon", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Knytt punktene til arbeidsstrømmer og tiltak", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hva punktene på dagsordenen gjelder", Exact = true })).ToBeVisibleAsync();
        var violations = new List<AxeViolation>(await Axe.CheckAsync(page));

        var item = page.GetByTestId("punkt-2");
        var workstream = item.GetByLabel("Arbeidsstrøm", new() { Exact = true });
        var chosen = await workstream.EvaluateAsync<string>("s => [...s.options].find(o => o.value).textContent");
        await workstream.SelectOptionAsync(new SelectOptionValue { Label = chosen });
        await item.GetByRole(AriaRole.Button, new() { Name = "Lagre punkt 2", Exact = true }).ClickAsync();

        item = page.GetByTestId("punkt-2");
        await Expect(item.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lagret." })).ToHaveCountAsync(1);
        Assert.Equal(chosen, await item.GetByLabel("Arbeidsstrøm", new() { Exact = true }).EvaluateAsync<string>("s => s.selectedOptions[0].textContent"));
        violations.AddRange(await Axe.CheckAsync(page));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
