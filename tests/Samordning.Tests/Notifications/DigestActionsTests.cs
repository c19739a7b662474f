using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Workstreams;
using Samordning.Tests.Workstreams.Freshness;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Notifications;

// A contact person who takes the daily digest gets the reporting round's one-click "unchanged" links in it, as a
// single reminder would carry them, and the links work: the page asks, and only the button confirms.
public sealed partial class DigestActionsTests
{
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digest_OpenRound_CarriesAWorkingUnchangedLinkPerInitiative()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var data = new FreshnessData(harness.Factory);
        var per = data.Api.As(People.ContactPersonFin);
        var digest = await per.PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true, dailyDigest = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, digest.StatusCode);
        var first = await data.FinInitiativeAsync("Skatt & avgift i sammendraget");
        var second = await data.FinInitiativeAsync("Budsjett i sammendraget");
        var round = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(data.Api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest("Runde med sammendrag", null, Morning.AddDays(7).AddHours(4))),
            HttpStatusCode.Created);

        await harness.SweepAsync(Ct);

        // Per also gets the round's opening as activity; the digest is the one mail of reminders.
        var mails = new List<MimeMessage>();
        foreach (var raw in harness.Smtp.MessagesTo(People.ContactPersonFin))
        {
            mails.Add(await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)), Ct));
        }

        var mail = Assert.Single(mails, m => m.Subject == "Samordning: 1 påminnelse(r) om frister");
        Assert.NotNull(mail.TextBody);
        Assert.Contains("Dagens påminnelser", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"- Uendret: Skatt & avgift i sammendraget\n    {NotificationsHarness.BaseUrl}{FreshnessData.ConfirmUrl(round.Id, first.Id)}\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{NotificationsHarness.BaseUrl}{FreshnessData.ConfirmUrl(round.Id, first.Id)}\">Uendret: Skatt &amp; avgift i sammendraget</a>", mail.HtmlBody, StringComparison.Ordinal);
        var links = ConfirmLinks().Matches(mail.TextBody).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([FreshnessData.ConfirmUrl(round.Id, second.Id), FreshnessData.ConfirmUrl(round.Id, first.Id)], links);

        foreach (var link in links)
        {
            var (shown, page) = await FreshnessData.GetAsync(per, link);
            Assert.Equal(HttpStatusCode.OK, shown);
            Assert.Contains("Bekreft uendret status", page, StringComparison.Ordinal);
        }

        Assert.Empty(await data.ConfirmationsAsync(round.Id, first.Id));
        Assert.Empty(await data.ConfirmationsAsync(round.Id, second.Id));
        var (_, form) = await FreshnessData.GetAsync(per, links[1]);
        var (status, html) = await FreshnessData.PostFormAsync(per, links[1], form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("er bekreftet i «Runde med sammendrag»", html, StringComparison.Ordinal);
        Assert.Single(await data.ConfirmationsAsync(round.Id, first.Id));
        Assert.Empty(await data.ConfirmationsAsync(round.Id, second.Id));

        // The in-app reminder carries the same links.
        var inApp = await per.GetStringAsync("/varsler", Ct);
        Assert.Contains($"href=\"{FreshnessData.ConfirmUrl(round.Id, first.Id)}\">Uendret: Skatt &amp; avgift i sammendraget</a>", inApp, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FreshnessData.ConfirmUrl(round.Id, second.Id)}\">Uendret: Budsjett i sammendraget</a>", inApp, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://samordning\.test(/arbeidsstrommer/runder/[0-9a-f-]+/bekreft/[0-9a-f-]+)")]
    private static partial Regex ConfirmLinks();
}
