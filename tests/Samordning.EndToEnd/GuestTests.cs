using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// A guest without an account (issue 18, point 3): the facilitator makes a link, the guest opens it in a browser of
// their own, follows the live notes, asks a question the facilitator answers (and sees it answered without a
// reload), and is refused anything else.
public sealed class GuestTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Guest_FollowsLiveMeetingAsksAndSeesAnswer_RefusedElsewhere()
    {
        await using var facilitatorContext = await fixture.NewContextAsync(bypassCsp: true);
        await using var guestContext = await fixture.NewContextAsync(bypassCsp: true);
        var facilitator = await facilitatorContext.NewPageAsync();
        var meetingPath = await MeetingsTests.PlanAndStartAsync(facilitator, $"Gjestemøte {Guid.NewGuid():N}"[..20]);

        await facilitator.GotoAsync(meetingPath + "/gjester");
        await facilitator.GetByLabel("Eller: hvor mange personer kan bruke lenken", new() { Exact = true }).FillAsync("5");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Lag lenken", Exact = true }).ClickAsync();
        var url = (await facilitator.GetByTestId("guest-link-url").TextContentAsync())!.Trim();
        AssertNone(await Axe.CheckAsync(facilitator));

        var guest = await guestContext.NewPageAsync();
        await guest.GotoAsync(url);
        AssertNone(await Axe.CheckAsync(guest));
        await guest.GetByLabel("Navnet ditt", new() { Exact = true }).FillAsync("Gunn Gjest");
        await guest.GetByLabel("Jeg godtar vilkårene", new() { Exact = true }).CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Gå til møtet", Exact = true }).ClickAsync();
        await Expect(guest.GetByTestId("guest-notice")).ToContainTextAsync("Gunn Gjest");
        await Expect(MeetingsTests.Entries(guest)).ToHaveAttributeAsync("data-live-state", "following");
        AssertNone(await Axe.CheckAsync(guest));

        // Back from the guest-links page to the meeting, where the notes are written.
        await facilitator.GotoAsync(meetingPath);
        var written = new List<string>();
        await MeetingsTests.WriteAsync(facilitator, written, "Velkommen, også til gjestene");
        await Expect(MeetingsTests.Texts(guest)).ToHaveTextAsync([.. written]);

        await guest.GetByLabel("Spørsmål", new() { Exact = true }).FillAsync("Når kommer høringen?");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Send spørsmålet", Exact = true }).ClickAsync();
        await Expect(guest.Locator("#audience")).ToContainTextAsync("Når kommer høringen?");
        await Expect(MeetingsTests.Entries(guest)).ToHaveAttributeAsync("data-live-state", "following");

        await facilitator.ReloadAsync();
        await facilitator.GetByLabel("Svar (valgfritt)").FillAsync("I september.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Merk som besvart" }).ClickAsync();
        await Expect(guest.Locator("#audience")).ToContainTextAsync("I september.");
        await Expect(guest.Locator("#audience")).ToContainTextAsync("Besvart");

        var meetings = await guest.GotoAsync("/moter");
        Assert.Equal(403, meetings!.Status);
        var history = await guest.GotoAsync(meetingPath + "/historikk");
        Assert.Equal(403, history!.Status);
        var api = await guestContext.APIRequest.GetAsync(new Uri(fixture.Address, "/api/meetings").ToString());
        Assert.Equal(403, api.Status);
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
