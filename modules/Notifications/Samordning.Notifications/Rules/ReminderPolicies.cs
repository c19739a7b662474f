using Microsoft.Extensions.Options;
using Samordning.Notifications.Data;
using Samordning.Notifications.Scheduling;
using Samordning.Shared.Deadlines;

namespace Samordning.Notifications.Rules;

// A coordinator's policy for one kind: days before the deadline ("14, 7, 1"), counted in working days or not, an
// overdue reminder or not, and the Oslo hour reminders go out. Version: the one read (0 while configuration applies).
internal sealed record ReminderPolicyRequest(string? Offsets, bool? WorkingDays, bool? Overdue, int? SendHour, long? Version);

// Back to configuration: the version the person read.
internal sealed record ReminderPolicyResetRequest(long? Version);

// Stored: false while configuration applies (Version goes on after a reset: the stored row keeps its history). Effective: the offsets the sweep uses now (7d, 2wd, 0d, overdue).
internal sealed record ReminderPolicyView(
    string Kind, string Name, string Offsets, bool WorkingDays, bool Overdue, int SendHour, long Version, bool Stored, IReadOnlyList<string> Effective);

// The reminder policies per kind of deadline: the kinds come from the deadline sources, the policy from the store
// or, where none is stored, from configuration. Not cached: the sweep reads them in one query per run, so every
// node applies a saved policy at its next sweep.
internal sealed class ReminderPolicies(NotificationsDbContext db, IEnumerable<IDeadlineSource> sources, IOptions<NotificationsOptions> options)
{
    public IReadOnlyList<DeadlineKind> Kinds() =>
        [.. sources.SelectMany(s => s.Kinds).DistinctBy(k => k.Kind, StringComparer.OrdinalIgnoreCase).OrderBy(k => k.Name.ToString(), StringComparer.CurrentCulture)];

