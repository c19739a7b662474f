using Microsoft.AspNetCore.Http.HttpResults;
using Samordning.Shared.Http;
using Samordning.Shared.Live;
using Samordning.Shared.Security;

namespace Samordning.Host.Live;

internal static class LiveEndpoints
{
    // Catch-up after a reconnect or a gap: the items of a topic after the last sequence the client saw.
    public static void MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live", async Task<Results<Ok<IReadOnlyList<LiveItem>>, ProblemHttpResult>> (
                string topic, long? after, HttpContext http, LiveTopicAuthorizer authorizer, LiveUpdates updates, CancellationToken ct) =>
            {
                if (!await authorizer.CanFollowAsync(http.User, topic, ct))
                {
                    return Problems.Forbidden();
                }

                return TypedResults.Ok(await updates.GetAfterAsync(topic, after ?? 0, 500, ct));
            })
            .RequireAuthorization()
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Live")
            .WithSummary("Stored live items of a topic after a sequence number, at most 500 at a time, in order.");

        app.MapHub<LiveHub>(LiveHub.Path, options => options.AllowStatefulReconnects = true);
    }
}
