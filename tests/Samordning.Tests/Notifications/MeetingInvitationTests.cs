using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Activity;
using Samordning.Shared.Events;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using static Samordning.Tests.Notifications.CalendarMail;

namespace Samordning.Tests.Notifications;

// Calendar invitations by e-mail when a meeting is planned and when its participants change, read from a real SMTP
// server as Outlook reads them (METHOD, UID, SEQUENCE, ATTENDEE), a ministry taking part as a whole inviting each of
// its people by their own choices and language, and the outbox delivering the same events again sending nothing twice.
public sealed class MeetingInvitationTests
{
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateMeeting_WithParticipants_EachGetsRequest_NotTheCreatorNorOutsider()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);

        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        await DeliverMailAsync(harness);

        foreach (var invited in new[] { MeetingTestData.ParticipantFin, MeetingTestData.ParticipantHod, MeetingTestData.Facilitator })
        {
            var mail = Parse(Assert.Single(harness.Smtp.MessagesTo(invited)));
            Assert.StartsWith("Samordning: Invitasjon: Verksted om forsøk", mail.Subject, StringComparison.Ordinal);
            var calendar = CalendarOf(mail);
            Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
            Assert.Equal("METHOD:REQUEST", Property(calendar.Text, "METHOD"));
            Assert.Equal($"UID:{meeting.Id}@samordning", Property(calendar.Text, "UID"));
            Assert.Equal(meeting.Version, Sequence(calendar.Text));
            Assert.Equal("DTSTART:20300614T080000Z", Property(calendar.Text, "DTSTART"));
            Assert.StartsWith("DTSTAMP:", Property(calendar.Text, "DTSTAMP"), StringComparison.Ordinal);
            Assert.Contains($"mailto:{MeetingTestData.Facilitator}", Property(calendar.Text, "ORGANIZER"), StringComparison.Ordinal);
            Assert.Contains(invited, Attendees(calendar.Text));
            Assert.Equal("STATUS:CONFIRMED", Property(calendar.Text, "STATUS"));
        }

        Assert.Empty(harness.Smtp.MessagesTo(People.Coordinator));
        Assert.Empty(harness.Smtp.MessagesTo(MeetingTestData.Outsider));
    }

    [Fact]
    public async Task UpdateMeeting_ParticipantAddedAndRemoved_AddedGetsRequest_RemovedGetsCancelWithHigherSequence()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        var request = await MeetingTestData.RequestAsync(harness.Factory);
        var outsider = await harness.Factory.PersonIdAsync(MeetingTestData.Outsider, Ct);
        var hod = await harness.Factory.PersonIdAsync(MeetingTestData.ParticipantHod, Ct);
        var participants = request.Participants!.Where(p => p.PersonId != hod).Append(new ParticipantRequest(ParticipantKind.Person, outsider, null, null, null)).ToList();

        var changed = await Problem.ReadOkAsync<MeetingDetails>(
            await harness.Factory.CreateClientAs(People.Coordinator).PutAsJsonAsync($"/api/meetings/{meeting.Id}", request with { Participants = participants, Version = meeting.Version }, Ct),
            HttpStatusCode.OK, Ct);
        await DeliverMailAsync(harness);

        var added = CalendarOf(Parse(Assert.Single(harness.Smtp.MessagesTo(MeetingTestData.Outsider))));
        Assert.Equal("METHOD:REQUEST", Property(added.Text, "METHOD"));
        Assert.Equal($"UID:{meeting.Id}@samordning", Property(added.Text, "UID"));
        Assert.Equal(changed.Version, Sequence(added.Text));
        Assert.Contains(MeetingTestData.Outsider, Attendees(added.Text));
        Assert.DoesNotContain(MeetingTestData.ParticipantHod, Attendees(added.Text));

        var hodMails = harness.Smtp.MessagesTo(MeetingTestData.ParticipantHod).Select(Parse).ToList();
        Assert.Equal(2, hodMails.Count);
        var invitation = CalendarOf(hodMails.Single(m => m.Subject!.Contains("Invitasjon", StringComparison.Ordinal)));
        var removal = hodMails.Single(m => m.Subject!.Contains("Ikke lenger invitert", StringComparison.Ordinal));
        var cancel = CalendarOf(removal);
        Assert.Equal("CANCEL", cancel.ContentType.Parameters["method"]);
        Assert.Equal("METHOD:CANCEL", Property(cancel.Text, "METHOD"));
        Assert.Equal(Property(invitation.Text, "UID"), Property(cancel.Text, "UID"));
        Assert.True(Sequence(cancel.Text) > Sequence(invitation.Text), $"SEQUENCE {Sequence(cancel.Text)} after {Sequence(invitation.Text)}");
        Assert.Equal([MeetingTestData.ParticipantHod], Attendees(cancel.Text));
        // The meeting goes on: only the whole meeting's cancellation says STATUS:CANCELLED.
        Assert.DoesNotContain(Lines(cancel.Text), l => l.StartsWith("STATUS:", StringComparison.Ordinal));

        // Who stays hears of a change (the invitation, then the change), not of an invitation twice.
        var stayed = harness.Smtp.MessagesTo(MeetingTestData.ParticipantFin).Select(Parse).ToList();
        Assert.Equal(2, stayed.Count);
        Assert.Single(stayed, m => m.Subject!.StartsWith("Samordning: Endret:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_PersonNotYetInvited_GetsOneRequest_AnInvitedOneNothingMore()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        var observer = harness.Factory.CreateClientAs(People.Observer);

        // The version the registration gave is the invitation's SEQUENCE; registering again must not invite again.
        var registered = await Problem.ReadOkAsync<MeetingDetails>(await observer.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct), HttpStatusCode.OK, Ct);
        await Problem.ReadOkAsync<MeetingDetails>(await observer.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct), HttpStatusCode.OK, Ct);
        await Problem.ReadOkAsync<MeetingDetails>(
            await harness.Factory.CreateClientAs(MeetingTestData.ParticipantFin).PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct), HttpStatusCode.OK, Ct);
        await DeliverMailAsync(harness);

        var mail = Parse(Assert.Single(harness.Smtp.MessagesTo(People.Observer)));
        Assert.StartsWith("Samordning: Invitasjon: Verksted om forsøk", mail.Subject, StringComparison.Ordinal);
        var calendar = CalendarOf(mail);
        Assert.Equal("METHOD:REQUEST", Property(calendar.Text, "METHOD"));
        Assert.Equal($"UID:{meeting.Id}@samordning", Property(calendar.Text, "UID"));
        Assert.Equal(registered.Version, Sequence(calendar.Text));
        Assert.Contains(People.Observer, Attendees(calendar.Text));
        // FIN was invited when the meeting was made; confirming adds no second invitation.
        Assert.Single(harness.Smtp.MessagesTo(MeetingTestData.ParticipantFin));
    }

    [Fact]
    public async Task MeetingEvents_DeliveredAgain_NothingSentTwice()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var meeting = await MeetingTestData.CreateAsync(harness.Factory);
        var request = await MeetingTestData.RequestAsync(harness.Factory);
        var hod = await harness.Factory.PersonIdAsync(MeetingTestData.ParticipantHod, Ct);
        var response = await harness.Factory.CreateClientAs(People.Coordinator).PutAsJsonAsync(
            $"/api/meetings/{meeting.Id}", request with { Participants = [.. request.Participants!.Where(p => p.PersonId != hod)], Version = meeting.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliverMailAsync(harness);
        var mails = harness.Smtp.Messages().Count;
        var notifications = await harness.QueryAsync(db => db.Notifications.CountAsync(Ct));
        var events = harness.Factory.Services.GetRequiredService<ActivityRecorder>().Events;
        Assert.True(events.Count >= 3, $"{events.Count} events");

        foreach (var @event in events)
        {
            await using var scope = harness.Factory.Services.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IEventHandler<ActivityHappened>>().Where(h => h is not ActivityRecorder))
            {
                await handler.HandleAsync(@event, Ct);
            }
        }

        await DeliverMailAsync(harness);
        Assert.Equal(mails, harness.Smtp.Messages().Count);
        Assert.Equal(notifications, await harness.QueryAsync(db => db.Notifications.CountAsync(Ct)));
    }

    [Fact]
    public async Task CreateMeeting_MinistryTakesPart_EachOfItsPeopleInvitedByTheirChoiceAndLanguage()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        Guid kd;
        await using (var scope = harness.Factory.Services.CreateAsyncScope())
        {
            kd = (await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(Ct)).Single(m => m.Code == "KD").Id;
        }

        await harness.AddPersonAsync("Emma English", "emma@kd.example.no", language: "en", ministryId: kd);
        var quiet = await harness.AddPersonAsync("Stille Person", "stille@kd.example.no", ministryId: kd);
        await harness.AddPersonAsync("Sluttet Person", "sluttet@kd.example.no", active: false, ministryId: kd);
        var off = await harness.Factory.CreateClientAs("stille@kd.example.no").PutAsJsonAsync(
            "/api/notifications/activity-preferences", new[] { new { kind = ActivityKinds.MeetingChanged, inApp = true, email = false, digest = false } }, Ct);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        var meeting = await MeetingTestData.CreateAsync(harness.Factory, r => r with { Participants = [new ParticipantRequest(ParticipantKind.Ministry, null, kd, null, null)] });
        await DeliverMailAsync(harness);

        var ola = CalendarOf(Parse(Assert.Single(harness.Smtp.MessagesTo(MeetingTestData.Outsider))));
        Assert.Equal("METHOD:REQUEST", Property(ola.Text, "METHOD"));
        Assert.Equal($"UID:{meeting.Id}@samordning", Property(ola.Text, "UID"));
        Assert.Contains(MeetingTestData.Outsider, Attendees(ola.Text));
        var emma = Parse(Assert.Single(harness.Smtp.MessagesTo("emma@kd.example.no")));
        Assert.StartsWith("Samordning: Invitation: Verksted om forsøk", emma.Subject, StringComparison.Ordinal);
        Assert.Contains("emma@kd.example.no", Attendees(CalendarOf(emma).Text));
        Assert.DoesNotContain("emma@kd.example.no", Attendees(ola.Text));
        Assert.Empty(harness.Smtp.MessagesTo("stille@kd.example.no"));
        Assert.Equal(1, await harness.QueryAsync(db => db.Notifications.CountAsync(n => n.PersonId == quiet, Ct)));
        Assert.Empty(harness.Smtp.MessagesTo("sluttet@kd.example.no"));
        Assert.Empty(harness.Smtp.MessagesTo(MeetingTestData.ParticipantFin));
    }
}
