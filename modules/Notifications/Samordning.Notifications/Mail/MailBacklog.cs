using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Data;
using Samordning.Shared.Observability;

namespace Samordning.Notifications.Mail;

// samordning.mail.queue.depth and .oldest_age: mail not yet sent (waiting, retrying after a failure, or being
// sent). The (State, NextAttemptAt) index finds these rows without reading the sent and failed ones kept for
// the administrators' page.
internal sealed class MailBacklog(IServiceScopeFactory scopes) : IBacklogProbe
{
    public string Queue => "mail.queue";

    public async Task<Backlog> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var waiting = db.Mail.Where(m => m.State == MailState.Pending || m.State == MailState.Sending);
        var depth = await waiting.LongCountAsync(cancellationToken);
        var oldest = depth == 0
            ? (DateTimeOffset?)null
            : await waiting.OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).FirstAsync(cancellationToken);
        return new Backlog(depth, oldest);
    }
}
