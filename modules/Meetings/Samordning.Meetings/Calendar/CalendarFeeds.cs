using System.Security.Claims;
using System.Security.Cryptography;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;

namespace Samordning.Meetings.Calendar;

// A person's secret calendar address: calendar apps (Outlook, Google) fetch it without a session, so the token in
// the address is the only key. One per person; a new address replaces the token, which revokes the old one.
internal sealed class CalendarFeed
{
    public Guid PersonId { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal static class CalendarFeeds
{
    public const string PathPrefix = "/api/meetings/feed/";
    public const int TokenLength = 43;

    public static string Address(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{PathPrefix}{token}.ics";

    public static Task<CalendarFeed?> OfAsync(MeetingsDbContext db, Guid personId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken);

    // 256 random bits, base64url (43 characters). The token itself is stored, so the page can show the address
    // again: it opens only what the store already holds, and only for one person. The audit log records that an
    // address was made, never the token.
    public static async Task<CalendarFeed> RenewAsync(MeetingServices deps, Guid personId, CancellationToken cancellationToken)
    {
        var now = deps.Clock.UtcNow;
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var feed = await deps.Db.CalendarFeeds.FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken);
        var action = feed is null ? "Created" : "Renewed";
        if (feed is null)
        {
            feed = new CalendarFeed { PersonId = personId, Token = token, CreatedAt = now };
            deps.Db.CalendarFeeds.Add(feed);
        }
        else
        {
            feed.Token = token;
            feed.CreatedAt = now;
        }

        deps.Db.AuditLog.Add(new AuditEntry
        {
            At = now,
            PersonId = deps.User.PersonId,
            Actor = deps.User.DisplayName,
            Entity = nameof(CalendarFeed),
            EntityId = personId,
            Action = action,
        });
        await deps.Db.SaveChangesAsync(cancellationToken);
        return feed;
    }

    // The person behind a token as the feed sees them, from the registry as it is now (roles and ministry may have
    // changed since the address was made); null when the token is unknown or the person no longer has access.
    public static async Task<(ClaimsPrincipal Person, string Name)?> PersonOfAsync(
        MeetingsDbContext db, IMinistryDirectory directory, string token, CancellationToken cancellationToken)
    {
        if (token.Length != TokenLength)
        {
            return null;
        }

        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (feed is null || await directory.GetPersonAsync(feed.PersonId, cancellationToken) is not { Active: true } person)
        {
            return null;
        }

        var identity = RegistryIdentity.For(person, "CalendarFeed");

        return (new ClaimsPrincipal(identity), person.Name);
    }

    // The meetings a person's calendar holds: those they facilitate or take part in (in person or through their
    // ministry), and of those only what they may read.
    public static async Task<List<Meeting>> MeetingsOfAsync(MeetingsDbContext db, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var personId = person.PersonId();
        var ministryId = person.MinistryId();
        var meetings = await db.Meetings.AsNoTracking().Readable(person).WithChildren()
            .Where(m => m.Facilitators.Any(f => f.PersonId == personId)
                || m.Participants.Any(p => p.PersonId == personId || (ministryId != null && p.MinistryId == ministryId)))
            .ToListAsync(cancellationToken);
        return [.. meetings.Where(m => MeetingAccess.CanRead(person, m)).OrderBy(m => m.StartsAt)];
    }
}
