using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.InApp;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Audience = Samordning.Feedback.Data.Audience;
using FeedbackRounds = Samordning.Feedback.Rounds;
using WorkstreamRounds = Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Notifications;

// Every link the product sends someone leads to a page that opens for that person: the reminders of every kind of
// deadline the modules offer (input rounds, reporting rounds, action items, upcoming meetings) by e-mail and in the
// app, the daily digest, the receipt for input, and the deadlines coordinators see on /varsler/utsendelser.
public sealed partial class NotificationLinksTests
{
    // Monday 7 June 2027, 08:05 in Oslo: within sending hours, and every deadline below is due in seven days.
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static readonly DateTimeOffset InSevenDays = new(2027, 6, 14, 12, 0, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Links_EveryNotificationAndMailKind_OpenForTheirRecipient()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var factory = harness.Factory;
        var keys = await ArrangeEveryKindAsync(factory);

        await harness.SweepAsync(Ct);

        // Every kind went out: a reminder of each deadline, a digest, a receipt.
        var logged = await harness.QueryAsync(db => db.ReminderLog.Select(e => e.DeadlineKey).Distinct().ToListAsync(Ct));
        Assert.All(keys, key => Assert.Contains(key, logged));
        var mails = harness.Smtp.Messages().Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m)))).ToList();
        Assert.Contains(mails, m => m.Subject != null && m.Subject.Contains("påminnelse(r) om frister", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject != null && m.Subject.StartsWith("Kvittering for innspill", StringComparison.Ordinal));

        var followed = new List<(string Recipient, string Link)>();
        foreach (var mail in mails)
        {
            var recipient = mail.To.Mailboxes.Single().Address;
            foreach (var link in MailLinks(mail))
            {
                followed.Add((recipient, link));
            }
        }

        var notifications = await harness.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync(Ct));
        Assert.NotEmpty(notifications);
        foreach (var notification in notifications)
        {
            followed.Add((await EmailOfAsync(factory, notification.PersonId), notification.Link));
        }

        var overview = await factory.CreateClientAs(People.Coordinator).GetStringAsync("/varsler/utsendelser", Ct);
        var listed = DeadlineLinkPattern().Matches(overview).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(listed.Count >= keys.Count, $"Expected the {keys.Count} deadlines on /varsler/utsendelser, found {listed.Count} links.");
        followed.AddRange(listed.Select(link => (People.Coordinator, link)));

        var broken = new List<string>();
        foreach (var (recipient, link) in followed.Distinct())
        {
            var response = await (await ClientForAsync(factory, recipient)).GetAsync(PathOf(link), Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{link} for {recipient}: {(int)response.StatusCode}");
            }
        }

        Assert.True(broken.Count == 0, "Links that do not open for their recipient:\n" + string.Join("\n", broken));
        Assert.Contains(followed, f => f.Link.Contains("/innspillsregister/runder/", StringComparison.Ordinal));
    }

    // An input round to the ministries, a public one (for a receipt), a reporting round, an action item whose owner
    // does not take part in its meeting, an upcoming meeting, and a contact person who takes a daily digest.
    private static async Task<List<string>> ArrangeEveryKindAsync(SamordningFactory factory)
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var inputRound = await RegisterApi.ReadAsync<FeedbackRounds.RoundDetails>(await coordinator.PostAsJsonAsync("/api/feedback/rounds", new FeedbackRounds.OpenRoundRequest(
            "Innspill fra departementene", null, [Audience.Ministries], [], null, InSevenDays, IsPublic: false, 24), FeedbackFixture.Json, Ct), HttpStatusCode.Created);
        var publicRound = await RegisterApi.ReadAsync<FeedbackRounds.RoundDetails>(await coordinator.PostAsJsonAsync("/api/feedback/rounds", new FeedbackRounds.OpenRoundRequest(
            "Innspill fra leverandører", null, [Audience.Suppliers], [], null, InSevenDays, IsPublic: true, 24), FeedbackFixture.Json, Ct), HttpStatusCode.Created);
        var anonymous = factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(anonymous, publicRound.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PublicForm.PostAsync(anonymous, publicRound.Id, PublicForm.Valid(antiforgery, token))).StatusCode);

        var reportingRound = await WorkstreamsApi.ReadAsync<WorkstreamRounds.RoundProgress>(await WorkstreamsApi.PostAsync(
            coordinator, "/api/workstreams/rounds", new WorkstreamRounds.OpenRoundRequest("Status før sommeren", null, InSevenDays)), HttpStatusCode.Created);

        var live = await MeetingTestData.CreateLiveAsync(factory);
        var owner = await factory.PersonIdAsync(MeetingTestData.Outsider, Ct);
        var action = await Problem.ReadOkAsync<EntryView>(await factory.CreateClientAs(MeetingTestData.Facilitator).PostAsJsonAsync(
            $"/api/meetings/{live.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Send eksempler", OwnerPersonId: owner, DueDate: new DateOnly(2027, 6, 14)), Ct), HttpStatusCode.Created, Ct);
        var upcoming = await MeetingTestData.CreateAsync(factory, r => r with { Title = "Verksted neste uke", StartsAt = InSevenDays, EndsAt = InSevenDays.AddHours(2) });

        var digest = await factory.CreateClientAs(People.ContactPersonHod).PutAsJsonAsync("/api/notifications/preferences", new PreferencesRequest(true, true), Ct);
        Assert.Equal(HttpStatusCode.OK, digest.StatusCode);

        return [
            $"feedback.round:{inputRound.Id}", $"workstreams.round:{reportingRound.Id}",
            $"meetings.action:{action.Id}", $"meetings.meeting:{upcoming.Id}",
        ];
    }

    private static IEnumerable<string> MailLinks(MimeMessage mail)
    {
        var text = (mail.TextBody ?? "") + "\n" + WebUtility.HtmlDecode(mail.HtmlBody ?? "");
        return MailLinkPattern().Matches(text).Select(m => m.Value).Distinct();
    }

    private static async Task<string> EmailOfAsync(SamordningFactory factory, Guid personId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetPersonAsync(personId, Ct);
        return person?.Email ?? throw new InvalidOperationException($"No person {personId}.");
    }

    // The recipient signed in, or anonymous for an address outside the registry (a contributor's receipt).
    private static async Task<HttpClient> ClientForAsync(SamordningFactory factory, string recipient)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().FindSignedInPersonAsync(null, recipient, Ct);
        return factory.CreateClientAs(person is null ? null : recipient);
    }

    private static string PathOf(string link)
    {
        var path = link.StartsWith(NotificationsHarness.BaseUrl, StringComparison.Ordinal) ? link[NotificationsHarness.BaseUrl.Length..] : link;
        return path.Split('#')[0];
    }

    [GeneratedRegex(@"https://samordning\.test/[^\s""<>]*")]
    private static partial Regex MailLinkPattern();

    [GeneratedRegex(@"<td><a class=""ds-link"" href=""([^""]+)"">")]
    private static partial Regex DeadlineLinkPattern();
}
