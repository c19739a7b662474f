using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

public sealed class LiveUpdatesTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    // Generous: a broadcast normally arrives in milliseconds; the limit only stops a broken test from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CatchUp_TwoPublished_BothInSequenceOrder()
    {
        // Each test follows a different person's topic, so sequence numbers start at 1.
        var personId = await factory.PersonIdAsync(People.Observer, Ct);
        var topic = $"user:{personId}";
        await PublishAsync(factory, topic, new { Text = "første" });
        await PublishAsync(factory, topic, new { Text = "andre" });
        var client = factory.CreateClientAs(People.Observer);

        var items = await Problem.ReadOkAsync<List<LiveItem>>(await client.GetAsync($"/api/live?topic={topic}&after=0", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal([1L, 2L], items.Select(i => i.Sequence));
        Assert.All(items, i => Assert.Equal(topic, i.Topic));
        Assert.Equal(["første", "andre"], items.Select(i => JsonDocument.Parse(i.Payload).RootElement.GetProperty("text").GetString()));

        var later = await Problem.ReadOkAsync<List<LiveItem>>(await client.GetAsync($"/api/live?topic={topic}&after=1", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal([2L], later.Select(i => i.Sequence));
    }

    [Fact]
    public async Task CatchUp_OtherPersonsTopic_ForbiddenProblem()
    {
        var otherId = await factory.PersonIdAsync(People.Coordinator, Ct);
        var client = factory.CreateClientAs(People.ContactPersonFin);

        await Problem.ReadAsync(await client.GetAsync($"/api/live?topic=user:{otherId}&after=0", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task CatchUp_TopicNoPolicyOwns_ForbiddenProblem()
    {
        var client = factory.CreateClientAs(People.Administrator);

        await Problem.ReadAsync(await client.GetAsync("/api/live?topic=secret:1&after=0", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Hub_JoinOwnTopicThenPublish_ItemArrives()
    {
        var personId = await factory.PersonIdAsync(People.Coordinator, Ct);
        var topic = $"user:{personId}";
        await using var connection = await ConnectAsync(factory, People.Coordinator);
        var received = new TaskCompletionSource<LiveItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", item => received.TrySetResult(item));

        var last = await connection.InvokeAsync<long>("Join", topic, Ct);
        var published = await PublishAsync(factory, topic, new { Text = "hei" });

        var item = await received.Task.WaitAsync(Patience, Ct);
        Assert.Equal(last + 1, item.Sequence);
        Assert.Equal(published, item);
    }

    [Fact]
    public async Task Hub_JoinOtherPersonsTopic_HubException()
    {
        var otherId = await factory.PersonIdAsync(People.Observer, Ct);
        await using var connection = await ConnectAsync(factory, People.ContactPersonFin);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<long>("Join", $"user:{otherId}", Ct));
    }

    [Fact]
    public async Task Hub_Anonymous_Refused()
    {
        var connection = Connection(factory, null);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync(Ct));
    }

    internal static HubConnection Connection(SamordningFactory factory, string? email)
    {
        var server = factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/live"), options =>
            {
                // In-memory test server: no sockets, so long polling over the server's own handler.
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (email is not null)
                {
                    options.Headers[TestAuthHandler.Header] = email;
                }
            })
            .Build();
    }

    internal static async Task<HubConnection> ConnectAsync(SamordningFactory factory, string email)
    {
        var connection = Connection(factory, email);
        await connection.StartAsync(Ct);
        return connection;
    }

    internal static async Task<LiveItem> PublishAsync(SamordningFactory factory, string topic, object payload)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().PublishAsync(topic, "test.message", payload, Ct);
    }
}
