using Samordning.Shared.Persistence;
using StackExchange.Redis;

namespace Samordning.Host.Web;

// The public-content version all nodes share (Deployment:Nodes > 1 requires Redis): one counter, moved with INCR
// after a save of public content and read (GET) before each public page, so a publication on one node shows at the
// next request on every other. Its own connection, made at first use and never failing the start-up.
internal sealed class RedisPublicContentVersion(string configuration) : ISharedPublicContentVersion, IDisposable
{
    private static readonly RedisKey Key = "samordning:public-content-version";

    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectAsync(configuration));

    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        var value = await (await connection.Value).GetDatabase().StringGetAsync(Key);
        return value.IsNull ? 0 : (long)value;
    }

    public async Task IncrementAsync(CancellationToken cancellationToken) =>
        await (await connection.Value).GetDatabase().StringIncrementAsync(Key);

    public void Dispose()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            connection.Value.Result.Dispose();
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
