using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Notifications.Activity;
using Samordning.Shared.Activity;
using Samordning.Shared.Events;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Workstreams.Contracts;
using static Samordning.Tests.Notifications.CalendarMail;

namespace Samordning.Tests.Notifications;

// Notifications of what happens (ActivityHappened): who hears of each kind and who does not (never the one who did
// it, never someone it does not concern), each person's channels, the daily digest, the calendar invitation that
// goes with a meeting's change, and that a repeated event sends nothing twice.
public sealed class ActivityNotificationTests
{
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> TitlesForAsync(NotificationsHarness harness, string email)
    {
        var person = await harness.Factory.PersonIdAsync(email, Ct);
        return await harness.QueryAsync(db => db.Notifications.Where(n => n.PersonId == person).Select(n => n.TitleNb).ToListAsync(Ct));
    }

    // The outbox job delivers what a use case did not deliver at once (after the row's lease): wait for it, generously.
    private static async Task<List<string>> EventuallyTitlesForAsync(NotificationsHarness harness, string email, int atLeast)
    {
        for (var i = 0; i < 120; i++)
        {
            var titles = await TitlesForAsync(harness, email);
            if (titles.Count >= atLeast)
            {
                return titles;
            }

            await Task.Delay(250, Ct);
        }

        return await TitlesForAsync(harness, email);
    }

    [Fact]
    public async Task MeetingMovedThenCancelled_ParticipantsGetRequestThenCancel_NotTheActorNorOutsider()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        var request = await MeetingTestData.RequestAsync(harness.Factory);
        var coordinator = harness.Factory.CreateClientAs(People.Coordinator);

        var moved = await Problem.ReadOkAsync<MeetingDetails>(
            await coordinator.PutAsJsonAsync($"/api/meetings/{meeting.Id}", request with { StartsAt = request.StartsAt!.Value.AddDays(1), EndsAt = request.EndsAt!.Value.AddDays(1), Version = meeting.Version }, Ct),
            HttpStatusCode.OK, Ct);
        await MeetingTestData.SetStatusAsync(harness.Factory, moved, MeetingStatus.Cancelled);
        await DeliverMailAsync(harness);

        Assert.Contains(await TitlesForAsync(harness, MeetingTestData.ParticipantFin), t => t.StartsWith("Flyttet: Verksted om forsøk", StringComparison.Ordinal));
        Assert.Contains(await TitlesForAsync(harness, MeetingTestData.ParticipantFin), t => t == "Avlyst: Verksted om forsøk");
        Assert.Contains(await TitlesForAsync(harness, MeetingTestData.Facilitator), t => t.StartsWith("Flyttet:", StringComparison.Ordinal));
        // The facilitator cancelled it, the coordinator moved it: neither hears of their own act; KD is not in it.
        Assert.DoesNotContain(await TitlesForAsync(harness, MeetingTestData.Facilitator), t => t.StartsWith("Avlyst:", StringComparison.Ordinal));
        Assert.Empty(await TitlesForAsync(harness, People.Coordinator));
        Assert.Empty(await TitlesForAsync(harness, MeetingTestData.Outsider));

