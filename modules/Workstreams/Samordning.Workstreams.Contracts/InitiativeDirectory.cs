using System.Security.Claims;
using Samordning.Shared.Text;
using Samordning.Shared.Validation;

namespace Samordning.Workstreams.Contracts;

/// <summary>An initiative as other modules show it beside a link.</summary>
/// <param name="Id">Initiative id.</param>
/// <param name="Title">Its title.</param>
/// <param name="OwningMinistryCode">The owning ministry's short code (KDD, HOD, …).</param>
public sealed record InitiativeInfo(Guid Id, string Title, string OwningMinistryCode)
{
    /// <summary>"HOD: title", as pickers show it.</summary>
    public string Label => $"{OwningMinistryCode}: {Title}";
}

/// <summary>Looks up initiatives for other modules' links (pickers, names beside ids, checks of links).</summary>
public interface IInitiativeDirectory
{
    /// <summary>
    /// The initiatives <paramref name="user"/> may link things to, by title: every initiative for coordinators and
    /// facilitators, those their ministry owns or collaborates on for a contact person, none for others. With
    /// <paramref name="ids"/>, only those among them.
    /// </summary>
    Task<IReadOnlyList<InitiativeInfo>> GetLinkableAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> of the initiatives <paramref name="user"/> may link to whose title, summary,
    /// tags or ministry code contain every word of <paramref name="query"/> (all when it is empty), by ministry and
    /// title. With <paramref name="ownMinistryOnly"/>, only those the person's own ministry owns or works on.
    /// </summary>
    Task<IReadOnlyList<InitiativeInfo>> FindLinkableAsync(ClaimsPrincipal user, string? query, bool ownMinistryOnly, int limit, CancellationToken cancellationToken);

    /// <summary>The initiatives among <paramref name="ids"/> that exist (for names beside links); unknown ids are left out.</summary>
    Task<IReadOnlyList<InitiativeInfo>> GetInitiativesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Checks other modules' links to initiatives, which are ids without a foreign key across modules.</summary>
public static class InitiativeLinks
{
    /// <summary>How many of <paramref name="ids"/> <paramref name="user"/> may not link to (unknown or outside their scope).</summary>
    public static async Task<int> CountRefusedAsync(this IInitiativeDirectory directory, ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        var linkable = (await directory.GetLinkableAsync(user, ids, cancellationToken)).Select(i => i.Id).ToHashSet();
        return ids.Distinct().Count(id => !linkable.Contains(id));
    }
}

/// <summary>The one check of a request's links to initiatives, so the modules refuse alike and name the field.</summary>
public static class InitiativeChoices
{
    /// <summary>The most initiatives one thing may be linked to.</summary>
    public const int Max = 50;

