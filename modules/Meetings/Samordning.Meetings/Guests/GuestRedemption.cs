using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Guests;

// The meeting's answer on the one guest page (/gjest/{token}, the host's): what a link opens, and using it once. The
// session carries the meeting's scope, the link and the guest's own id, and no registry id, so no policy for
// registered people lets it through.
internal sealed class MeetingGuestRedeemer(MeetingsDbContext db, IClock clock) : GuestLinkRedeemer<GuestLink, GuestPass>(db, clock)
{
    protected override LocalizedText About => new(
        "Som gjest kan du følge notatene fra møtet mens det pågår, stille spørsmål, stemme og melde deg på. Du får ikke tilgang til noe annet.",
        "As a guest you can follow the notes of the meeting while it runs, ask questions, vote and register. You get access to nothing else.");

    protected override LocalizedText Go => new("Gå til møtet", "Go to the meeting");

    protected override Task<string> TitleAsync(GuestLink link, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == link.MeetingId).Select(m => m.Title).FirstAsync(cancellationToken);

    protected override string ScopeOf(GuestLink link) => GuestClaims.ForMeeting(link.MeetingId);

    protected override string HomeOf(GuestLink link) => $"/moter/{link.MeetingId}";

    protected override GuestPass NewPass(GuestLink link, string name) => new() { MeetingId = link.MeetingId, Name = name };
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
