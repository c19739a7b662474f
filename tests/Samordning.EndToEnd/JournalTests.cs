using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The public journal (issue 18, point 6): a coordinator journals what is waiting, and an anonymous visitor whose
// browser runs no script reads the entries; both pages pass axe.
public sealed partial class JournalTests(EndToEndFixture fixture)
{
    private const string DemoRoundCase = "Innspill: Innspill til stortingsmeldingen om innovasjon i offentlig sektor";

    [Fact]
    public async Task PublicJournal_CoordinatorJournalsAnonymousReadsWithoutScript_NoSeriousViolations()
    {
        await using var staff = await fixture.NewContextAsync(bypassCsp: true);
        var coordinator = await staff.NewPageAsync();
        await coordinator.SignInAsync("/journal", Accounts.Coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Journalfør det som venter nå", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByTestId("journalled")).ToHaveTextAsync(new Regex(@"^\d+ dokumenter ble journalført\.$"));
        await Expect(coordinator.GetByTestId("journal-entry").Filter(new() { HasText = DemoRoundCase }).First).ToBeVisibleAsync();
        Assert.Empty(await Axe.CheckAsync(coordinator));

        await using var visitorContext = await fixture.NewContextAsync(bypassCsp: true);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.RouteAsync(Scripts(), route => route.AbortAsync());
        await visitor.GotoAsync("/journal");

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offentlig journal");
        await Expect(visitor.GetByTestId("journal-entry").Filter(new() { HasText = DemoRoundCase }).First).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Journalfør det som venter nå", Exact = true })).ToHaveCountAsync(0);
        await visitor.GetByLabel("Journalført fra", new() { Exact = true }).FillAsync("2000-01-01");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("Fra=2000-01-01"));
        await Expect(visitor.GetByTestId("journal-entry").First).ToBeVisibleAsync();
        Assert.Empty(await Axe.CheckAsync(visitor));
    }

    [GeneratedRegex(@"\.m?js(\?.*)?$")]
    private static partial Regex Scripts();
}
