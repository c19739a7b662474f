using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 4: a record's history, reached from the record's page: who changed what, when, before and after,
// in the reader's language; and closed to those who may not read the record.
public sealed class HistoryTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task InitiativeHistory_TitleChanged_LinkedFromThePageShowsWhoBeforeAndAfterInBothLanguages()
    {
        var title = $"Historikk {Guid.NewGuid():N}"[..22];
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/arbeidsstrommer/tiltak/ny", Accounts.Coordinator);
        var details = await WorkstreamsInitiativeTests.RegisterAsync(page, title, "FIN");
        await page.GotoAsync($"{details}/endre");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync($"{title} endret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{title} endret");

        await page.GetByRole(AriaRole.Link, new() { Name = "Historikk: hvem endret hva", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Historikk: {title} endret");
        var latest = page.Locator("[data-history-item]").First;
        await Expect(latest.GetByRole(AriaRole.Heading)).ToContainTextAsync("Endret, Kari Nordmann");
        var row = latest.Locator("tr[data-field=Title]");
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Tittel");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync(title);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync($"{title} endret");
        Assert.Empty(await Axe.CheckAsync(page));

        await page.GotoAsync($"{page.Url}?ui-culture=en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"History: {title} endret");
        await Expect(page.Locator("[data-history-item]").First.Locator("tr[data-field=Title]").GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Title");
    }

    [Fact]
    public async Task MeetingHistory_PersonWhoMayNotReadTheMeeting_Refused()
    {
        var title = $"Historikkmøte {Guid.NewGuid():N}"[..26];
        await using var facilitatorContext = await fixture.NewContextAsync();
        var facilitator = await facilitatorContext.NewPageAsync();
        await facilitator.SignInAsync("/moter/ny", Accounts.Facilitator);
        await facilitator.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await facilitator.GetByLabel("Dato", new() { Exact = true }).FillAsync("2031-03-04");
        await facilitator.GetByLabel("Starter kl. (norsk tid)", new() { Exact = true }).FillAsync("09:00");
        await facilitator.GetByLabel("Slutter kl. (norsk tid)", new() { Exact = true }).FillAsync("10:00");
        await facilitator.GetByLabel("Sted", new() { Exact = true }).FillAsync("Akersgata 59");
        await facilitator.GetByLabel("Type møte", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "En-til-en-møte" });
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var history = $"{new Uri(facilitator.Url).AbsolutePath}/historikk";

        await using var outsiderContext = await fixture.NewContextAsync();
        var outsider = await outsiderContext.NewPageAsync();
        await outsider.SignInAsync("/", Accounts.ParticipantHod);
        var response = await outsider.GotoAsync(history);

        Assert.Equal(403, response!.Status);
        await Expect(outsider.GetByText(title)).ToHaveCountAsync(0);
        var api = await outsider.EvaluateAsync<int>($"async () => (await fetch('/api{history.Replace("/moter/", "/meetings/", StringComparison.Ordinal).Replace("/historikk", "/history", StringComparison.Ordinal)}')).status");
        Assert.Equal(403, api);
        await facilitator.GotoAsync(history);
        await Expect(facilitator.Locator("[data-history-item=Created]")).ToContainTextAsync(title);
    }
}
