using System.Security.Claims;
using Samordning.Shared.Security;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Shared.Overview;

/// <summary>
/// A module's part of the front page (<c>/</c>): what needs the person now, or for an anonymous visitor what the module
/// shows the public. Found by the host's Scrutor scan. The module decides what the person may see; the host only
/// lays the sections out, so it never reads a module's data.
/// </summary>
public interface IOverviewSource
{
    /// <summary>
    /// Live topics whose items can change this source's sections for the person (none for an anonymous visitor).
    /// The host reads their sequence numbers before it asks for the sections, and the page refreshes on a new item.
    /// </summary>
    Task<IReadOnlyList<string>> GetLiveTopicsAsync(OverviewContext context, CancellationToken cancellationToken);

    /// <summary>The sections for the person (or the public), in no particular order; none when nothing applies.</summary>
    Task<IReadOnlyList<OverviewSection>> GetSectionsAsync(OverviewContext context, CancellationToken cancellationToken);
}

/// <summary>Who asks and when.</summary>
/// <param name="User">The signed-in person, or an anonymous principal.</param>
/// <param name="Now">The instant the page is built for.</param>
/// <param name="ChangesSince">The person's previous visit, for "changed since"; null on the first visit or when anonymous.</param>
public sealed record OverviewContext(ClaimsPrincipal User, DateTimeOffset Now, DateTimeOffset? ChangesSince)
{
    /// <summary>The signed-in person's registry id, or null for an anonymous visitor.</summary>
    public Guid? PersonId => User.PersonId();

    /// <summary>Midnight ending today in Europe/Oslo, as an instant.</summary>
    public DateTimeOffset EndOfToday => StartOfDay(Oslo.DateOf(Now).AddDays(1));

    /// <summary>Midnight ending the seventh day from today (today included) in Europe/Oslo: "this week" on the overview.</summary>
    public DateTimeOffset EndOfWeek => StartOfDay(Oslo.DateOf(Now).AddDays(7));

    /// <summary>Calendar days from today to the deadline's day in Europe/Oslo (0 today, negative when overdue).</summary>
    public int DaysLeft(DateTimeOffset deadline) => Oslo.DateOf(deadline).DayNumber - Oslo.DateOf(Now).DayNumber;

    /// <summary>"3 dager igjen" / "3 days left", "Frist i dag", or how long ago it was due.</summary>
    public LocalizedText DaysLeftText(DateTimeOffset deadline) => DaysLeft(deadline) switch
    {
        0 => new("Frist i dag", "Due today"),
        1 => new("1 dag igjen", "1 day left"),
        -1 => new("1 dag på overtid", "1 day overdue"),
        < 0 and var days => new($"{-days} dager på overtid", $"{-days} days overdue"),
        var days => new($"{days} dager igjen", $"{days} days left"),
    };

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Oslo.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>One section of the overview. Sections with the same <paramref name="Key"/> from several modules are shown as one.</summary>
/// <param name="Key">Stable key, also the section's id on the page (for example <c>meetings</c>, <c>changes</c>).</param>
/// <param name="Order">Where it goes: lower first.</param>
/// <param name="Heading">The section's heading.</param>
/// <param name="Items">What needs the person, each one click from acting on it.</param>
/// <param name="Empty">What the section says when it has no items.</param>
/// <param name="Intro">A sentence under the heading, or null.</param>
/// <param name="More">A link to the full list, or null.</param>
public sealed record OverviewSection(
    string Key,
    int Order,
    LocalizedText Heading,
    IReadOnlyList<OverviewItem> Items,
    LocalizedText Empty,
    LocalizedText? Intro = null,
    OverviewLink? More = null);

/// <summary>One thing on the overview.</summary>
/// <param name="Text">What it is; the link text.</param>
/// <param name="Href">Where the person acts on it.</param>
/// <param name="Detail">A short status: days left, who, how many; or null.</param>
/// <param name="When">The instant it concerns (shown in Europe/Oslo), or null.</param>
/// <param name="Action">A second link for the one action (for example "join" a live meeting), or null.</param>
/// <param name="Emphasis">Shown first and marked (a live meeting, an overdue deadline).</param>
public sealed record OverviewItem(
    LocalizedText Text,
    string Href,
    LocalizedText? Detail = null,
    DateTimeOffset? When = null,
    OverviewLink? Action = null,
    bool Emphasis = false);

/// <summary>A link with its text.</summary>
public sealed record OverviewLink(string Href, LocalizedText Text);

/// <summary>The keys and order of the sections several modules share, so they merge and sort the same everywhere.</summary>
public static class OverviewSections
{
    /// <summary>Reporting rounds and unconfirmed initiatives.</summary>
    public const string Rounds = "rounds";

    /// <summary>Meetings today and this week.</summary>
    public const string Meetings = "meetings";

    /// <summary>Open action items.</summary>
    public const string ActionItems = "action-items";

    /// <summary>New input on the person's workstreams.</summary>
    public const string Input = "input";

    /// <summary>Unread notifications.</summary>
    public const string Notifications = "notifications";

    /// <summary>Ministries that have not answered the open round (the KMD team).</summary>
    public const string Silent = "silent";

    /// <summary>Deadlines this week across ministries (the KMD team).</summary>
    public const string Deadlines = "deadlines";

    /// <summary>Changed since the previous visit (the KMD team).</summary>
    public const string Changes = "changes";

    /// <summary>Public: open input rounds.</summary>
    public const string PublicRounds = "public-rounds";

    /// <summary>Public: published meetings.</summary>
    public const string PublicMeetings = "public-meetings";

    /// <summary>The "changed since your last visit" section, the same from every module that adds to it.</summary>
    public static OverviewSection ChangedSince(OverviewContext context, IReadOnlyList<OverviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(
            Changes,
            30,
            new("Endret siden forrige besøk", "Changed since your last visit"),
            items,
            context.ChangesSince is null
                ? new("Første besøk: endringer vises fra neste gang.", "First visit: changes show from next time.")
                : new("Ingenting er endret siden forrige besøk.", "Nothing has changed since your last visit."));
    }
}
