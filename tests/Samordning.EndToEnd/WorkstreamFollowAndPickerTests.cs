using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16 in a real browser: following a workstream from its page (a plain form that shows its state), and the
// initiative picker's type-ahead (a WAI-ARIA combobox that asks the server), each without serious axe findings.
public sealed class WorkstreamFollowAndPickerTests(EndToEndFixture fixture)
{
    private const string FinanceInitiative = "Skattemelding med forhåndsutfylte opplysninger";

    [Fact]
    public async Task WorkstreamPage_FollowButton_FollowsThenUnfollowsAndShowsTheState()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/liste", Accounts.ParticipantHod);
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Last.GetByRole(AriaRole.Link).First.ClickAsync();
        var form = page.GetByTestId("follow");
        var follow = form.GetByRole(AriaRole.Button, new() { Name = "Følg arbeidsstrømmen", Exact = true });
        var unfollow = form.GetByRole(AriaRole.Button, new() { Name = "Slutt å følge", Exact = true });

        // Another test (or an earlier run on the same host) may have left this person following it.
        if (await unfollow.CountAsync() > 0)
        {
            await unfollow.ClickAsync();
        }

        await Expect(form).ToContainTextAsync("Du følger ikke arbeidsstrømmen.");
        await follow.ClickAsync();

        await Expect(unfollow).ToBeVisibleAsync();
        await Expect(form).ToContainTextAsync("Du følger arbeidsstrømmen");
        Assert.EndsWith("#folg", page.Url, StringComparison.Ordinal);
        var violations = await Axe.CheckAsync(page);

        await page.ReloadAsync();
        await Expect(unfollow).ToBeVisibleAsync();
        await unfollow.ClickAsync();
        await Expect(follow).ToBeVisibleAsync();
        await Expect(form).ToContainTextAsync("Du følger ikke arbeidsstrømmen.");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task InitiativePicker_TypeAhead_FindsAnotherMinistrysInitiativeByKeyboardAndLinksIt()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        var text = $"Type-ahead-beslutning {Guid.NewGuid():N}"[..44];
        await page.SignInAsync("/moter", Accounts.Facilitator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Verksted: kultur for innovasjon", Exact = true }).ClickAsync();
        var picker = page.GetByLabel("Tiltak (for beslutning og oppfølgingspunkt)", new() { Exact = true });

        // Without script the list holds the facilitator's own ministry's initiatives, not FIN's.
        await Expect(picker.Locator("option", new() { HasText = FinanceInitiative })).ToHaveCountAsync(0);

        var combobox = page.GetByRole(AriaRole.Combobox, new() { Name = "Søk etter tiltak", Exact = true });
        await combobox.PressSequentiallyAsync("forhåndsutfylte skatt", new() { Delay = 20 });
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Søk etter tiltak", Exact = true });
        var option = listbox.GetByRole(AriaRole.Option, new() { Name = $"FIN: {FinanceInitiative}", Exact = true });
        await Expect(option).ToBeVisibleAsync();
        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "true");
        var violations = new List<AxeViolation>(await Axe.CheckAsync(page));

        await combobox.PressAsync("ArrowDown");
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(combobox).ToHaveAttributeAsync("aria-activedescendant", new Regex(".+"));
        await combobox.PressAsync("Enter");

        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Valgt: FIN: {FinanceInitiative}" })).ToHaveCountAsync(1);
        Assert.Equal($"FIN: {FinanceInitiative}", await picker.EvaluateAsync<string>("s => s.selectedOptions[0].textContent"));

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Beslutning" });
        await page.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre notatet", Exact = true }).ClickAsync();
        await Expect(page.GetByText(text).First).ToBeVisibleAsync();

        await page.GotoAsync($"/arbeidsstrommer/tiltak?q={Uri.EscapeDataString(FinanceInitiative)}");
        await page.GetByRole(AriaRole.Link, new() { Name = FinanceInitiative, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("linked-beslutninger").GetByRole(AriaRole.Link, new() { Name = text })).ToBeVisibleAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
