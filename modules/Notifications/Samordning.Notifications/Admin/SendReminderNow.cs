using Samordning.Notifications.Sweep;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Admin;

// Token: the form's own id, so a double submit (or a retried request) sends once.
internal sealed record SendReminderNowRequest(string? DeadlineKey, Guid? Token);

internal sealed record SendReminderNowResult(string DeadlineKey, int Queued);

// A coordinator reminds everyone who still owes something on a deadline, now, outside the policy.
internal sealed class SendReminderNow : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/reminders/send-now", async (SendReminderNowRequest request, IEnumerable<IDeadlineSource> sources, ReminderSender sender, IClock clock, CancellationToken ct) =>
                (await SendAsync(sources, sender, clock, request, ct)).ToOk())
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Notifications")
            .WithSummary("Sends a reminder of an open deadline now to everyone it names (coordinators and administrators).");

    public static async Task<Outcome<SendReminderNowResult>> SendAsync(
        IEnumerable<IDeadlineSource> sources, ReminderSender sender, IClock clock, SendReminderNowRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Required(nameof(request.DeadlineKey), request.DeadlineKey, new("Frist", "Deadline"), 200);
        if (request.Token is null || request.Token == Guid.Empty)
        {
            errors.Add(nameof(request.Token), new("Skjemaet mangler sin id; last siden på nytt.", "The form lacks its id; reload the page."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<SendReminderNowResult>(errors);
        }

        Deadline? deadline = null;
        await foreach (var open in ReminderOverview.AllAsync(sources, clock, cancellationToken))
        {
            if (open.Key == request.DeadlineKey)
            {
                deadline = open;
                break;
            }
        }

        if (deadline is null)
        {
            return Outcome.NotFound<SendReminderNowResult>();
        }

        var queued = await sender.SendAsync(deadline, ReminderSender.ManualOffset(request.Token!.Value), overdue: deadline.DueAt <= clock.UtcNow, cancellationToken);
        return Outcome.Ok(new SendReminderNowResult(deadline.Key, queued));
    }
}
