using System.Security.Claims;
using Samordning.Shared.Activity;
using Samordning.Notifications.Data;
using Samordning.Shared.Text;

namespace Samordning.Notifications.Activity;

internal sealed record ActivityChoice(string Kind, bool? InApp, bool? Email, bool? Digest);

internal sealed record ActivityChoiceView(string Kind, string Label, bool InApp, bool Email, bool Digest);

internal readonly record struct Channels3(bool InApp, bool Email, bool Digest)
{
    // Without a choice: in the app and by e-mail, no digest.
    public static Channels3 Default => new(true, true, false);
}

// Each person's channels per kind of activity: in-app, e-mail, daily digest. Only the person edits their own, so the
// last save wins.
internal sealed class ActivityPreferences : IEndpoint
{
    public static LocalizedText Label(string kind) => kind switch
    {
        ActivityKinds.ActionItemAssigned => new("Oppfølgingspunkt tildelt meg", "Action item assigned to me"),
        ActivityKinds.MeetingChanged => new("Møte jeg er invitert til, endret, flyttet eller avlyst", "Meeting I am invited to, changed, moved or cancelled"),
        ActivityKinds.RoundOpened => new("Rapporteringsrunde åpnet for mitt departement", "Reporting round opened for my ministry"),
        ActivityKinds.WorkstreamInput => new("Nytt innspill i arbeidsstrøm jeg følger", "New input on a workstream I follow"),
        ActivityKinds.InitiativeChanged => new("Mitt tiltak endret av andre", "My initiative changed by someone else"),
        _ => new(kind, kind),
    };

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications/activity-preferences", async Task<Results<Ok<IReadOnlyList<ActivityChoiceView>>, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? TypedResults.Ok(await GetAsync(db, person, ct)) : Problems.Forbidden())
            .WithTags("Notifications")
            .WithSummary("My channels (in-app, e-mail, daily digest) for each kind of activity notification.");

        api.MapPut("/notifications/activity-preferences", async Task<Results<Ok<IReadOnlyList<ActivityChoiceView>>, ValidationProblem, ProblemHttpResult>> (IReadOnlyList<ActivityChoice> request, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? (await SaveAsync(db, person, request, ct)).ToOk() : Problems.Forbidden())
            .WithTags("Notifications")
            .WithSummary("Saves my channels for the kinds listed; kinds not listed keep their setting.");
    }

    public static async Task<Func<Guid, Channels3>> ForKindAsync(NotificationsDbContext db, IReadOnlyCollection<Guid> people, string kind, CancellationToken cancellationToken)
    {
        var stored = await db.ActivityPreferences.AsNoTracking()
            .Where(p => p.Kind == kind && people.Contains(p.PersonId))
            .ToDictionaryAsync(p => p.PersonId, p => new Channels3(p.InApp, p.Email, p.Digest), cancellationToken);
        return person => stored.TryGetValue(person, out var choice) ? choice : Channels3.Default;
    }

    public static async Task<IReadOnlyList<ActivityChoiceView>> GetAsync(NotificationsDbContext db, Guid person, CancellationToken cancellationToken)
    {
        var stored = await db.ActivityPreferences.AsNoTracking().Where(p => p.PersonId == person).ToDictionaryAsync(p => p.Kind, cancellationToken);
        return [.. ActivityKinds.All.Select(kind => stored.GetValueOrDefault(kind) is { } p
            ? new ActivityChoiceView(kind, Label(kind), p.InApp, p.Email, p.Digest)
            : new ActivityChoiceView(kind, Label(kind), Channels3.Default.InApp, Channels3.Default.Email, Channels3.Default.Digest))];
    }

    public static async Task<Outcome<IReadOnlyList<ActivityChoiceView>>> SaveAsync(NotificationsDbContext db, Guid person, IReadOnlyList<ActivityChoice>? request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var choices = request ?? [];
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (!ActivityKinds.All.Contains(choice.Kind))
            {
                errors.Add($"[{i}].{nameof(choice.Kind)}", new("Ukjent type varsel.", "Unknown kind of notification."));
            }

            foreach (var (field, value) in new[] { (nameof(choice.InApp), choice.InApp), (nameof(choice.Email), choice.Email), (nameof(choice.Digest), choice.Digest) })
            {
                if (value is null)
                {
                    errors.Add($"[{i}].{field}", new("Velg på eller av.", "Choose on or off."));
                }
            }
        }

        if (choices.Select(c => c.Kind).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            errors.Add(nameof(ActivityChoice.Kind), new("Hver type kan bare stå én gang.", "Each kind may be listed only once."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<IReadOnlyList<ActivityChoiceView>>(errors);
        }

        var stored = await db.ActivityPreferences.Where(p => p.PersonId == person).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in choices)
        {
            if (!stored.TryGetValue(choice.Kind, out var row))
            {
                row = new ActivityPreference { PersonId = person, Kind = choice.Kind };
                db.ActivityPreferences.Add(row);
            }

            row.InApp = choice.InApp!.Value;
            row.Email = choice.Email!.Value;
            row.Digest = choice.Digest!.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await GetAsync(db, person, cancellationToken));
    }
}
