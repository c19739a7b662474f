using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 17, point 2: a round's reminder reaches a contact person by e-mail through a real SMTP server (the npm
// smtp-server sink) with a one-click "unchanged" link per initiative; the link from that mail, opened in Chromium,
// signs the person in, shows what will be confirmed, confirms with one button, and the round records it.
public sealed partial class OneClickConfirmTests(EndToEndFixture fixture)
{
    private const string Round = "Runde med ett klikk";

    // The mail job runs once a minute on a loaded machine.
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task ReminderMail_UnchangedLinkOpenedAndConfirmed_RoundRecordsIt()
    {
        var mailFolder = Directory.CreateTempSubdirectory("samordning-e2e-smtp-").FullName;
        var port = HostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
        using var sink = SmtpSinkProcess.Start(port, mailFolder);
        await using var host = await HostProcess.StartAsync(
            TestContext.Current.CancellationToken,
            new Dictionary<string, string>
            {
                ["Modules__Notifications__Smtp__Host"] = "127.0.0.1",
                ["Modules__Notifications__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Modules__Notifications__Smtp__Security"] = "None",
                ["Modules__Notifications__PublicBaseUrl"] = address.ToString(),
            },
            address);
        try
        {
            await using var coordinatorContext = await fixture.NewContextAsync(host.Address);
            var coordinator = await coordinatorContext.NewPageAsync();
            // This test's own host has just started: its first pages compile and warm it, which took over 15 s beside
            // the rest of the suite in CI, for the sign-in and again for opening the round. So the coordinator's steps
            // may take longer; the person's steps below keep the usual limit.
            coordinator.SetDefaultNavigationTimeout(90_000);
            coordinator.SetDefaultTimeout(90_000);
            await coordinator.SignInAsync("/arbeidsstrommer/runder", Accounts.Coordinator);
            await coordinator.GetByLabel("Tittel, for eksempel «Status per 1. mars»").FillAsync(Round);
            await coordinator.GetByLabel("Frist (norsk tid)").FillAsync(DateTime.Now.AddDays(20).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Åpne runden" }).ClickAsync();
            // Polls the address: waiting for the navigation event instead missed it now and then (twice of three).
            await Expect(coordinator).ToHaveURLAsync(RoundPage());
            var roundPath = new Uri(coordinator.Url).AbsolutePath;
            await coordinator.GotoAsync("/varsler/utsendelser");
            await coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = Round })
                .GetByRole(AriaRole.Button, new() { Name = "Send påminnelse nå" }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Påminnelsen er sendt", new() { Timeout = 90_000 });

            var mail = await WaitForMailAsync(mailFolder, Accounts.ParticipantFin, Round);
            var link = new Uri(ConfirmLink().Match(mail.TextBody ?? "").Value);
            Assert.Equal(address.Authority, link.Authority);
            Assert.StartsWith(roundPath + "/bekreft/", link.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);

            // The person opens the link from the mail in a browser that is not signed in: the sign-in returns to it.
            await using var personContext = await fixture.NewContextAsync(host.Address, bypassCsp: true);
            var person = await personContext.NewPageAsync();
            await person.GotoAsync(link.ToString());
            await Expect(person).ToHaveURLAsync(SignIn.LoginPage());
            await person.GetByLabel("E-postadresse", new() { Exact = true }).FillAsync(Accounts.ParticipantFin);
            await person.GetByLabel("Passord", new() { Exact = true }).FillAsync(Accounts.Password);
            await person.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();
            await Expect(person).ToHaveURLAsync(link.ToString());

            // The in-app reminder carries the same link.
            await person.GotoAsync("/varsler");
            await Expect(person.Locator($"main a[href='{link.AbsolutePath}']")).ToHaveCountAsync(1);
            await person.GotoAsync(link.ToString());
            await Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bekreft at status er uendret");
            var title = await person.Locator("dl.facts dd a").First.InnerTextAsync();
            var violations = await Axe.CheckAsync(person);
            Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");

            await person.GetByRole(AriaRole.Button, new() { Name = "Bekreft uendret status" }).ClickAsync();

            await Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync($"Takk! «{title}» er bekreftet i «{Round}».");
            var done = await Axe.CheckAsync(person);
            Assert.True(done.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', done)}");

            // The round has it: FIN has started, and the initiative is no longer among FIN's unconfirmed.
            await person.GotoAsync(roundPath);
            var unconfirmed = person.GetByRole(AriaRole.Table).Filter(new() { HasText = "Tiltak som ikke er bekreftet ennå" });
            await Expect(unconfirmed.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToHaveCountAsync(0);
            await Expect(person.GetByText(FinConfirmedOne())).ToBeVisibleAsync();

            // The same link again says so, and when.
            await person.GotoAsync(link.ToString());
            await Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tiltaket er allerede bekreftet");
        }
        finally
        {
            SmtpSinkProcess.Stop(sink);
        }
    }

    private static Task<MimeMessage> WaitForMailAsync(string folder, string address, string round) =>
        SmtpSinkProcess.WaitForMailAsync(
            folder,
            message => SmtpSinkProcess.IsTo(message, address) && message.Subject is { } subject && subject.Contains(round, StringComparison.Ordinal) && subject.StartsWith("Påminnelse", StringComparison.Ordinal),
            MailWait,
            $"reminder to {address} about “{round}”");

    [GeneratedRegex(@"/arbeidsstrommer/runder/[0-9a-f-]{36}$")]
    private static partial Regex RoundPage();

    [GeneratedRegex(@"^.*\b1 av \d+ tiltak er bekreftet\.$")]
    private static partial Regex FinConfirmedOne();

    [GeneratedRegex(@"http://[^\s""]+/bekreft/[0-9a-f-]{36}")]
    private static partial Regex ConfirmLink();
}
