using System.Globalization;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 5: something that happens (a coordinator opens a reporting round) reaches a contact person live in
// the header badge of the page they have open, and by e-mail through a real SMTP server (the npm smtp-server sink
// the integration tests use); the notification settings page passes the accessibility check.
public sealed class ActivityNotificationsTests(EndToEndFixture fixture)
{
    // The mail job runs once a minute on a loaded machine; live delivery crosses two browsers and the hub.
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(180);
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 60_000 };

    [Fact]
    public async Task RoundOpened_ContactPersonOnAnotherPage_BadgeCountsUpLiveAndMailArrives()
    {
        var mailFolder = Directory.CreateTempSubdirectory("samordning-e2e-smtp-").FullName;
        var port = HostProcess.FreePort();
        using var sink = SmtpSinkProcess.Start(port, mailFolder);
        await using var host = await HostProcess.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string>
        {
            ["Modules__Notifications__Smtp__Host"] = "127.0.0.1",
            ["Modules__Notifications__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Modules__Notifications__Smtp__Security"] = "None",
        });
        try
        {
            await using var personContext = await fixture.NewContextAsync(host.Address);
            var person = await personContext.NewPageAsync();
            // This test's own host has just started: its first pages compile and warm it, which took over 15 s once
            // in CI beside the integration suite. Only the first sign-in waits longer.
            person.SetDefaultNavigationTimeout(90_000);
            await person.SignInAsync("/varsler/innstillinger", Accounts.ParticipantFin);
            person.SetDefaultNavigationTimeout(15_000);
            await Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Varselinnstillinger");
            var pill = person.Locator("[data-badge-topic^='user:'] [data-badge-count]");
            var before = int.Parse(await pill.GetAttributeAsync("data-count") ?? "0", CultureInfo.InvariantCulture);
            await person.EvaluateAsync("() => { window.e2eSamePage = true; }");

            await using var coordinatorContext = await fixture.NewContextAsync(host.Address);
            var coordinator = await coordinatorContext.NewPageAsync();
            await coordinator.SignInAsync("/arbeidsstrommer/runder", Accounts.Coordinator);
            await coordinator.GetByLabel("Tittel, for eksempel «Status per 1. mars»").FillAsync("Runde fra ende-til-ende");
            await coordinator.GetByLabel("Frist (norsk tid)").FillAsync(DateTime.Now.AddDays(20).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Åpne runden" }).ClickAsync();
            await coordinator.WaitForURLAsync("**/arbeidsstrommer/runder/*");

            await Expect(pill).ToHaveAttributeAsync("data-count", (before + 1).ToString(CultureInfo.InvariantCulture), Live);
            Assert.True(await person.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The page was reloaded.");

            var mail = await WaitForMailAsync(mailFolder, Accounts.ParticipantFin, "Runde fra ende-til-ende");
            Assert.Contains("Ny rapporteringsrunde", mail, StringComparison.Ordinal);
            Assert.DoesNotContain(Directory.GetFiles(mailFolder, "*.eml").Select(File.ReadAllText), m => m.Contains($"<{Accounts.Coordinator}>", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            SmtpSinkProcess.Stop(sink);
        }
    }

    [Fact]
    public async Task SettingsPage_ContactPerson_HasNoSeriousViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("/varsler/innstillinger", Accounts.ParticipantFin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");
    }

    private static async Task<string> WaitForMailAsync(string folder, string address, string text)
    {
        var until = DateTime.UtcNow + MailWait;
        while (DateTime.UtcNow < until)
        {
            var found = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText)
                .FirstOrDefault(m => m.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase) && m.Contains(text, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No mail to {address} about “{text}” within {MailWait}.");
    }
}
