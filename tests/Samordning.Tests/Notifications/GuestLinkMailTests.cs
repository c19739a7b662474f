using System.Net;
using System.Net.Http.Json;
using Samordning.Feedback.Data;
using Samordning.Feedback.Guests;
using Samordning.Feedback.Rounds;
using Samordning.Meetings.Guests;
using Samordning.Shared.Security;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using static Samordning.Tests.Notifications.CalendarMail;

namespace Samordning.Tests.Notifications;

// A named guest's link with an e-mail address is mailed to them (a meeting's and an input round's alike), through
// the outbox and a real SMTP server, in the language of whoever made it; a link for a number of people is not mailed.
public sealed class GuestLinkMailTests
{
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateMeetingLink_NamedGuestWithEmail_MailedTheLinkOnce()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        var facilitator = harness.Factory.CreateClientAs(MeetingTestData.Facilitator);

        var link = await Problem.ReadOkAsync<GuestLinkView>(await facilitator.PostAsJsonAsync(
            $"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest("Gunn Gjest", "gunn@gjest.example.no", null, null), Ct), HttpStatusCode.Created, Ct);
        await Problem.ReadOkAsync<GuestLinkView>(await facilitator.PostAsJsonAsync(
            $"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest(null, null, 20, null), Ct), HttpStatusCode.Created, Ct);
        await DeliverMailAsync(harness);

        var mail = Parse(Assert.Single(harness.Smtp.MessagesTo("gunn@gjest.example.no")));
        Assert.Contains($"Invitasjon som gjest: {meeting.Title}", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(link.Url!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hei Gunn Gjest", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(harness.Smtp.Messages().Select(Parse), m => m.TextBody?.Contains("/gjest/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CreateRoundLink_NamedGuestWithEmail_MailedInTheMakersLanguage()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var coordinator = harness.Factory.CreateClientAs(People.Coordinator);
        var opened = await coordinator.PostAsJsonAsync("/api/feedback/rounds",
            new OpenRoundRequest("Runde for inviterte", null, [Audience.Everyone], [], Morning, Morning.AddDays(10), false, 12), FeedbackFixture.Json, Ct);
        var round = (await opened.Content.ReadFromJsonAsync<RoundDetails>(FeedbackFixture.Json, Ct))!;

        var link = await Problem.ReadOkAsync<RoundGuestLinkView>(await coordinator.PostAsJsonAsync(
            $"/api/feedback/rounds/{round.Id}/guest-links?culture=en-GB", new GuestLinkRequest("Nils Navngitt", "nils@gjest.example.no", null, null), Ct), HttpStatusCode.Created, Ct);
        await DeliverMailAsync(harness);

        var mail = Parse(Assert.Single(harness.Smtp.MessagesTo("nils@gjest.example.no")));
        Assert.Contains("Invitation as a guest: Runde for inviterte", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(link.Url!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("can be used once", mail.TextBody, StringComparison.Ordinal);
    }
}
