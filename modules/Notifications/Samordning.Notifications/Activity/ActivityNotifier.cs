using Microsoft.Extensions.Options;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Shared.Activity;
using Samordning.Shared.Events;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Activity;

// Tells the people an event concerns, by the channels each chose for its kind: in-app, e-mail (with a calendar
// invitation for a meeting), held for the daily digest. Every channel's row has a unique key made of the event's
// key and the person, so a redelivered event (a retried job, a second node) sends nothing twice. The actor is
// never told of what they did themselves.
internal sealed class ActivityNotifier(
    NotificationsDbContext db,
    INotificationSender sender,
    IMinistryDirectory directory,
    IClock clock,
    IOptions<NotificationsOptions> options) : IEventHandler<ActivityHappened>
{
    public async Task HandleAsync(ActivityHappened @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var followers = @event.FollowersOf.Count == 0
            ? []
            : await db.Follows.AsNoTracking().Where(f => @event.FollowersOf.Contains(f.WorkstreamId)).Select(f => f.PersonId).ToListAsync(cancellationToken);
        var ids = @event.People.Concat(followers).Where(id => id != Guid.Empty && id != @event.ActorId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var people = (await directory.GetPeopleAsync(ids, cancellationToken)).Where(p => p.Active).ToList();
        var choices = await ActivityPreferences.ForKindAsync(db, ids, @event.Kind, cancellationToken);
        var invitation = await InvitationAsync(@event, people.Any(p => choices(p.Id).Email), cancellationToken);
        foreach (var person in people)
        {
            var choice = choices(person.Id);
            if (choice.InApp)
            {
                await sender.NotifyAsync(new PersonNotification($"activity:{@event.Key}", person.Id, @event.Title, @event.Link), cancellationToken);
            }

            if (choice.Email && !string.IsNullOrWhiteSpace(person.Email))
            {
                await StoreOnce.InsertAsync(db, Mail(@event, person, invitation), cancellationToken);
            }

            if (choice.Digest)
            {
                await StoreOnce.InsertAsync(db, new DigestItem
                {
                    PersonId = person.Id,
                    EventKey = @event.Key,
                    Kind = @event.Kind,
                    TitleNb = @event.Title.Nb,
                    TitleEn = @event.Title.En,
                    TitleNn = @event.Title.In(Localized.CultureOf("nn")),
                    Link = @event.Link,
                    OccurredAt = @event.OccurredAt,
                }, cancellationToken);
            }
        }
    }

    public static string MailKey(string eventKey, Guid person) => $"activity:{eventKey}:{person:N}";

    private MailMessage Mail(ActivityHappened @event, PersonInfo person, Func<PersonInfo, string>? invitation)
    {
        var settings = options.Value;
        var rendered = ActivityMail.Single(person.PreferredLanguage, person.Name, @event.Title.In(Localized.CultureOf(person.PreferredLanguage)), @event.Link, settings.PublicBaseUrl);
        var now = clock.UtcNow;
        return new MailMessage
        {
            Key = MailKey(@event.Key, person.Id),
            ToAddress = person.Email.Trim(),
            ToName = person.Name,
            Subject = rendered.Subject,
            TextBody = rendered.Text,
            HtmlBody = rendered.Html,
            CalendarMethod = invitation is null ? null : CalendarInvitation.MethodOf(@event.Meeting!),
            Calendar = invitation?.Invoke(person),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    // One calendar per recipient of this change, the same UID and sequence for all: the people invited by name, and
    // the recipient (who may be invited through their ministry); an uninvitation names the recipient alone.
    private async Task<Func<PersonInfo, string>?> InvitationAsync(ActivityHappened @event, bool anyMailed, CancellationToken cancellationToken)
    {
        if (@event.Meeting is not { } meeting || !anyMailed)
        {
            return null;
        }

        var wanted = meeting.AttendeeIds.Append(meeting.OrganizerId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var known = (await directory.GetPeopleAsync(wanted, cancellationToken)).Where(p => p.Active && !string.IsNullOrWhiteSpace(p.Email)).ToDictionary(p => p.Id);
        var organizer = meeting.OrganizerId is { } id ? known.GetValueOrDefault(id) : null;
        var named = meeting.AttendeeIds.Distinct().Where(known.ContainsKey).Select(a => known[a]).ToList();
        var settings = options.Value;
        var url = ReminderMail.Absolute(settings.PublicBaseUrl, @event.Link);
        return person =>
        {
            List<PersonInfo> attendees = meeting.Uninvited ? [person] : [.. named, .. named.Any(a => a.Id == person.Id) ? [] : new[] { person }];
            return CalendarInvitation.Write(meeting, organizer, settings.Smtp.FromAddress, attendees, url, @event.OccurredAt);
        };
    }
}
