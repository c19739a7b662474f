using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Live;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Nodes;

// Two real host processes as a server deployment runs them: one PostgreSQL database (the host store with the
// data-protection keys and the identity provider's data, the modules, and Hangfire's job storage), one Redis for
// the SignalR backplane. Node A starts first and migrates; node B then joins the same database. A test class that
// needs other settings, or a database of its own, derives from it.
public class SeveralNodesFixture : IAsyncLifetime
{
    // Test classes with nodes of their own run one after another: four hosts at once would crowd a small machine.
    public const string Collection = "Several nodes";

    // Demo accounts of the bundled identity provider: one who writes in the live meeting, one who follows it.
    public const string Facilitator = "sigrid.fasilitator@kmd.example.no";
    public const string Coordinator = "kari.koordinator@kmd.example.no";

    private readonly string dataFolder = Directory.CreateTempSubdirectory("samordning-several-nodes-").FullName;
    private string connectionString = "";

    public RedisServer Redis { get; } = new();

    public HostNode A { get; private set; } = null!;

    public HostNode B { get; private set; } = null!;

    // The database both nodes share, for a test that checks what they stored.
    public string ConnectionString => connectionString;

    public virtual async ValueTask InitializeAsync()
    {
        await Redis.InitializeAsync();
        connectionString = await CreateDatabaseAsync(dataFolder);
        A = await StartNodeAsync(runJobs: true);
        B = await StartNodeAsync(runJobs: true);
    }

    public virtual async ValueTask DisposeAsync()
    {
        // Every process started here is stopped by its id, whatever happened in the tests.
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        await Redis.DisposeAsync();
        if (connectionString.Length > 0)
        {
            DropDatabase(connectionString);
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the folder is in the temp area.
        }

        GC.SuppressFinalize(this);
    }

    // The same session's cookies as a browser sends them to another node behind the load balancer.
    public static CookieContainer CookiesFor(HostNode node, CookieContainer signedIn)
    {
        var cookies = new CookieContainer();
        foreach (Cookie cookie in signedIn.GetAllCookies())
        {
            cookies.Add(node.Address, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return cookies;
    }

    // A hub connection to the node's /hubs/live with a signed-in session's cookies.
    public static async Task<HubConnection> ConnectAsync(HostNode node, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Address, "/hubs/live"), options => options.Cookies = cookies)
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    // A note in the meeting, acknowledged (201) by the node the client talks to; returns the entry's id.
    public static async Task<Guid> WriteNoteAsync(HttpClient writer, Guid meetingId, string text, CancellationToken cancellationToken)
    {
        using var written = await writer.PostAsJsonAsync($"/api/meetings/{meetingId}/entries", new EntryRequest(EntryKind.Note, text), FeedbackFixture.Json, cancellationToken);
        return (await Problem.ReadOkAsync<EntryView>(written, HttpStatusCode.Created, cancellationToken)).Id;
    }

    public static bool Carries(LiveItem item, Guid entryId) =>
        item.Type == MeetingLive.EntryType && item.Payload.Contains(entryId.ToString(), StringComparison.OrdinalIgnoreCase);

    // The database both nodes share: by default one of its own on the suite's PostgreSQL cluster.
    protected virtual Task<string> CreateDatabaseAsync(string key) => Task.FromResult(TestDatabase.CreatePostgresDatabase(key));

    protected virtual void DropDatabase(string connectionString) => TestDatabase.DropPostgresDatabase(connectionString);

    // Settings of a derived fixture's nodes, beside (or instead of) the ones every node here gets.
    protected virtual IReadOnlyDictionary<string, string> NodeSettings() => new Dictionary<string, string>();

    private Task<HostNode> StartNodeAsync(bool runJobs)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = connectionString,
            ["Jobs__Storage"] = "PostgreSql",
            ["Jobs__RunServer"] = runJobs ? "true" : "false",
            ["Redis__Configuration"] = Redis.Configuration,
        };
        foreach (var (key, value) in NodeSettings())
        {
            settings[key] = value;
        }

        return HostNode.StartAsync(dataFolder, settings, TestContext.Current.CancellationToken);
    }
}
