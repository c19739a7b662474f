using System.Text.Json.Serialization;
using Samordning.Shared.Persistence;
using Samordning.Shared.Text;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Security;

/// <summary>Where a guest link stands at an instant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GuestLinkStatus>))]
public enum GuestLinkStatus
{
    /// <summary>Opens for a new guest.</summary>
    Active,

    /// <summary>Past its expiry: its sessions have ended too.</summary>
    Expired,

    /// <summary>Revoked by its managers: its sessions have ended too.</summary>
    Revoked,

    /// <summary>Used as many times as it may be: no new guests; those already in stay until it expires.</summary>
    UsedUp,
}

/// <summary>
/// Making a guest link: one named guest (name, and e-mail if known: the link opens once and is mailed to them) or a
/// number of people (<see cref="MaxUses"/>); no expiry takes the issuing module's default.
/// </summary>
public sealed record GuestLinkRequest(string? GuestName, string? GuestEmail, int? MaxUses, DateTimeOffset? ExpiresAt);

/// <summary>
/// A guest link as a module stores it (the module's entity adds what it is a link to). Only the SHA-256 of its token
/// is stored. Either one named guest (<see cref="MaxUses"/> 1) or a set number of people; it ends at
/// <see cref="ExpiresAt"/> or when revoked. Audited: who made it, each use and the revocation are in the history.
/// </summary>
public abstract class GuestLinkRecord : IVersioned, IAudited
{
    /// <summary>The link's id (also in its guests' sessions).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The SHA-256 of the token (<see cref="SecretTokens.Hash"/>), set by <see cref="GuestLinkStore.Issue"/>.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The one guest the link is for, or null for a number of people.</summary>
    [PersonalData]
    public string? GuestName { get; set; }

    /// <summary>The named guest's e-mail address, if the link was mailed.</summary>
    [PersonalData]
    public string? GuestEmail { get; set; }

    /// <summary>How many may come in through the link.</summary>
    public int MaxUses { get; set; }

    /// <summary>
    /// How many came in. Counted on the row (not from the passes) so two redemptions at once clash on the version,
    /// and the limit holds on any node: the loser reads again and finds the link used up or counts on top.
    /// </summary>
    public int Uses { get; set; }

    /// <summary>When the link and its sessions end.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who made it (a display name).</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public long Version { get; set; }

    /// <summary>The link's status at an instant.</summary>
    public GuestLinkStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? GuestLinkStatus.Revoked
        : ExpiresAt <= now ? GuestLinkStatus.Expired
        : Uses >= MaxUses ? GuestLinkStatus.UsedUp
        : GuestLinkStatus.Active;
}

/// <summary>
/// One redemption of a guest link: the guest's own id (what their actions carry) and the name they gave. Audited,
/// so the history says who came in through which link.
/// </summary>
public abstract class GuestPassRecord : IAudited
{
    /// <summary>The guest's own id (in their session).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The link they came in through.</summary>
    public Guid LinkId { get; set; }

    /// <summary>The name they gave, or the link's named guest.</summary>
    [PersonalData]
    public required string Name { get; set; }

    /// <summary>When they came in.</summary>
    public DateTimeOffset RedeemedAt { get; set; }
}

/// <summary>What a guest link is made of and when it holds, the same for every module that issues them.</summary>
public static class GuestLinkRules
{
    /// <summary>The most people one link may let in.</summary>
    public const int MaxUses = 500;

    /// <summary>The longest name or e-mail address a link stores.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The local path where a token is redeemed.</summary>
    public static string Path(string token) => $"/gjest/{token}";

    /// <summary>The name of a status, for the managers' list.</summary>
    public static LocalizedText StatusName(GuestLinkStatus status) => status switch
    {
        GuestLinkStatus.Active => new("Aktiv", "Active"),
        GuestLinkStatus.Expired => new("Utløpt", "Expired"),
        GuestLinkStatus.Revoked => new("Trukket tilbake", "Revoked"),
        _ => new("Brukt opp", "Used up"),
    };

    /// <summary>
    /// What a guest is told when a link no longer opens anything (null: there is no such link). The same words for
    /// every status would give nothing away either, but a guest who was sent a link deserves to know why.
    /// </summary>
    public static LocalizedText Refusal(GuestLinkStatus? status) => status switch
    {
        GuestLinkStatus.Expired => new("Denne gjestelenken er utløpt. Be den som inviterte deg, om en ny.", "This guest link has expired. Ask whoever invited you for a new one."),
        GuestLinkStatus.Revoked => new("Denne gjestelenken er trukket tilbake. Be den som inviterte deg, om en ny.", "This guest link has been revoked. Ask whoever invited you for a new one."),
        GuestLinkStatus.UsedUp => new("Denne gjestelenken er allerede brukt så mange ganger som den kan. Be den som inviterte deg, om en ny.", "This guest link has already been used as many times as it can be. Ask whoever invited you for a new one."),
        _ => new("Vi finner ikke denne gjestelenken. Sjekk at du har hele lenken.", "We cannot find this guest link. Check that you have the whole link."),
    };

