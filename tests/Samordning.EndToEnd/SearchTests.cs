using System.Text.Json;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Search from the header box to /sok: a one-to-one meeting with FIN is found, highlighted, by FIN's contact person,
// and stays hidden from HOD's, who may not read it. The page is checked with axe-core.
public sealed class SearchTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task HeaderSearch_MeetingOnlyFinMayRead_FoundByFinHiddenFromHod()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8].Replace('a', 'k').Replace('e', 'x') + "q";
        await using (var coordinatorContext = await fixture.NewContextAsync(bypassCsp: true))
        {
            var coordinator = await coordinatorContext.NewPageAsync();
            await coordinator.SignInAsync("/", Accounts.Coordinator);
            await CreateOneToOneMeetingAsync(coordinator, $"Samtale om kommunereformen {marker}");
        }

        await using var finContext = await fixture.NewContextAsync(bypassCsp: true);
        var fin = await finContext.NewPageAsync();
        await fin.SignInAsync("/", Accounts.ParticipantFin);
        await fin.GetByRole(AriaRole.Search, new() { Name = "Hurtigsøk" }).GetByLabel("Søk i Samordning").FillAsync($"kommunereform {marker}");
        await fin.GetByRole(AriaRole.Search, new() { Name = "Hurtigsøk" }).GetByRole(AriaRole.Button, new() { Name = "Søk", Exact = true }).ClickAsync();

        await Expect(fin.Locator("#sok-treff")).ToContainTextAsync("1 treff");
        var hit = fin.GetByRole(AriaRole.Link, new() { Name = $"Samtale om kommunereformen {marker}" });
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit.Locator("mark")).ToHaveTextAsync(["kommunereformen", marker]);
        AssertNone(await Axe.CheckAsync(fin));

        await using var hodContext = await fixture.NewContextAsync(bypassCsp: true);
        var hod = await hodContext.NewPageAsync();
        await hod.SignInAsync($"/sok?q={marker}", Accounts.ParticipantHod);
        await Expect(hod.Locator("#sok-treff")).ToContainTextAsync("Ingen treff");
        await Expect(hod.GetByText(marker, new() { Exact = false }).And(hod.GetByRole(AriaRole.Link))).ToHaveCountAsync(0);
        AssertNone(await Axe.CheckAsync(hod));
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

    // Through the API with the coordinator's session: unpublished, one-to-one, FIN the only participant.
    private static async Task CreateOneToOneMeetingAsync(IPage page, string title)
    {
        var ministries = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/ministries")).TextAsync()).RootElement;
        Guid IdOf(string code) => ministries.EnumerateArray().Single(m => m.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var people = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/ministries/people?q={Uri.EscapeDataString(Accounts.Facilitator)}")).TextAsync()).RootElement;
        var facilitator = people.EnumerateArray().Single().GetProperty("id").GetGuid();
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var response = await page.APIRequest.PostAsync("/api/meetings", new()
        {
            DataObject = new
            {
                kind = "OneToOne",
                title,
                description = "Ende-til-ende-test av søket.",
                place = "Akersgata 59",
                startsAt = start,
                endsAt = start.AddHours(1),
                organisingMinistryId = IdOf("KMD"),
                facilitatorIds = new[] { facilitator },
                participants = new[] { new { kind = "Ministry", ministryId = IdOf("FIN") } },
                agenda = Array.Empty<object>(),
                workstreamIds = Array.Empty<Guid>(),
            },
        });
        Assert.True(response.Status == 201, await response.TextAsync());
    }
}
