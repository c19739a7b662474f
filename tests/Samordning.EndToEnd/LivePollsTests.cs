using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 18, point 5 in a browser: a poll with two voters in a live meeting, each page following the result without
// a reload; a second vote refused; questions asked, announced and upvoted; the live page axe clean.
public sealed class LivePollsTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task LivePoll_TwoParticipantsVote_EveryPageFollowsTheResultSecondVoteRefused()
    {
        await using var facilitatorContext = await fixture.NewContextAsync();
        await using var perContext = await fixture.NewContextAsync(bypassCsp: true);
        await using var ingridContext = await fixture.NewContextAsync();
        var facilitator = await facilitatorContext.NewPageAsync();
        var question = $"Kaffe eller te {Guid.NewGuid():N}"[..24];
        var meetingPath = await MeetingsTests.PlanAndStartAsync(facilitator, $"Avstemning {Guid.NewGuid():N}"[..20]);

        var pollForm = facilitator.Locator("form[aria-labelledby='poll-heading']");
        await pollForm.GetByLabel("Spørsmål", new() { Exact = true }).FillAsync(question);
        await pollForm.GetByLabel("Svaralternativer", new() { Exact = true }).FillAsync("Kaffe\nTe");
        await pollForm.GetByRole(AriaRole.Button, new() { Name = "Lagre avstemningen", Exact = true }).ClickAsync();
        await facilitator.Locator(".poll").Filter(new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Åpne avstemningen" }).ClickAsync();
        await Expect(Results(facilitator)).ToHaveTextAsync(["Kaffe: 0", "Te: 0"]);

        var per = await perContext.NewPageAsync();
        var ingrid = await ingridContext.NewPageAsync();
        await per.SignInAsync(meetingPath, Accounts.ParticipantFin);
        await ingrid.SignInAsync(meetingPath, Accounts.ParticipantHod);

        // A mark in each follower's window: still there after the update, so the page was not reloaded.
        await MarkAsync(facilitator);
        await MarkAsync(ingrid);
        await VoteAsync(per, "Kaffe");
        await Expect(Results(per)).ToHaveTextAsync(["Kaffe: 1", "Te: 0"]);
        await Expect(Results(ingrid)).ToHaveTextAsync(["Kaffe: 1", "Te: 0"]);
        await Expect(Results(facilitator)).ToHaveTextAsync(["Kaffe: 1", "Te: 0"]);
        await Expect(ingrid.Locator("#audience-status")).ToContainTextAsync($"Nytt resultat i avstemningen: {question} Kaffe: 1, Te: 0.");
        Assert.True(await MarkedAsync(ingrid));

        await MarkAsync(per);
        await VoteAsync(ingrid, "Te");
        await Expect(Results(ingrid)).ToHaveTextAsync(["Kaffe: 1", "Te: 1"]);
        await Expect(Results(per)).ToHaveTextAsync(["Kaffe: 1", "Te: 1"]);
        await Expect(Results(facilitator)).ToHaveTextAsync(["Kaffe: 1", "Te: 1"]);
        await Expect(facilitator.Locator("#avstemning-" + await PollIdAsync(facilitator))).ToContainTextAsync("2 stemte");
        Assert.True(await MarkedAsync(per));
        Assert.True(await MarkedAsync(facilitator));

        await VoteAsync(per, "Te");
        await Expect(per.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Du har allerede stemt i denne avstemningen.");
        await Expect(Results(per)).ToHaveTextAsync(["Kaffe: 1", "Te: 1"]);
        await Expect(Results(facilitator)).ToHaveTextAsync(["Kaffe: 1", "Te: 1"]);

        // A question from Ingrid: announced on Per's page as it arrives, and Per's upvote shows as pressed.
        var asked = $"Hvem skriver kapittel 3 {Guid.NewGuid():N}"[..32];
        await ingrid.Locator("form[aria-labelledby='ask-heading']").GetByLabel("Spørsmål", new() { Exact = true }).FillAsync(asked);
        await ingrid.GetByRole(AriaRole.Button, new() { Name = "Send spørsmålet", Exact = true }).ClickAsync();
        await Expect(per.Locator("#audience-status")).ToHaveTextAsync($"Nytt spørsmål: {asked}");
        var upvote = Upvote(per, asked);
        await Expect(upvote).ToHaveAttributeAsync("aria-pressed", "false");
        await upvote.ClickAsync();
        await Expect(Upvote(per, asked)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Upvote(ingrid, asked)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(ingrid.Locator(".question").Filter(new() { HasText = asked })).ToContainTextAsync("1 stemmer");

        var violations = await Axe.CheckAsync(per);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static ILocator Results(IPage page) => page.Locator(".poll__results li");

    private static ILocator Upvote(IPage page, string question) =>
        page.Locator(".question").Filter(new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Stem opp" });

    private static async Task VoteAsync(IPage page, string option)
    {
        var form = page.Locator("#audience form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Stem" }) });
        await form.GetByLabel(option, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button).ClickAsync();
    }

    private static async Task<string> PollIdAsync(IPage page) =>
        (await page.Locator(".poll").First.GetAttributeAsync("id"))!["avstemning-".Length..];

    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.notReloaded = true; }");

    private static Task<bool> MarkedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.notReloaded === true");
}
