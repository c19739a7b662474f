using Samordning.Ministries.Data;

namespace Samordning.Ministries.Audit;

internal sealed record AuditItem(long Id, DateTimeOffset At, string Actor, string Entity, Guid EntityId, string Action, string? Before, string? After);

internal sealed class GetAuditLog : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/audit/{entityId:guid}", async (Guid entityId, MinistriesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, entityId, ct)))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Audit")
            .WithSummary("Every change to a ministry, agency or person: who, when, before and after.");

    public static Task<List<AuditItem>> HandleAsync(MinistriesDbContext db, Guid entityId, CancellationToken cancellationToken) =>
        db.AuditLog.AsNoTracking()
            .Where(a => a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditItem(a.Id, a.At, a.Actor, a.Entity, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);
}
