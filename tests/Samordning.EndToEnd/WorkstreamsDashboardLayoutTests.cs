using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// The dashboard is several screens long (issue 16, point 7): a contents list leads to each section, and the
// progress-over-time table fits beside its chart on a 1280 px screen.
public sealed class WorkstreamsDashboardLayoutTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Dashboard_At1280Pixels_ContentsLeadToEverySectionAndHistoryTableFits()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync("/arbeidsstrommer", Accounts.Coordinator);

        var contents = page.GetByRole(AriaRole.Navigation, new() { Name = "På denne siden" });
        var links = contents.GetByRole(AriaRole.Link);
        await Expect(links).ToHaveCountAsync(7);
        foreach (var link in await links.AllAsync())
        {
            var name = (await link.InnerTextAsync()).Trim();
            await link.ClickAsync();
            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = name, Exact = true });
            await Expect(heading).ToBeInViewportAsync();
        }

        var overflow = await page.EvaluateAsync<int>("""
            () => {
                const wrap = document.querySelector("[aria-labelledby=history-caption]");
                return wrap ? wrap.scrollWidth - wrap.clientWidth : -1;
            }
            """);
        Assert.True(overflow == 0, overflow < 0 ? "No progress-over-time table on the dashboard." : $"The progress-over-time table scrolls sideways by {overflow} px at 1280 px.");
    }
}