    /// <summary>
    /// The field errors of a request whose expiry (the default filled in) must lie after now and at the latest at
    /// <paramref name="latest"/>, which <paramref name="expiryRule"/> explains.
    /// </summary>
    public static FieldErrors Validate(GuestLinkRequest request, DateTimeOffset expires, DateTimeOffset latest, DateTimeOffset now, LocalizedText expiryRule)
    {
        var errors = new FieldErrors()
            .MaxLength(nameof(request.GuestName), request.GuestName, new("Gjestens navn", "The guest's name"), MaxNameLength)
            .Email(nameof(request.GuestEmail), request.GuestEmail, new("Gjestens e-postadresse", "The guest's e-mail address"), required: false);
        var named = !string.IsNullOrWhiteSpace(request.GuestName);
        if (!named && !string.IsNullOrWhiteSpace(request.GuestEmail))
        {
            errors.Add(nameof(request.GuestName), new("Skriv navnet til gjesten som skal ha lenken.", "Write the name of the guest the link is for."));
        }

        if (named && request.MaxUses is not (null or 1))
        {
            errors.Add(nameof(request.MaxUses), new("En lenke til en navngitt gjest kan brukes én gang.", "A link for a named guest can be used once."));
        }
        else if (!named && request.MaxUses is not (>= 1 and <= MaxUses))
        {
            errors.Add(nameof(request.MaxUses), new(
                $"Skriv hvor mange som kan bruke lenken, fra 1 til {MaxUses}, eller skriv navnet til én gjest.",
                $"Write how many people can use the link, from 1 to {MaxUses}, or write the name of one guest."));
        }

        if (expires <= now || expires > latest)
        {
            errors.Add(nameof(request.ExpiresAt), expiryRule);
        }

        return errors;
    }

    /// <summary>Fills a new link from a valid request: a named guest's link opens once.</summary>
    public static T Fill<T>(T link, GuestLinkRequest request, DateTimeOffset expires, DateTimeOffset now)
        where T : GuestLinkRecord
    {
        var named = !string.IsNullOrWhiteSpace(request.GuestName);
        link.GuestName = named ? request.GuestName!.Trim() : null;
        link.GuestEmail = named && !string.IsNullOrWhiteSpace(request.GuestEmail) ? request.GuestEmail.Trim() : null;
        link.MaxUses = named ? 1 : request.MaxUses!.Value;
        link.ExpiresAt = expires;
        link.CreatedAt = now;
        return link;
    }
}

/// <summary>The e-mail that brings a named guest their link, in the language of whoever made it.</summary>
public static class GuestLinkMail
{
    /// <summary>The idempotency key of a link's invitation (one mail per link).</summary>
    public static string Key(Guid linkId) => $"guest-link:{linkId}";

    /// <summary>The invitation to <paramref name="title"/> for a named guest's link with an address, else null.</summary>
    public static (string Key, string To, string Name, string Subject, string Body)? For(GuestLinkRecord link, string title, string url)
    {
        if (link is not { GuestName: { } name, GuestEmail: { } email })
        {
            return null;
        }

        var (subject, body) = Invitation(name, title, url, link.ExpiresAt);
        return (Key(link.Id), email, name, subject, body);
    }

    /// <summary>The subject and plain-text body of the invitation to <paramref name="title"/>.</summary>
    public static (string Subject, string Body) Invitation(string guestName, string title, string url, DateTimeOffset expires)
    {
        var until = Time.Oslo.ToOslo(expires).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var subject = new LocalizedText($"Invitasjon som gjest: {title}", $"Invitation as a guest: {title}");
        var body = new LocalizedText(
            $"Hei {guestName},\n\ndu er invitert som gjest til «{title}». Åpne lenken for å komme inn:\n\n{url}\n\nLenken er personlig, kan brukes én gang og gjelder til {until} (norsk tid). Den gir ikke tilgang til noe annet.",
            $"Hello {guestName},\n\nyou are invited as a guest to “{title}”. Open the link to come in:\n\n{url}\n\nThe link is personal, can be used once and is valid until {until} (Norwegian time). It gives access to nothing else.");
        return (subject.ToString(), body.ToString());
    }
}

/// <summary>The form that makes a guest link on a module's page (plain form post).</summary>
public sealed class GuestLinkForm
{
    /// <summary>The one guest's name, or empty for a number of people.</summary>
    public string? GuestName { get; set; }

    /// <summary>The named guest's e-mail address: the link is mailed to it.</summary>
    public string? GuestEmail { get; set; }

    /// <summary>How many people may use the link (empty for a named guest).</summary>
    public int? MaxUses { get; set; }

    /// <summary>Oslo wall-clock time, as a datetime-local field holds it; empty takes the default.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The request the use case takes.</summary>
    public GuestLinkRequest ToRequest() =>
        new(GuestName, GuestEmail, MaxUses, ExpiresAt is { } local ? Time.DateRange.FromOsloLocal(local) : null);
}
