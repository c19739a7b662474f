using System.Globalization;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 6: a notification made for a person shows on their open /varsler page and in the header's unread badge
// without a reload; and the notification pages pass the accessibility check.
public sealed class NotificationsTests(EndToEndFixture fixture)
{
    // The seeded open reporting round: its recipients are the contact persons of ministries that have not
    // submitted, FIN's Per Hansen among them (no test submits for FIN).
    private const string SeededRound = "Status per 1. mars";

    // Live delivery crosses two browsers and the hub on a loaded machine.
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task Varsler_CoordinatorSendsReminderNow_PersonSeesCountAndBadgeChangeWithoutReload()
    {
        await using var personContext = await fixture.NewContextAsync();
        var varsler = await personContext.NewPageAsync();
        await varsler.SignInAsync("/varsler", Accounts.ParticipantFin);
        await Expect(varsler.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Varsler");
        var pageCount = varsler.Locator("main [data-unread-count]");
        var badge = varsler.Locator("[data-badge-topic^='user:']");
        // Other tests running beside this one notify the same person (a meeting invitation, a reminder): the page
        // and the badge each catch up live, so they are compared once they have settled, not at one instant.
        var before = await SettledAsync(pageCount, badge);
        await Expect(badge).ToHaveAccessibleNameAsync($"Uleste varsler {before}");

        // A reload would clear this; a live update keeps it.
        await varsler.EvaluateAsync("() => { window.e2eSamePage = true; }");

        await using var coordinatorContext = await fixture.NewContextAsync();
        var overview = await coordinatorContext.NewPageAsync();
        await overview.SignInAsync("/varsler/utsendelser", Accounts.Coordinator);
        var round = overview.GetByRole(AriaRole.Row).Filter(new() { HasText = SeededRound });
        await round.GetByRole(AriaRole.Button, new() { Name = "Send påminnelse nå" }).ClickAsync();
        await Expect(overview.GetByRole(AriaRole.Status)).ToContainTextAsync("Påminnelsen er sendt");

        // The sweep may add reminders of its own meanwhile, so "more than before" rather than an exact count.
        await Expect(pageCount).Not.ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture), new() { Timeout = Live.Timeout });
        var after = await NumberAsync(pageCount);
        Assert.True(after > before, $"The unread count went from {before} to {after}.");
        await Expect(badge.Locator("[data-badge-count]")).ToHaveAttributeAsync("data-count", after.ToString(CultureInfo.InvariantCulture), new() { Timeout = Live.Timeout });
        Assert.Equal(after, await ShownOnBadgeAsync(badge));
        await Expect(badge).ToHaveAccessibleNameAsync($"Uleste varsler {after}");
        Assert.True(await varsler.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The page was reloaded.");

        // And the notification itself is there on the next load.
        await varsler.ReloadAsync();
        await Expect(varsler.GetByRole(AriaRole.Link, new() { Name = SeededRound }).First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/varsler")]
    [InlineData("/varsler/utsendelser")]
    public async Task NotificationPage_Coordinator_HasNoSeriousViolations(string path)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(path, Accounts.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
    }

    // What the pill draws (Designsystemet's ::before from data-count), and that nothing else is drawn beside it.
    private static async Task<int> ShownOnBadgeAsync(ILocator badge)
    {
        var pill = badge.Locator("[data-badge-count]");
        Assert.Equal(string.Empty, (await pill.InnerTextAsync()).Trim());
        var drawn = await pill.EvaluateAsync<string>("el => getComputedStyle(el, '::before').content");
        return int.Parse(drawn.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    // The unread count once the page's number and the badge's agree (each follows the person's topic live).
    private static async Task<int> SettledAsync(ILocator pageCount, ILocator badge)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMilliseconds(Live.Timeout ?? 30_000);
        while (true)
        {
            var (onPage, onBadge) = (await NumberAsync(pageCount), await ShownOnBadgeAsync(badge));
            if (onPage == onBadge || DateTime.UtcNow > until)
            {
                Assert.Equal(onPage, onBadge);
                return onPage;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<int> NumberAsync(ILocator locator) =>
        int.Parse((await locator.InnerTextAsync()).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
