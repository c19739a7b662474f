using System.Security.Claims;
using Samordning.Notifications.Data;

namespace Samordning.Notifications.InApp;

internal sealed record PreferencesRequest(bool? EmailEnabled, bool? DailyDigest);

internal sealed record PreferencesView(bool EmailEnabled, bool DailyDigest);

// Each person's choice: reminders by e-mail or not, one by one or as a daily digest. In-app notifications always.
internal sealed class Preferences : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications/preferences", async Task<Results<Ok<PreferencesView>, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? TypedResults.Ok(await GetAsync(db, person, ct)) : Problems.Forbidden())
            .WithTags("Notifications")
            .WithSummary("My notification preferences.");

        api.MapPut("/notifications/preferences", async Task<Results<Ok<PreferencesView>, ValidationProblem, ProblemHttpResult>> (PreferencesRequest request, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? (await SaveAsync(db, person, request, ct)).ToOk() : Problems.Forbidden())
            .WithTags("Notifications")
            .WithSummary("Saves my notification preferences: e-mail on or off, and a daily digest instead of single e-mails.");
    }

    public static async Task<PreferencesView> GetAsync(NotificationsDbContext db, Guid person, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == person, cancellationToken);
        return stored is null ? new PreferencesView(true, false) : new PreferencesView(stored.EmailEnabled, stored.DailyDigest);
    }

    public static async Task<Outcome<PreferencesView>> SaveAsync(NotificationsDbContext db, Guid person, PreferencesRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.EmailEnabled is null)
        {
            errors.Add(nameof(request.EmailEnabled), new("Velg om du vil ha e-post.", "Choose whether you want e-mail."));
        }

        if (request.DailyDigest is null)
        {
            errors.Add(nameof(request.DailyDigest), new("Velg om du vil ha daglig sammendrag.", "Choose whether you want a daily digest."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<PreferencesView>(errors);
        }

        var stored = await db.Preferences.FirstOrDefaultAsync(p => p.PersonId == person, cancellationToken);
        if (stored is null)
        {
            stored = new NotificationPreference { PersonId = person };
            db.Preferences.Add(stored);
        }

        stored.EmailEnabled = request.EmailEnabled!.Value;
        stored.DailyDigest = request.DailyDigest!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new PreferencesView(stored.EmailEnabled, stored.DailyDigest));
    }
}
