using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Benchmarks.Scenarios.Meetings;

namespace Samordning.Benchmarks.LiveFanOut;

// Issue 19, point 3. big-meeting: 5,000 participants, each a registered person of their own on the seeded live
// meeting's list, connected over WebSockets to the product's /hubs/live and joined to "meeting:{id}" (the product's
// authentication, registry claims, hub authorization and the meeting's topic policy), while the facilitator posts
// 2 notes a second through POST /api/meetings/{id}/entries. many-meetings: 200 live meetings of 25 participants
// each at once, every meeting's facilitator posting 2 notes a second. Each against the bare SignalR floor with the
// same clients in the same groups (FloorBroadcastHost), measured in the same run in mirrored order. Aim: p99
// within 1.5 x the floor's p99 + 5 ms; every note reaches every client once and in sequence (anything else fails
// the run). Memory per connection is measured on both sides (ConnectionMemory).
internal static class BigMeetingBenchmark
{
    public const string Name = "big-meeting";
    public const string ManyName = "many-meetings";

    public const double NotesPerSecond = 2;
    public const double MarginMilliseconds = 5;

    // Thousands of clients share two cores with the host (and other work on the machine): an item may come seconds
    // late, which the latency shows; it counts as lost only if it has not come 30 s after the last publish.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private static readonly string[] PersonColumns =
        ["Id", "Name", "Email", "Subject", "Title", "MinistryId", "AgencyId", "Roles", "Active", "PreferredLanguage", "Version", "SearchText"];

    private static readonly string[] ParticipantColumns =
        ["Id", "MeetingId", "Kind", "PersonId", "MinistryId", "Name", "OrganisationNumber", "RegisteredAt", "Attended"];

    public static bool Selected(string? scenario) => scenario is Name or ManyName;

    public static (int Meetings, int PerMeeting) Shape(string scenario) => scenario == Name ? (1, 5000) : (200, 25);

