using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Samordning.Meetings.Data;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Guests;

[JsonConverter(typeof(JsonStringEnumConverter<GuestLinkStatus>))]
internal enum GuestLinkStatus
{
    Active,
    Expired,
    Revoked,
    UsedUp,
}

// What a guest link is made of and when it holds: the token (shown once, stored only as its hash), the status at an
// instant, and the bounds of its expiry.
internal static class GuestLinkRules
{
    public const int MaxUses = 500;

    // How long after the meeting a link may still be good: long enough to read the notes again, not a standing door.
    public static readonly TimeSpan MaxAfterMeeting = TimeSpan.FromDays(30);

    // 32 random bytes, URL-safe: guessing one is hopeless, and the rate limit stands in front of the page anyway.
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Path(string token) => $"/gjest/{token}";

    public static GuestLinkStatus StatusOf(GuestLink link, DateTimeOffset now) =>
        link.RevokedAt is not null ? GuestLinkStatus.Revoked
        : link.ExpiresAt <= now ? GuestLinkStatus.Expired
        : link.Uses >= link.MaxUses ? GuestLinkStatus.UsedUp
        : GuestLinkStatus.Active;

    // A session from a link lasts while the link is neither revoked nor expired (used up stops new guests only).
    public static bool SessionHolds(GuestLink link, DateTimeOffset now) => link.RevokedAt is null && link.ExpiresAt > now;

    // By default the end of the day after the meeting, in Oslo: the guest can read the notes again the next day.
    public static DateTimeOffset DefaultExpiry(Meeting meeting, DateTimeOffset now)
    {
        var day = Oslo.DateOf(meeting.EndsAt > now ? meeting.EndsAt : now).AddDays(2);
        return DateRange.FromOsloLocal(day.ToDateTime(TimeOnly.MinValue));
    }

    public static DateTimeOffset LatestExpiry(Meeting meeting, DateTimeOffset now) => (meeting.EndsAt > now ? meeting.EndsAt : now) + MaxAfterMeeting;

    public static LocalizedText StatusName(GuestLinkStatus status) => status switch
    {
        GuestLinkStatus.Active => new("Aktiv", "Active"),
        GuestLinkStatus.Expired => new("Utløpt", "Expired"),
        GuestLinkStatus.Revoked => new("Trukket tilbake", "Revoked"),
        _ => new("Brukt opp", "Used up"),
    };

    // What a guest is told when a link no longer opens anything; the same words whether it never existed or ended
    // long ago would give nothing away either, but a guest who was sent a link deserves to know why.
    public static LocalizedText Refusal(GuestLinkStatus? status) => status switch
    {
        GuestLinkStatus.Expired => new("Denne gjestelenken er utløpt. Be møtelederen om en ny.", "This guest link has expired. Ask the facilitator for a new one."),
        GuestLinkStatus.Revoked => new("Denne gjestelenken er trukket tilbake. Be møtelederen om en ny.", "This guest link has been revoked. Ask the facilitator for a new one."),
        GuestLinkStatus.UsedUp => new("Denne gjestelenken er allerede brukt så mange ganger som den kan. Be møtelederen om en ny.", "This guest link has already been used as many times as it can be. Ask the facilitator for a new one."),
        _ => new("Vi finner ikke denne gjestelenken. Sjekk at du har hele lenken.", "We cannot find this guest link. Check that you have the whole link."),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
