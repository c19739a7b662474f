using System.Globalization;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// A guest of an input round by invitation (issue 18, point 3): the coordinator opens a round that is not public and
// makes a guest link on the round's page; the guest, in a browser of their own, opens it, sends input through the
// round's form and gets the receipt, and is refused the register.
public sealed class RoundGuestTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task RoundGuest_SubmitsInputByInvitation_GetsReceipt_RefusedElsewhere()
    {
        var title = $"Invitert runde {Guid.NewGuid():N}"[..24];
        await using var staffContext = await fixture.NewContextAsync(bypassCsp: true);
        await using var guestContext = await fixture.NewContextAsync(bypassCsp: true);
        var coordinator = await staffContext.NewPageAsync();
        await coordinator.SignInAsync("/innspillsregister/runder", Accounts.Coordinator);
        await coordinator.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await coordinator.GetByLabel("Leverandører", new() { Exact = true }).CheckAsync();
        var deadline = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(10), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        await coordinator.GetByLabel("Frist (norsk tid), for eksempel 6. april kl. 23:59", new() { Exact = true })
            .FillAsync(deadline.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("Offentlig: alle kan sende innspill uten å logge inn", new() { Exact = true }).UncheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Åpne runden", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Gjestelenker", Exact = true }).ClickAsync();
        await coordinator.GetByLabel("Eller: hvor mange personer kan bruke lenken", new() { Exact = true }).FillAsync("3");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lag lenken", Exact = true }).ClickAsync();
        var url = (await coordinator.GetByTestId("guest-link-url").TextContentAsync())!.Trim();
        AssertNone(await Axe.CheckAsync(coordinator));

        var guest = await guestContext.NewPageAsync();
        await guest.GotoAsync(url);
        await Expect(guest.GetByText(title)).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(guest));
        await guest.GetByLabel("Navnet ditt", new() { Exact = true }).FillAsync("Gunn Gjest");
        await guest.GetByLabel("Jeg godtar vilkårene", new() { Exact = true }).CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Gå til skjemaet", Exact = true }).ClickAsync();
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        AssertNone(await Axe.CheckAsync(guest));

        await guest.GetByLabel("Type avsender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Leverandør" });
        await guest.GetByLabel("Navn på organisasjon (eller ditt navn som privatperson)", new() { Exact = true }).FillAsync("Invitert Rådgivning AS");
        await guest.GetByLabel("Innspill", new() { Exact = true }).FillAsync("Involver leverandørene tidlig.");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Send innspill", Exact = true }).ClickAsync();

        await Expect(guest.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Innspillet er mottatt");
        await Expect(guest.GetByTestId("reference")).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(guest));

        var register = await guest.GotoAsync("/innspillsregister");
        Assert.Equal(403, register!.Status);
        var api = await guestContext.APIRequest.GetAsync(new Uri(fixture.Address, "/api/feedback/rounds").ToString());
        Assert.Equal(403, api.Status);
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
}
