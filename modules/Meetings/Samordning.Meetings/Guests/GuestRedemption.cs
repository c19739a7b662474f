using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Guests;

// The meeting's answer on the one guest page (/gjest/{token}, the host's): what a link opens, and using it once. The
// session carries the meeting's scope, the link and the guest's own id, and no registry id, so no policy for
// registered people lets it through.
internal sealed class MeetingGuestRedeemer(MeetingsDbContext db, IClock clock) : IGuestLinkRedeemer
{
    public async Task<GuestInvitation?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        if (await GuestLinkStore.FindAsync<GuestLink>(db, tokenHash, cancellationToken) is not { } link)
        {
            return null;
        }

        var title = await db.Meetings.AsNoTracking().Where(m => m.Id == link.MeetingId).Select(m => m.Title).FirstAsync(cancellationToken);
        return new GuestInvitation(link.StatusAt(clock.UtcNow), link.GuestName, title,
            new("Som gjest kan du følge notatene fra møtet mens det pågår, stille spørsmål, stemme og melde deg på. Du får ikke tilgang til noe annet.",
                "As a guest you can follow the notes of the meeting while it runs, ask questions, vote and register. You get access to nothing else."),
            new("Gå til møtet", "Go to the meeting"),
            Home(link.MeetingId));
    }

    public async Task<(GuestAdmission? Admission, GuestLinkStatus Status)?> RedeemAsync(string tokenHash, string name, CancellationToken cancellationToken)
    {
        var redeemed = await GuestLinkStore.RedeemAsync<GuestLink, GuestPass>(db, tokenHash, () => clock.UtcNow,
            link => new GuestPass { MeetingId = link.MeetingId, Name = link.GuestName ?? name }, cancellationToken);
        if (redeemed is not { } r)
        {
            return null;
        }

        var home = Home(r.Link.MeetingId);
        return (r.Pass is { } pass
            ? new GuestAdmission(GuestLinkStore.Principal(pass.Name, GuestClaims.ForMeeting(r.Link.MeetingId), home, r.Link.Id, pass.Id), r.Link.ExpiresAt, home)
            : null, r.Status);
    }

    private static string Home(Guid meetingId) => $"/moter/{meetingId}";
}

internal static class GuestRedemption
{
    // A guest signs up for the meeting of their link (again is harmless).
    public static async Task<Outcome<MeetingDetails>> RegisterAsync(MeetingServices deps, Meeting meeting, CancellationToken cancellationToken)
    {
        if (deps.User.Principal.GuestPassId() is not { } passId || await deps.Db.GuestPasses.FirstOrDefaultAsync(p => p.Id == passId && p.MeetingId == meeting.Id, cancellationToken) is not { } pass)
        {
            return Outcome.Forbidden<MeetingDetails>();
        }

        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            return Outcome.Invalid<MeetingDetails>(new FieldErrors().Add("Registration", new("Møtet er avsluttet.", "The meeting is closed.")));
        }

        if (pass.RegisteredAt is null)
        {
            pass.RegisteredAt = deps.Clock.UtcNow;
            await deps.Db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok(MeetingDetails.From(meeting).ForGuest());
    }
}

// The host asks this at every guest request: is the session's link still neither revoked nor expired?
internal sealed class MeetingGuestSessionCheck(MeetingsDbContext db, IClock clock) : IGuestSessionCheck
{
    public bool Handles(string scope) => scope.StartsWith(GuestClaims.MeetingScope, StringComparison.Ordinal);

    public Task<bool> IsActiveAsync(Guid linkId, CancellationToken cancellationToken) =>
        GuestLinkStore.SessionHoldsAsync<GuestLink>(db, linkId, clock.UtcNow, cancellationToken);
}
