using System.Security.Claims;
using Samordning.Notifications.Data;
using Samordning.Shared.Time;

namespace Samordning.Notifications.InApp;

internal sealed record NotificationItem(Guid Id, string Title, string Link, DateTimeOffset CreatedAt, bool Read, IReadOnlyList<NotificationAction> Actions);

internal sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

// The signed-in person's own notifications: the list (newest first), the unread count, and marking them read.
internal sealed class MyNotifications : IEndpoint
{
    public const int PageSize = 100;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("", async Task<Results<Ok<NotificationList>, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? TypedResults.Ok(await ListAsync(db, person, ct)) : Problems.Forbidden())
            .WithSummary("My notifications, newest first (at most 100), with the unread count.");

        group.MapGet("/unread-count", async Task<Results<Ok<int>, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) =>
                user.PersonId() is { } person ? TypedResults.Ok(await UnreadAsync(db, person, ct)) : Problems.Forbidden())
            .WithSummary("How many of my notifications are unread.");

        group.MapPost("/{id:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, NotificationsDbContext db, IClock clock, CancellationToken ct) =>
                user.PersonId() is { } person && await MarkReadAsync(db, clock, person, id, ct) > 0 ? TypedResults.NoContent() : Problems.NotFound())
            .WithSummary("Marks one of my notifications read.");

        group.MapPost("/read-all", async Task<Results<NoContent, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, IClock clock, CancellationToken ct) =>
            {
                if (user.PersonId() is not { } person)
                {
                    return Problems.Forbidden();
                }

                await MarkReadAsync(db, clock, person, null, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marks all my notifications read.");
    }

    public static async Task<NotificationList> ListAsync(NotificationsDbContext db, Guid person, CancellationToken cancellationToken)
    {
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.PersonId == person)
            .OrderByDescending(n => n.CreatedAt)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(n => new NotificationItem(n.Id, Shared.Text.Localized.Name(n.TitleNb, n.TitleEn, n.TitleNn), n.Link, n.CreatedAt, n.ReadAt is not null, NotificationAction.Read(n.Actions))).ToList();
        return new NotificationList(await UnreadAsync(db, person, cancellationToken), items);
    }

    public static Task<int> UnreadAsync(NotificationsDbContext db, Guid person, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.PersonId == person && n.ReadAt == null, cancellationToken);

    // Only the person's own rows: someone else's id simply matches nothing.
    public static Task<int> MarkReadAsync(NotificationsDbContext db, IClock clock, Guid person, Guid? id, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return db.ExecuteWriteAsync(ct => db.Notifications
            .Where(n => n.PersonId == person && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct), cancellationToken);
    }
}
