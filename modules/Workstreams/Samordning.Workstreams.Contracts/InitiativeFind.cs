using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Contracts;

/// <summary>
/// The find of an initiative picker without script (issue 16): a search field and a submit button beside the
/// picker, inside its form (<see cref="InitiativeFindTagHelper"/>). The button posts the whole form; the page then
/// renders the same form again as posted, with the matches first in the picker's list, and saves nothing. The
/// matches are the type-ahead's (<see cref="IInitiativeDirectory.FindLinkableAsync"/>), so the same access rules hold.
/// </summary>
/// <param name="Picker">The id of the picker's select the find was made for (a page may have several forms).</param>
/// <param name="Query">What the person searched for.</param>
/// <param name="Found">The matches, at most <see cref="Limit"/>.</param>
/// <param name="Problem">Why nothing was searched (too short or too long), if so.</param>
public sealed record InitiativeFind(string Picker, string Query, IReadOnlyList<InitiativeInfo> Found, LocalizedText? Problem)
{
    /// <summary>The search field's name.</summary>
    public const string QueryField = "tiltaksok";

    /// <summary>The find button's name; its value is the id of the picker's select.</summary>
    public const string ButtonField = "finn-tiltak";

    /// <summary>The shortest search, as the type-ahead's.</summary>
    public const int MinLength = 2;

    /// <summary>The longest search, as the API's.</summary>
    public const int MaxLength = 200;

    /// <summary>The most matches one find adds to the list.</summary>
    public const int Limit = 25;

    /// <summary>
    /// When <paramref name="page"/>'s form was posted with a picker's find button: the matches for the person, and
    /// the form's model state freed of errors (a find checks nothing, so it must not say "correct this before you
    /// save"); the page must then render the form as posted and save nothing. Otherwise null.
    /// </summary>
    public static async Task<InitiativeFind?> ReadAsync(IInitiativeDirectory directory, PageModel page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Request.HasFormContentType)
        {
            return null;
        }

        var form = await page.Request.ReadFormAsync(cancellationToken);
        var picker = form[ButtonField].ToString();
        if (picker.Length == 0)
        {
            return null;
        }

        foreach (var entry in page.ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Skipped;
        }

        var query = form[QueryField].ToString().Trim();
        if (query.Length < MinLength)
        {
            return new(picker, query, [], new($"Skriv minst {MinLength} tegn.", $"Type at least {MinLength} characters."));
        }

        if (query.Length > MaxLength)
        {
            return new(picker, query, [], new($"Søketeksten kan ha høyst {MaxLength} tegn.", $"The search text can have at most {MaxLength} characters."));
        }

        return new(picker, query, await directory.FindLinkableAsync(page.User, query, ownMinistryOnly: false, Limit, cancellationToken), null);
    }

    /// <summary>The ids of the matches, for the pages that keep a list of ids to show.</summary>
    public IReadOnlyList<Guid> FoundIds => [.. Found.Select(i => i.Id)];

    /// <summary>What the find came to, in the reader's language, beside the search field.</summary>
    public string Outcome => Problem?.ToString() ?? Found.Count switch
    {
        0 => Localized.T($"Ingen tiltak passer «{Query}».", $"No initiative matches “{Query}”."),
        Limit => Localized.T(
            $"De {Limit} første tiltakene som passer «{Query}», står først i listen over. Skriv flere ord for å finne færre. Velg og lagre skjemaet.",
            $"The first {Limit} initiatives matching “{Query}” are first in the list above. Type more words to find fewer. Choose, and save the form."),
        _ => Localized.T(
            $"{Found.Count} tiltak passer «{Query}» og står først i listen over. Velg og lagre skjemaet.",
            $"{Found.Count} initiative(s) matching “{Query}” are first in the list above. Choose, and save the form."),
    };
}
