using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Samordning.Shared.Observability;
using Samordning.Shared.Security;
using Samordning.Shared.Text;

namespace Samordning.Host.Live;

// The one hub. Clients join the topics they may follow and receive "item" messages; the hub itself never
// sends module data, modules publish through ILiveUpdates.
// Guests connect too (their topic policies let them follow only their own meeting); revoking their link aborts
// their connections here (GuestConnections).
[Authorize(Policy = Policies.RegisteredPerson)]
[AllowGuests]
internal sealed class LiveHub(LiveTopicAuthorizer authorizer, LiveUpdates updates, SamordningMetrics metrics, Auth.GuestConnections guests) : Hub
{
    public const string Path = "/hubs/live";
    public const string ItemMethod = "item";

    public override Task OnConnectedAsync()
    {
        metrics.LiveConnections.Add(1);
        guests.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.LiveConnections.Add(-1);
        guests.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    // Returns the topic's last sequence number, so the client knows where it stands.
    public async Task<long> Join(string topic)
    {
        if (!await authorizer.CanFollowAsync(Context.User!, topic, Context.ConnectionAborted))
        {
            throw new HubException(Localized.T("Du har ikke tilgang til å følge dette.", "You may not follow this."));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
        return await updates.GetLastSequenceAsync(topic, Context.ConnectionAborted);
    }

    public Task Leave(string topic) => Groups.RemoveFromGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
}
