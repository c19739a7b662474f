using Samordning.Shared.History;

namespace Samordning.Notifications.Rules;

// GET/PUT /api/notifications/reminder-policies/{kind} (and POST …/reset): coordinators read, set and reset each kind's reminder policy.
internal sealed class ReminderPolicyEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications/reminder-policies").RequireAuthorization(Policies.Coordinator).WithTags("Notifications");

        group.MapGet("", async (ReminderPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.ListAsync(ct)))
            .WithSummary("The reminder policy of every kind of deadline: stored by a coordinator, or configured (coordinators).");

        group.MapGet("/{kind}", async Task<Results<Ok<ReminderPolicyView>, ProblemHttpResult>> (string kind, ReminderPolicies policies, CancellationToken ct) =>
                await policies.GetAsync(kind, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound())
            .WithSummary("One kind's reminder policy; version 0 while configuration applies (coordinators).");

        group.MapPut("/{kind}", async (string kind, ReminderPolicyRequest request, ReminderPolicies policies, CancellationToken ct) =>
                (await policies.SaveAsync(kind, request, ct)).ToOk())
            .WithSummary("Sets a kind's reminder policy; the next sweep on every node uses it. Send the version you read: a stale one gets 409 with the current policy.");

        group.MapPost("/{kind}/reset", async (string kind, ReminderPolicyResetRequest request, ReminderPolicies policies, CancellationToken ct) =>
                (await policies.ResetAsync(kind, request.Version, ct)).ToOk())
            .WithSummary("Removes a kind's own reminder policy so the configured default applies again, as a new version kept in the history. Send the version you read: a stale one gets 409 with the current policy.");

        group.MapGet("/{kind}/history", async (string kind, ReminderPolicies policies, Data.NotificationsDbContext db, CancellationToken ct) =>
                (await ReminderPolicyHistory.HandleAsync(db, policies, kind, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed a kind's reminder policy, and how (coordinators).");
    }
}

// The history of a kind's stored policy, from the module's audit log.
internal static class ReminderPolicyHistory
{
    private static readonly Dictionary<string, HistoryField> Fields = new(StringComparer.Ordinal)
    {
        [nameof(Data.StoredReminderPolicy.Offsets)] = new(new("Dager før fristen", "Days before the deadline")),
        [nameof(Data.StoredReminderPolicy.WorkingDays)] = new(new("Virkedager", "Working days")),
        [nameof(Data.StoredReminderPolicy.Overdue)] = new(new("Påminnelse etter fristen", "Reminder after the deadline")),
        [nameof(Data.StoredReminderPolicy.SendHour)] = new(new("Klokkeslett for utsending", "Send hour")),
        [nameof(Data.StoredReminderPolicy.FollowsConfiguration)] = new(new("Følger standarden fra konfigurasjonen", "Follows the configured default")),
    };

    // A kind still on configuration has no history yet (an empty one); an unknown kind is not found.
    public static async Task<Outcome<HistoryView>> HandleAsync(Data.NotificationsDbContext db, ReminderPolicies policies, string kind, CancellationToken cancellationToken)
    {
        if (policies.Kind(kind) is not { } known)
        {
            return Outcome.NotFound<HistoryView>();
        }

        var id = await db.ReminderPolicies.Where(p => p.Kind == known.Kind).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var items = id is { } stored
            ? await RecordHistory.ReadAsync(db, nameof(Data.StoredReminderPolicy), stored, Fields, showPersonal: false, cancellationToken)
            : [];
        return Outcome.Ok(new HistoryView(known.Name, $"/varsler/paminnelsesregler/{known.Kind}", items));
    }
}
