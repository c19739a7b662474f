using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

public sealed partial class MeetingsTests(EndToEndFixture fixture)
{
    // A reconnect after a cut waits for SignalR's back-off (1, 2, 5, 10 s); this only stops a broken run.
    private const float ReconnectPatience = 60_000;

    [Fact]
    public async Task LiveMeeting_ParticipantCutOffAndBack_BothEndWithExactlyTheFacilitatorsEntriesInOrder()
    {
        await using var facilitatorContext = await fixture.NewContextAsync();
        await using var perContext = await fixture.NewContextAsync();
        await using var ingridContext = await fixture.NewContextAsync();
        var facilitator = await facilitatorContext.NewPageAsync();
        var title = $"Verksted {Guid.NewGuid():N}"[..20];
        var meetingPath = await PlanAndStartAsync(facilitator, title);

        var per = await perContext.NewPageAsync();
        var ingrid = await ingridContext.NewPageAsync();

        // Ingrid's live connection goes through a route the test can cut: open connections are closed and new
        // ones refused while cut, as when a laptop loses the network.
        var cut = false;
        var sockets = new List<IWebSocketRoute>();
        await ingrid.RouteWebSocketAsync(LiveHub(), socket =>
        {
            if (cut)
            {
                _ = socket.CloseAsync();
                return;
            }

            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });

        await per.SignInAsync(meetingPath, Accounts.ParticipantFin);
        await ingrid.SignInAsync(meetingPath, Accounts.ParticipantHod);
        await Expect(Entries(per)).ToHaveAttributeAsync("data-live-state", "following");
        await Expect(Entries(ingrid)).ToHaveAttributeAsync("data-live-state", "following");

        var written = new List<string>();
        await WriteAsync(facilitator, written, "Velkommen <script>alert('x')</script>");
        await Expect(Texts(per)).ToHaveTextAsync([.. written]);
        await Expect(Texts(ingrid)).ToHaveTextAsync([.. written]);

        cut = true;
        await ingridContext.SetOfflineAsync(true);
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        Assert.NotEmpty(open);
        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }

        for (var n = 2; n <= 4; n++)
        {
            await WriteAsync(facilitator, written, $"Notat {n} mens Ingrid er borte");
        }

        await Expect(Texts(per)).ToHaveTextAsync([.. written]);
        await Expect(Texts(ingrid)).ToHaveCountAsync(1);

        cut = false;
        await ingridContext.SetOfflineAsync(false);
        await Expect(Texts(ingrid)).ToHaveTextAsync([.. written], new() { Timeout = ReconnectPatience });

        await WriteAsync(facilitator, written, "Siste notat etter at Ingrid er tilbake");
        await Expect(Texts(ingrid)).ToHaveTextAsync([.. written], new() { Timeout = ReconnectPatience });
        await Expect(Texts(per)).ToHaveTextAsync([.. written]);

        // Nothing twice, and the script never ran: the text of the first note is shown as text.
        Assert.Equal(written, await Texts(ingrid).AllTextContentsAsync());
        Assert.Equal(written, await Texts(per).AllTextContentsAsync());
        await Expect(ingrid.Locator("#entries-status")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task MeetingPages_Facilitator_HaveNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/moter", Accounts.Facilitator);
        var violations = new List<AxeViolation>();
        violations.AddRange(await Axe.CheckAsync(page));

        // The demo workshop is live and Sigrid facilitates it: the page shows the notes and the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Verksted: kultur for innovasjon", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lagre notatet", Exact = true })).ToBeVisibleAsync();
        violations.AddRange(await Axe.CheckAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre notatet", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Tekst", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        violations.AddRange(await Axe.CheckAsync(page));

        foreach (var path in new[] { "/moter/ny", "/moter/oppfolging", "/moter/kalender" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            violations.AddRange(await Axe.CheckAsync(page));
        }

        await page.GotoAsync("/moter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Oppstartsmøte med alle departementene", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Referat", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Referat");
        violations.AddRange(await Axe.CheckAsync(page));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    // Plans a meeting through the page as the facilitator, with Per and Ingrid taking part, and starts it.
    internal static async Task<string> PlanAndStartAsync(IPage page, string title)
    {
        await page.SignInAsync("/moter/ny", Accounts.Facilitator);
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Starter kl. (norsk tid)", new() { Exact = true }).FillAsync("09:00");
        await page.GetByLabel("Slutter kl. (norsk tid)", new() { Exact = true }).FillAsync("11:00");
        await page.GetByLabel("Sted", new() { Exact = true }).FillAsync("Akersgata 59");
        await page.GetByLabel("Deltakere fra personregisteret", new() { Exact = true }).SelectOptionAsync(
            [new SelectOptionValue { Label = $"Per Hansen ({Accounts.ParticipantFin})" }, new SelectOptionValue { Label = $"Ingrid Berg ({Accounts.ParticipantHod})" }]);
        await page.GetByLabel("Dagsorden", new() { Exact = true }).FillAsync("Innledning\nDiskusjon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start møtet", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("meeting-status")).ToContainTextAsync("Pågår");
        return new Uri(page.Url).AbsolutePath;
    }

    // Writes a note through the form (the page reloads), and remembers it as written.
    internal static async Task WriteAsync(IPage facilitator, List<string> written, string text)
    {
        await facilitator.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Lagre notatet", Exact = true }).ClickAsync();
        written.Add(text);
        await Expect(Texts(facilitator)).ToHaveTextAsync([.. written]);
    }

    internal static ILocator Entries(IPage page) => page.Locator("#entries");

    internal static ILocator Texts(IPage page) => page.Locator("#entries .entry__text");

    [GeneratedRegex("/hubs/live")]
    private static partial Regex LiveHub();
}
