using System.Globalization;
using System.Xml.Linq;
using Microsoft.Playwright;
using MimeKit;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 18: an anonymous visitor sends input with an e-mail address, the KMD team publishes its response
// ("you said, we did"), the response's mail arrives through a real SMTP server (the npm smtp-server sink), and the
// visitor reads it on the public process page (axe-clean, reached from the menu) and in its Atom and iCalendar feeds.
public sealed class ProcessTests(EndToEndFixture fixture)
{
    private const string DemoRound = "Innspill til stortingsmeldingen om innovasjon i offentlig sektor";

    // The mail job runs once a minute on a loaded machine.
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task ResponsePublished_MailArrivesAndProcessPageAndFeedsShowIt()
    {
        var mailFolder = Directory.CreateTempSubdirectory("samordning-e2e-smtp-").FullName;
        var port = HostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
        var email = $"innsender.{Guid.NewGuid():N}@example.no";
        var summary = $"Involver innbyggerne tidlig ({Guid.NewGuid():N})";
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
            await using var publicContext = await fixture.NewContextAsync(host.Address, bypassCsp: true);
            var visitor = await publicContext.NewPageAsync();
            // This test's own host has just started: its first pages compile and warm it.
            visitor.SetDefaultNavigationTimeout(90_000);
            visitor.SetDefaultTimeout(90_000);
            await visitor.GotoAsync("/innspill");
            await visitor.GetByRole(AriaRole.Link, new() { Name = DemoRound, Exact = true }).ClickAsync();
            await visitor.GetByLabel("Type avsender", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Innbygger" });
            await visitor.GetByLabel("Navn på organisasjon (eller ditt navn som privatperson)", new() { Exact = true }).FillAsync("Kari Innbygger");
            await visitor.GetByLabel("Ditt navn", new() { Exact = true }).FillAsync("Kari Innbygger");
            await visitor.GetByLabel("Din e-post", new() { Exact = true }).FillAsync(email);
            await visitor.GetByLabel("Andre innspill (valgfritt)", new() { Exact = true }).FillAsync("Spør folk før dere bestemmer.");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Send innspill", Exact = true }).ClickAsync();
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Innspillet er mottatt");
            var reference = await visitor.GetByTestId("reference").InnerTextAsync();

            await using var staffContext = await fixture.NewContextAsync(host.Address, bypassCsp: true);
            var coordinator = await staffContext.NewPageAsync();
            coordinator.SetDefaultNavigationTimeout(90_000);
            coordinator.SetDefaultTimeout(90_000);
            await coordinator.SignInAsync("/innspillsregister", Accounts.Coordinator);
            await coordinator.GetByLabel("Søk (referanse, organisasjon eller tekst)", new() { Exact = true }).FillAsync(reference);
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
            await coordinator.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "KMDs svar til innsenderen («du sa, vi gjorde»)", Exact = true }).ClickAsync();
            await coordinator.GetByLabel("Hva innspillet foreslo", new() { Exact = true }).FillAsync(summary);
            await coordinator.GetByLabel("Hva KMD gjorde med det", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Brukt i et kapittel" });
            await coordinator.GetByLabel("Kapittel (når innspillet er brukt)", new() { Exact = true }).FillAsync("10");
            await coordinator.GetByLabel("Publiser svaret", new() { Exact = true }).CheckAsync();
            AssertNone(await Axe.CheckAsync(coordinator));
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Svaret er lagret.");
            AssertNone(await Axe.CheckAsync(coordinator));

            var mail = await WaitForMailAsync(mailFolder, email, reference);
            Assert.Contains(summary, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Brukt i kapittel 10.", mail.TextBody, StringComparison.Ordinal);

            // The visitor finds the process page in the menu, reads the response there, and the page passes axe.
            await visitor.GotoAsync("/");
            await visitor.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Prosessen", Exact = true }).ClickAsync();
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Slik lages stortingsmeldingen");
            await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Du sa, vi gjorde" })).ToContainTextAsync(summary);
            await Expect(visitor.GetByText(DemoRound).First).ToBeVisibleAsync();
            AssertNone(await Axe.CheckAsync(visitor));

            using var http = new HttpClient { BaseAddress = host.Address };
            var feed = XDocument.Parse(await http.GetStringAsync("/prosess/feed.atom", TestContext.Current.CancellationToken)).Root!;
            XNamespace atom = "http://www.w3.org/2005/Atom";
            Assert.Equal(atom + "feed", feed.Name);
            Assert.Contains(feed.Elements(atom + "entry"), e => e.Element(atom + "summary")!.Value.Contains(summary, StringComparison.Ordinal));
            var calendar = await http.GetStringAsync("/prosess/kalender.ics", TestContext.Current.CancellationToken);
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:Frist for innspill: ", calendar, StringComparison.Ordinal);
        }
        finally
        {
            SmtpSinkProcess.Stop(sink);
        }
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");

    private static Task<MimeMessage> WaitForMailAsync(string folder, string address, string reference) =>
        SmtpSinkProcess.WaitForMailAsync(
            folder, message => SmtpSinkProcess.IsTo(message, address) && message.Subject == $"Svar på innspillet ditt {reference}", MailWait, $"response mail to {address} about {reference}");
}