    public DeadlineKind? Kind(string kind) => Kinds().FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.OrdinalIgnoreCase));

    public async Task<ReminderPolicyBook> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.ReminderPolicies.AsNoTracking().Where(p => !p.FollowsConfiguration).ToListAsync(cancellationToken);
        return new ReminderPolicyBook(stored.ToDictionary(p => p.Kind, ToPolicy, StringComparer.OrdinalIgnoreCase), options.Value);
    }

    public async Task<IReadOnlyList<ReminderPolicyView>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await db.ReminderPolicies.AsNoTracking().ToDictionaryAsync(p => p.Kind, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return [.. Kinds().Select(k => View(k, stored.GetValueOrDefault(k.Kind)))];
    }

    public async Task<ReminderPolicyView?> GetAsync(string kind, CancellationToken cancellationToken) =>
        Kind(kind) is { } known ? View(known, await FindAsync(known, tracked: false, cancellationToken)) : null;

    public async Task<Outcome<ReminderPolicyView>> SaveAsync(string kind, ReminderPolicyRequest request, CancellationToken cancellationToken)
    {
        if (Kind(kind) is not { } known)
        {
            return Outcome.NotFound<ReminderPolicyView>();
        }

        var (days, errors) = Validate(request);
        if (errors.Any)
        {
            return Outcome.Invalid<ReminderPolicyView>(errors);
        }

        void Apply(StoredReminderPolicy policy)
        {
            policy.Offsets = ReminderPolicy.Join(days);
            policy.WorkingDays = request.WorkingDays!.Value;
            policy.Overdue = request.Overdue!.Value;
            policy.SendHour = request.SendHour!.Value;
            policy.FollowsConfiguration = false;
        }

        var stored = await FindAsync(known, tracked: true, cancellationToken);
        if (stored is not null)
        {
            return await Concurrency.SaveAsync(db, stored, request.Version, () => Apply(stored), p => View(known, p), cancellationToken);
        }

        // The first save of a kind: made against the configured policy (version 0), so a save based on a stored one
        // that someone else made first, or made at the same time, is a conflict.
        if (request.Version is not 0)
        {
            return Outcome.Conflict(View(known, null));
        }

        var created = new StoredReminderPolicy { Kind = known.Kind, Offsets = "", Version = 1 };
        Apply(created);
        db.ReminderPolicies.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok(View(known, created));
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(View(known, await FindAsync(known, tracked: false, cancellationToken)));
        }
    }

    // Removes a kind's own rule so the configured default applies again. The row is kept and switched off as a new
    // version, so the history shows who reset it and what the rule was, and a reset from a stale page is a conflict.
    public async Task<Outcome<ReminderPolicyView>> ResetAsync(string kind, long? version, CancellationToken cancellationToken)
    {
        if (Kind(kind) is not { } known)
        {
            return Outcome.NotFound<ReminderPolicyView>();
        }

        if (await FindAsync(known, tracked: true, cancellationToken) is { } stored)
        {
            return await Concurrency.SaveAsync(db, stored, version, () => stored.FollowsConfiguration = true, p => View(known, p), cancellationToken);
        }

        // Never stored: configuration applies already (version 0).
        return version switch
        {
            null => Outcome.Invalid<ReminderPolicyView>(new FieldErrors().Add(nameof(ReminderPolicyResetRequest.Version), new(
                "Versjonen du endrer, må oppgis.", "The version you are changing must be given."))),
            0 => Outcome.Ok(View(known, null)),
            _ => Outcome.Conflict(View(known, null)),
        };
    }

    public static ReminderPolicy ToPolicy(StoredReminderPolicy stored) =>
        ReminderPolicy.From(ReminderPolicy.ParseDays(stored.Offsets).Days, stored.WorkingDays, stored.Overdue, stored.SendHour);

    // Every field's errors at once, in the person's language, each naming its field.
    public static (IReadOnlyList<int> Days, FieldErrors Errors) Validate(ReminderPolicyRequest request)
    {
        var errors = new FieldErrors();
        var (days, invalid) = ReminderPolicy.ParseDays(request.Offsets);
        foreach (var part in invalid)
        {
            errors.Add(nameof(request.Offsets), new(
                $"Dager før fristen: «{part}» er ikke et helt antall dager fra 0 til {ReminderPolicy.MaxDays}.",
                $"Days before the deadline: “{part}” is not a whole number of days from 0 to {ReminderPolicy.MaxDays}."));
        }

        if (ReminderPolicy.Normalise(days).Count > ReminderPolicy.MaxOffsets)
        {
            errors.Add(nameof(request.Offsets), new(
                $"Dager før fristen kan ha høyst {ReminderPolicy.MaxOffsets} tall.",
                $"Days before the deadline can have at most {ReminderPolicy.MaxOffsets} numbers."));
        }

        if (request.WorkingDays is null)
        {
            errors.Add(nameof(request.WorkingDays), new("Velg om dagene telles som virkedager.", "Choose whether the days are counted as working days."));
        }

        if (request.Overdue is null)
        {
            errors.Add(nameof(request.Overdue), new("Velg om det skal sendes en påminnelse etter fristen.", "Choose whether a reminder is sent after the deadline."));
        }

        if (request.SendHour is not (>= 0 and <= 23))
        {
            errors.Add(nameof(request.SendHour), new("Klokkeslett for utsending må være en hel time fra 0 til 23.", "Send hour must be a whole hour from 0 to 23."));
        }

        return (days, errors);
    }

    private Task<StoredReminderPolicy?> FindAsync(DeadlineKind kind, bool tracked, CancellationToken cancellationToken) =>
        (tracked ? db.ReminderPolicies : db.ReminderPolicies.AsNoTracking()).FirstOrDefaultAsync(p => p.Kind == kind.Kind, cancellationToken);

    private ReminderPolicyView View(DeadlineKind kind, StoredReminderPolicy? stored)
    {
        if (stored is { FollowsConfiguration: false })
        {
            var policy = ToPolicy(stored);
            return new(kind.Kind, kind.Name, stored.Offsets, stored.WorkingDays, stored.Overdue, stored.SendHour, stored.Version, Stored: true, [.. policy.Offsets.Select(o => o.Code)]);
        }

        // Configuration applies (never stored, or reset). It may mix calendar and working days ("7d, 2wd"): the form shows working days only when all are.
        var settings = options.Value;
        var offsets = settings.PolicyFor(kind.Kind);
        var before = offsets.Where(o => o.Unit != OffsetUnit.Overdue).ToList();
        return new(kind.Kind, kind.Name, ReminderPolicy.Join(before.Select(o => o.Amount)),
            before.Count > 0 && before.All(o => o.Unit == OffsetUnit.WorkingDays), offsets.Any(o => o.Unit == OffsetUnit.Overdue),
            settings.SendFromHour, Version: stored?.Version ?? 0, Stored: false, [.. offsets.Select(o => o.Code)]);
    }
}