    /// <summary>
    /// The distinct ids of <paramref name="requested"/> (empty ids dropped). Ids not in <paramref name="alreadyLinked"/>
    /// that <paramref name="user"/> may not link to are refused in <paramref name="errors"/> under <paramref name="field"/>:
    /// a link made earlier by someone with a wider scope stays the item's, not the editor's to defend.
    /// Unknown and out-of-scope ids get the same message, so a refusal does not tell that an initiative exists.
    /// </summary>
    public static async Task<List<Guid>> CheckAsync(
        this IInitiativeDirectory directory,
        ClaimsPrincipal user,
        IEnumerable<Guid>? requested,
        IReadOnlyCollection<Guid> alreadyLinked,
        FieldErrors errors,
        string field,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(alreadyLinked);
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = (requested ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        if (wanted.Count > Max)
        {
            errors.Add(field, new($"Høyst {Max} tiltak.", $"At most {Max} initiatives."));
            return wanted;
        }

        var added = wanted.Where(id => !alreadyLinked.Contains(id)).ToList();
        if (await directory.CountRefusedAsync(user, added, cancellationToken) > 0)
        {
            errors.Add(field, new(
                "Et tiltak finnes ikke eller kan ikke knyttes til av deg. Velg blant tiltakene i listen.",
                "An initiative does not exist or is not one you may link to. Choose among the initiatives in the list."));
        }

        return wanted;
    }

    /// <summary>The most initiatives a picker lists without script (the type-ahead finds the rest).</summary>
    public const int Listed = 300;

    /// <summary>Where a picker's type-ahead asks for initiatives (<c>?q=</c>), the same for every module's pickers.</summary>
    public const string SearchUrl = "/api/workstreams/initiatives/linkable";

    /// <summary>
    /// The <c>data-typeahead</c> attribute of an element around an initiative picker's select: where the type-ahead
    /// (the host's <c>js/typeahead.js</c>) asks, and its texts in the reader's language.
    /// </summary>
    public static string TypeAhead() => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["url"] = SearchUrl,
        ["label"] = Localized.T("Søk etter tiltak", "Search for an initiative"),
        ["hint"] = Localized.T(
            "Skriv minst to tegn av tittelen eller departementets kortnavn, og velg med piltastene og Enter. Tiltaket du velger, legges til i listen over.",
            "Type at least two characters of the title or the ministry's short name, and choose with the arrow keys and Enter. The initiative you choose is added to the list above."),
        ["none"] = Localized.T("Ingen tiltak passer.", "No initiative matches."),
        ["found"] = Localized.T("{n} tiltak passer. Bruk piltastene for å velge.", "{n} initiatives match. Use the arrow keys to choose."),
        ["chosen"] = Localized.T("Valgt: {label}", "Chosen: {label}"),
        ["failed"] = Localized.T("Søket virket ikke. Prøv igjen.", "The search did not work. Try again."),
    });

    /// <summary>The description under an initiative picker: what its list holds, and that the search finds the rest.</summary>
    public static string ListedDescription(bool multiple) => Localized.T(
        $"Listen viser tiltak fra ditt departement (høyst {Listed}) og de som er valgt. Finn andre med søket under.{(multiple ? " Hold inne Ctrl (Cmd på Mac) for å velge flere." : "")}",
        $"The list shows initiatives of your ministry (at most {Listed}) and those chosen. Find others with the search below.{(multiple ? " Hold Ctrl (Cmd on a Mac) to choose several." : "")}");

    /// <summary>
    /// What a picker lists for <paramref name="user"/> (there may be tens of thousands of initiatives, so the
    /// type-ahead asks <see cref="SearchUrl"/> for the rest): those of their own ministry they may link to, at most
    /// <see cref="Listed"/>, plus those in <paramref name="current"/>, so saving a form keeps a link someone else made.
    /// </summary>
    public static Task<IReadOnlyList<InitiativeInfo>> ChoicesAsync(
        this IInitiativeDirectory directory, ClaimsPrincipal user, IReadOnlyCollection<Guid> current, CancellationToken cancellationToken) =>
        directory.ChoicesAsync(user, current, null, cancellationToken);

    /// <summary>As the other overload, with the matches of a find without script (<see cref="InitiativeFind"/>) first.</summary>
    public static async Task<IReadOnlyList<InitiativeInfo>> ChoicesAsync(
        this IInitiativeDirectory directory, ClaimsPrincipal user, IReadOnlyCollection<Guid> current, InitiativeFind? find, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(current);
        var linkable = await directory.FindLinkableAsync(user, null, ownMinistryOnly: true, Listed, cancellationToken);
        var missing = current.Where(id => linkable.All(i => i.Id != id)).ToList();
        IReadOnlyList<InitiativeInfo> choices = missing.Count == 0
            ? linkable
            : [.. linkable.Concat(await directory.GetInitiativesAsync(missing, cancellationToken)).OrderBy(i => i.Label, StringComparer.CurrentCulture)];
        return find is null || find.Found.Count == 0 ? choices : [.. find.Found, .. choices.Where(i => find.Found.All(f => f.Id != i.Id))];
    }
}