        var mails = harness.Smtp.MessagesTo(MeetingTestData.ParticipantFin).Select(Parse).ToList();
        Assert.Equal(3, mails.Count); // the invitation when it was planned, the move, the cancellation
        var request1 = CalendarOf(mails.Single(m => m.Subject!.Contains("Flyttet", StringComparison.Ordinal)));
        var cancel = CalendarOf(mails.Single(m => m.Subject!.Contains("Avlyst", StringComparison.Ordinal)));
        Assert.Equal("REQUEST", request1.ContentType.Parameters["method"]);
        Assert.Equal("CANCEL", cancel.ContentType.Parameters["method"]);
        Assert.Equal("METHOD:REQUEST", Property(request1.Text, "METHOD"));
        Assert.Equal("METHOD:CANCEL", Property(cancel.Text, "METHOD"));
        Assert.Equal($"UID:{meeting.Id}@samordning", Property(request1.Text, "UID"));
        Assert.Equal(Property(request1.Text, "UID"), Property(cancel.Text, "UID"));
        var sequence1 = long.Parse(Property(request1.Text, "SEQUENCE")[9..], System.Globalization.CultureInfo.InvariantCulture);
        var sequence2 = long.Parse(Property(cancel.Text, "SEQUENCE")[9..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(sequence2 > sequence1, $"SEQUENCE {sequence2} after {sequence1}");
        Assert.Equal("DTSTART:20300615T080000Z", Property(request1.Text, "DTSTART"));
        Assert.Equal("STATUS:CANCELLED", Property(cancel.Text, "STATUS"));
        Assert.Contains(Lines(request1.Text), l => l.StartsWith("ATTENDEE;", StringComparison.Ordinal) && l.EndsWith($"mailto:{MeetingTestData.ParticipantFin}", StringComparison.Ordinal));
        Assert.Contains(Lines(request1.Text), l => l.StartsWith("ATTENDEE;", StringComparison.Ordinal) && l.EndsWith($"mailto:{MeetingTestData.ParticipantHod}", StringComparison.Ordinal));
        Assert.StartsWith("ORGANIZER;CN=", Property(request1.Text, "ORGANIZER"), StringComparison.Ordinal);
        Assert.Contains($"mailto:{MeetingTestData.Facilitator}", Property(request1.Text, "ORGANIZER"), StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_SummerAndWinter_UtcTimesOfOsloWallClock()
    {
        var summer = new MeetingInvitation(Guid.NewGuid(), 3, false, "Møte, med komma; og semikolon", new(2027, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)), new(2027, 7, 1, 11, 0, 0, TimeSpan.FromHours(2)), null, null, []);
        var winter = summer with { StartsAt = new(2027, 1, 14, 10, 0, 0, TimeSpan.FromHours(1)), EndsAt = new(2027, 1, 14, 11, 0, 0, TimeSpan.FromHours(1)) };
        var stamp = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var summerText = Samordning.Notifications.Mail.CalendarInvitation.Write(summer, null, "samordning@example.no", [], "https://x/moter/1", stamp);
        var winterText = Samordning.Notifications.Mail.CalendarInvitation.Write(winter, null, "samordning@example.no", [], "https://x/moter/1", stamp);

        Assert.Equal("DTSTART:20270701T080000Z", Property(summerText, "DTSTART"));
        Assert.Equal("DTEND:20270701T090000Z", Property(summerText, "DTEND"));
        Assert.Equal("DTSTART:20270114T090000Z", Property(winterText, "DTSTART"));
        Assert.Equal("SUMMARY:Møte\\, med komma\\; og semikolon", Property(summerText, "SUMMARY"));
        Assert.Equal("SEQUENCE:3", Property(summerText, "SEQUENCE"));
        Assert.EndsWith("END:VCALENDAR\r\n", summerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionItem_AssignedToOther_OwnerNotified_NotTheAuthorNorOthers()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateLiveAsync(harness.Factory);
        var facilitator = harness.Factory.CreateClientAs(MeetingTestData.Facilitator);
        var owner = await harness.Factory.PersonIdAsync(MeetingTestData.ParticipantFin, Ct);
        var self = await harness.Factory.PersonIdAsync(MeetingTestData.Facilitator, Ct);

        var given = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new Samordning.Meetings.Entries.EntryRequest(EntryKind.ActionItem, "Lag et utkast", OwnerPersonId: owner, DueDate: new DateOnly(2030, 7, 1)), Ct);
        var own = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new Samordning.Meetings.Entries.EntryRequest(EntryKind.ActionItem, "Send referatet", OwnerPersonId: self, DueDate: new DateOnly(2030, 7, 1)), Ct);
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        // Besides the invitation to the meeting, when it was planned.
        static bool ActionItem(string title) => !title.StartsWith("Invitasjon:", StringComparison.Ordinal);
        Assert.Equal(["Oppfølgingspunkt til deg: Lag et utkast"], (await TitlesForAsync(harness, MeetingTestData.ParticipantFin)).Where(ActionItem));
        Assert.DoesNotContain(await TitlesForAsync(harness, MeetingTestData.Facilitator), ActionItem);
        Assert.DoesNotContain(await TitlesForAsync(harness, MeetingTestData.ParticipantHod), ActionItem);
    }

    [Fact]
    public async Task RoundOpened_ContactPersonsNotified_NotTheCoordinatorNorObserver()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var response = await harness.Factory.CreateClientAs(People.Coordinator)
            .PostAsJsonAsync("/api/workstreams/rounds", new { title = "Vårrunden", deadline = Morning.AddDays(14) }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal(["Ny rapporteringsrunde: Vårrunden"], await TitlesForAsync(harness, People.ContactPersonFin));
        Assert.Equal(["Ny rapporteringsrunde: Vårrunden"], await TitlesForAsync(harness, People.ContactPersonKd));
        Assert.Empty(await TitlesForAsync(harness, People.Coordinator));
        Assert.Empty(await TitlesForAsync(harness, People.Observer));
    }

    [Fact]
    public async Task InitiativeChanged_BySomeoneElse_ContactNotified_NotWhenTheyChangeItThemselves()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var api = new Samordning.Tests.Workstreams.WorkstreamsApi(harness.Factory);
        var contact = await harness.Factory.PersonIdAsync(People.ContactPersonFin, Ct);
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var fin = (await scope.ServiceProvider.GetRequiredService<Samordning.Ministries.Contracts.IMinistryDirectory>().GetPersonAsync(contact, Ct))!.MinistryId!.Value;
        var request = Builders.Initiative(fin) with { ContactPersonId = contact };
        var created = await api.CreateInitiativeAsync(request, People.ContactPersonFin);

        var byCoordinator = await harness.Factory.CreateClientAs(People.Coordinator)
            .PutAsJsonAsync($"/api/workstreams/initiatives/{created.Id}", request with { Progress = 50, Version = created.Version }, Ct);
        var byContact = await harness.Factory.CreateClientAs(People.ContactPersonFin)
            .PutAsJsonAsync($"/api/workstreams/initiatives/{created.Id}", request with { Progress = 60, Version = created.Version + 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, byCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byContact.StatusCode);

        var titles = await TitlesForAsync(harness, People.ContactPersonFin);
        Assert.Equal([$"Tiltaket ditt er endret: {request.Title}"], titles);
        Assert.Empty(await TitlesForAsync(harness, People.ContactPersonKd));
    }

    [Fact]
    public async Task WorkstreamInput_FollowersNotified_NotOthersNorTheRecorder()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var workstream = await FirstWorkstreamAsync(harness);
        var follow = await harness.Factory.CreateClientAs(People.ContactPersonHod).PutAsync($"/api/notifications/follows/{workstream}", null, Ct);
        var followSelf = await harness.Factory.CreateClientAs(People.Coordinator).PutAsync($"/api/notifications/follows/{workstream}", null, Ct);
        var unknown = await harness.Factory.CreateClientAs(People.ContactPersonHod).PutAsync($"/api/notifications/follows/{Guid.NewGuid()}", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, followSelf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var recorded = await harness.Factory.CreateClientAs(People.Coordinator)
            .PostAsJsonAsync("/api/feedback/items", RegisterApi.Record() with { WorkstreamIds = [workstream] }, FeedbackFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        // Recording input does not deliver its outbox at once: the job takes the row once its lease (on the test's clock) is over.
        harness.Clock.UtcNow = Morning.AddMinutes(1);

        var titles = await EventuallyTitlesForAsync(harness, People.ContactPersonHod, 1);
        Assert.Single(titles, t => t.StartsWith("Nytt innspill", StringComparison.Ordinal));
        Assert.Empty(await TitlesForAsync(harness, People.Coordinator));
        Assert.Empty(await TitlesForAsync(harness, People.ContactPersonKd));
    }

    [Fact]
    public async Task Preferences_PerKindAndChannel_OffChannelsSendNothing_DigestOnceADay()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var fin = harness.Factory.CreateClientAs(People.ContactPersonFin);
        var kd = harness.Factory.CreateClientAs(People.ContactPersonKd);
        var digestOnly = await fin.PutAsJsonAsync("/api/notifications/activity-preferences", new[] { new { kind = ActivityKinds.RoundOpened, inApp = false, email = false, digest = true } }, Ct);
        var appOnly = await kd.PutAsJsonAsync("/api/notifications/activity-preferences", new[] { new { kind = ActivityKinds.RoundOpened, inApp = true, email = false, digest = false } }, Ct);
        var invalid = await kd.PutAsJsonAsync("/api/notifications/activity-preferences", new[] { new { kind = "nonsense", inApp = true, email = (bool?)null, digest = false } }, Ct);
        // Each kind apart: HOD turned another kind off entirely, and still hears of the round in the app and by e-mail.
        var otherKindOff = await harness.Factory.CreateClientAs(People.ContactPersonHod).PutAsJsonAsync(
            "/api/notifications/activity-preferences", new[] { new { kind = ActivityKinds.InitiativeChanged, inApp = false, email = false, digest = false } }, Ct);
        Assert.Equal(HttpStatusCode.OK, digestOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, appOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherKindOff.StatusCode);
        var errors = await Problem.ReadErrorsAsync(invalid, Ct);
        Assert.Contains("[0].Kind", errors.Keys);
        Assert.Contains("[0].Email", errors.Keys);

        await harness.Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/workstreams/rounds", new { title = "Høstrunden", deadline = Morning.AddDays(14) }, Ct);
        await DeliverMailAsync(harness);

        Assert.Empty(await TitlesForAsync(harness, People.ContactPersonFin));
        Assert.Empty(harness.Smtp.MessagesTo(People.ContactPersonFin));
        Assert.Equal(["Ny rapporteringsrunde: Høstrunden"], await TitlesForAsync(harness, People.ContactPersonKd));
        Assert.Empty(harness.Smtp.MessagesTo(People.ContactPersonKd));
        Assert.Single(harness.Smtp.MessagesTo(People.ContactPersonHod));
        Assert.Equal(["Ny rapporteringsrunde: Høstrunden"], await TitlesForAsync(harness, People.ContactPersonHod));

        await DigestAsync(harness);
        await DigestAsync(harness);
        await DeliverMailAsync(harness);
        harness.Clock.UtcNow = Morning.AddDays(1);
        await DigestAsync(harness);
        await DeliverMailAsync(harness);

        var digest = Assert.Single(harness.Smtp.MessagesTo(People.ContactPersonFin));
        Assert.Contains("Høstrunden", digest, StringComparison.Ordinal);
        Assert.Empty(harness.Smtp.MessagesTo(People.ContactPersonKd));
    }

    [Fact]
    public async Task ActivityHappened_DeliveredAgainAndConcurrently_EachChannelOnce()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Gjentatt", "gjentatt@kd.example.no");
        var put = await harness.Factory.CreateClientAs("gjentatt@kd.example.no").PutAsJsonAsync(
            "/api/notifications/activity-preferences", new[] { new { kind = ActivityKinds.InitiativeChanged, inApp = true, email = true, digest = true } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var @event = new ActivityHappened("initiative:test:v2", ActivityKinds.InitiativeChanged, null, [person, person], [], new("Endret", "Changed"), "/arbeidsstrommer/tiltak/x", Morning);

        await HandleAsync(harness, @event);
        await Task.WhenAll(HandleAsync(harness, @event), HandleAsync(harness, @event), HandleAsync(harness, @event));
        await HandleAsync(harness, @event);
        await DeliverMailAsync(harness);
        await DigestAsync(harness);
        await DigestAsync(harness);
        await DeliverMailAsync(harness);

        Assert.Equal(1, await harness.QueryAsync(db => db.Notifications.CountAsync(n => n.PersonId == person, Ct)));
        Assert.Equal(1, await harness.QueryAsync(db => db.DigestItems.CountAsync(n => n.PersonId == person, Ct)));
        var mails = harness.Smtp.MessagesTo("gjentatt@kd.example.no");
        Assert.Equal(2, mails.Count); // the e-mail of its own and the day's digest
        Assert.Single(mails, m => Parse(m).Subject == "Samordning: Endret");
    }

    [Fact]
    public async Task SettingsPage_WithoutScript_ListsEveryKindAndWorkstreamsToFollow()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var page = await harness.Factory.CreateClientAs(People.ContactPersonFin).GetStringAsync("/varsler/innstillinger", Ct);

        foreach (var kind in ActivityKinds.All)
        {
            Assert.Contains($"name=\"Choices[{ActivityKinds.All.ToList().IndexOf(kind)}].Kind\" value=\"{kind}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("<form method=\"post\" action=\"/varsler/innstillinger?handler=Choices\"", page, StringComparison.Ordinal);
        Assert.Contains("?handler=Follow", page, StringComparison.Ordinal);
    }

    private static async Task HandleAsync(NotificationsHarness harness, ActivityHappened @event)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IEventHandler<ActivityHappened>>())
        {
            await handler.HandleAsync(@event, Ct);
        }
    }

    private static async Task DigestAsync(NotificationsHarness harness)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ActivityDigest>().QueueAsync(Ct);
    }

    private static async Task<Guid> FirstWorkstreamAsync(NotificationsHarness harness)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>().GetWorkstreamsAsync(Ct))[0].Id;
    }
}