    public static async Task<IReadOnlyList<FanOutResult>> RunAsync(
        string scenario, IServiceProvider services, Uri address, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var (meetingCount, perMeeting) = Shape(scenario);
        var clients = meetingCount * perMeeting;
        CheckOpenFiles(clients);

        // The facilitator's posts: one connection per meeting's writer at most, none waiting for another's.
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
        };
        var database = services.GetRequiredService<BenchDatabase>();
        var meetings = scenario == Name
            ? [await MeetingEntryWriteScenario.LiveMeetingAsync(database, cancellationToken)]
            : await CreateLiveMeetingsAsync(database, client, meetingCount, cancellationToken);
        await AddParticipantsAsync(database, meetings, clients, cancellationToken);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{scenario}] {meetingCount} live meeting(s), {perMeeting:N0} participants each ({clients:N0} registered people added); {NotesPerSecond} notes/s per meeting for {options.Duration.TotalSeconds:0.#} s"));

        await using var floorHost = await FloorBroadcastHost.StartAsync();
        var floor = floorHost.Side([.. meetings.Select(m => $"meeting:{m}")]);
        var subject = MeetingsFanOutSide.For(meetings, [address], client, Participant);
        var connecting = new FanOutConnecting(Batch: 50, Pause: TimeSpan.FromMilliseconds(20), MeasureMemory: true, Grace: Grace);

        // A short pass of each side first, not counted (JIT, pools, the first joins and posts), then one or two
        // measured passes (--rounds 1 or more), the second in mirrored order so the machine's drift falls alike.
        foreach (var (side, name) in new[] { (floor, "floor"), (subject, "subject") })
        {
            log.WriteLine($"[{scenario}] warm-up, {name}: {Math.Min(clients, 200)} clients for 3 s");
            await FanOutRunner.RunAsync(side, name, Math.Min(clients, 200), NotesPerSecond, TimeSpan.FromSeconds(3), cancellationToken);
        }

        var results = new List<FanOutResult>();
        var passes = new[] { new[] { (floor, "floor"), (subject, "subject") }, [(subject, "subject"), (floor, "floor")] }.Take(Math.Clamp(options.Rounds, 1, 2));
        foreach (var pass in passes)
        {
            var passResults = new List<FanOutResult>();
            foreach (var (side, name) in pass)
            {
                var loadBefore = Reports.LoadAverage();
                log.WriteLine($"[{scenario}] {clients:N0} clients, {name}: connecting (load {loadBefore})");
                var result = await FanOutRunner.RunAsync(side, name, clients, NotesPerSecond, options.Duration, cancellationToken, connecting);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{scenario}] {name}: connected in {result.ConnectSeconds:0.0} s; load {loadBefore} -> {Reports.LoadAverage()}"));
                passResults.Add(result);
            }

            log.WriteLine();
            log.Write(Table($"{scenario}, pass {(results.Count / 2) + 1}", passResults, results.Count == 0 ? subject.Description : null, floor.Description));
            results.AddRange(passResults);
        }

        return results;
    }

    // Anything lost, twice or out of order fails the run, as a failed side does.
    public static bool Failed(IReadOnlyList<FanOutResult> results) =>
        FanOutReport.Failed(results) || results.Any(r => r.Lost != 0 || r.Duplicates != 0 || r.OutOfOrder != 0);

    public static Task WriteAsync(string scenario, IReadOnlyList<FanOutResult> results, string folder, CancellationToken cancellationToken) =>
        FanOutReport.WriteAsync(results, folder, $"{scenario}-latest.json", cancellationToken);

    // Client i is participant i: a registered person of their own, signed in by subject (so the registry finds them
    // without the first-sign-in write that records a subject).
    private static IReadOnlyDictionary<string, string> Participant(int i) => new Dictionary<string, string>
    {
        [BenchmarkAuthenticationHandler.SubjectHeader] = string.Create(CultureInfo.InvariantCulture, $"bench-participant-{i}"),
        [BenchmarkAuthenticationHandler.EmailHeader] = string.Create(CultureInfo.InvariantCulture, $"deltaker{i}@bench.example.no"),
    };

    private static string Table(string title, IReadOnlyList<FanOutResult> results, string? subject, string floor)
    {
        var text = new StringBuilder(FanOutReport.Table(title, results, ["subject"], MarginMilliseconds, subject is null ? [] : [("subject", subject), ("floor", floor)]));
        foreach (var r in results.Where(r => r.Memory is not null))
        {
            var m = r.Memory!;
            text.Append(CultureInfo.InvariantCulture,
                $"  memory, {r.Side}: managed heap {m.HeapBefore / 1048576.0:0.0} -> {m.HeapAfter / 1048576.0:0.0} MiB = {m.HeapBytesPerConnection / 1024:0.0} KiB per connection; working set {m.WorkingSetBefore / 1048576.0:0.0} -> {m.WorkingSetAfter / 1048576.0:0.0} MiB = {m.WorkingSetBytesPerConnection / 1024:0.0} KiB per connection (both ends, one process)\n");
        }

        return text.ToString();
    }

    // Every client holds a socket and so does the host for it, in this one process: below twice the clients (and
    // room for the databases and the host) the connects fail half-way with "too many open files".
    private static void CheckOpenFiles(int clients)
    {
        var line = File.Exists("/proc/self/limits") ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 4 } parts && long.TryParse(parts[3], out var limit) ? limit : long.MaxValue;
        var needed = (2L * clients) + 2000;
        if (soft < needed)
        {
            throw new ScenarioFailedException($"{clients:N0} clients need about {needed:N0} open files in this process; the limit is {soft:N0} (raise it with ulimit -n, as build/bench does).");
        }
    }

    // The many meetings: made as the KMD team makes them, through the product's API as the coordinator, with the
    // seeded facilitator, then started (Live), so every row and live item is the product's own.
    private static async Task<IReadOnlyList<Guid>> CreateLiveMeetingsAsync(BenchDatabase database, HttpClient client, int count, CancellationToken cancellationToken)
    {
        Guid facilitator, ministry;
        await using (var connection = await database.OpenAsync("ministries", cancellationToken))
        {
            facilitator = (await database.ListAsync(connection, $"""SELECT "Id" FROM {database.Table("ministries", "People")} WHERE "Email" = @p0""",
                r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, MeetingEntryWriteScenario.FacilitatorEmail)).Single();
            ministry = (await database.ListAsync(connection, $"""SELECT "Id" FROM {database.Table("ministries", "Ministries")} ORDER BY "Code" """,
                r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken))[0];
        }

        var now = DateTimeOffset.UtcNow;
        var ids = new Guid[count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var created = await SendAsync(client, "/api/meetings", new
                {
                    kind = 3, // Workshop
                    title = string.Create(CultureInfo.InvariantCulture, $"Verksted {i + 1} (benchmark)"),
                    startsAt = now.AddMinutes(-10),
                    endsAt = now.AddHours(8),
                    place = "Digitalt",
                    organisingMinistryId = ministry,
                    facilitatorIds = new[] { facilitator },
                }, HttpStatusCode.Created, cancellationToken);
                ids[i] = created.GetProperty("id").GetGuid();
                await SendAsync(client, $"/api/meetings/{ids[i]}/status", new { status = 1 /* Live */, version = created.GetProperty("version").GetInt64() }, HttpStatusCode.OK, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        return ids;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string path, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        BenchmarkAuthentication.AddCoordinator(request);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new ScenarioFailedException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // The participants: registered people of their own (no role, no ministry: they read the meeting because they
    // are on its list, the narrowest way in), person i on meetings[i % count], as the runner places client i. Rows
    // written with BulkRows, as EF Core stores them: a meeting of 5,000 is past the API's 500 per request.
    private static async Task AddParticipantsAsync(BenchDatabase database, IReadOnlyList<Guid> meetings, int people, CancellationToken cancellationToken)
    {
        var registry = new BulkRows(database, "ministries");
        var participants = new BulkRows(database, "meetings");
        for (var i = 0; i < people; i++)
        {
            var id = Guid.CreateVersion7();
            var name = string.Create(CultureInfo.InvariantCulture, $"Deltaker {i}");
            var email = string.Create(CultureInfo.InvariantCulture, $"deltaker{i}@bench.example.no");
            registry.Add("People", PersonColumns,
                id, name, email, string.Create(CultureInfo.InvariantCulture, $"bench-participant-{i}"), "Rådgiver", null, null, 0, true, "nb", 1L,
                $"{name} {email} rådgiver".ToLowerInvariant());
            participants.Add("Participants", ParticipantColumns,
                Guid.CreateVersion7(), meetings[i % meetings.Count], "Person", id, null, name, null, null, false);
        }

        await registry.WriteAsync(cancellationToken);
        await participants.WriteAsync(cancellationToken);
    }
}
