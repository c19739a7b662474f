using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.Scenarios.PublicPages;

// What a white paper's public process holds by its last input deadline, made through the product's own API as the
// KMD team makes it (so every row, aggregate and audit entry is as the product writes it): published milestones,
// published meetings (half of them past) each with a recording, public input rounds, and in each round published
// input with KMD's published response ("you said, we did").
internal sealed record PublicPagesVolume(int Milestones, int Meetings, int Rounds, int PublishedInputPerRound)
{
    private static readonly string[] Audience = ["Suppliers", "Research"];
    private static readonly string[] Questions = ["Hva bør meldingen si om dette?"];
    private static readonly string[] Topics = ["deling av data", "innovative anskaffelser", "kunstig intelligens", "sammenhengende tjenester", "kompetanse", "brukerinvolvering"];

    public static PublicPagesVolume Realistic { get; } = new(24, 40, 6, 40);

    public int PublishedInput => Rounds * PublishedInputPerRound;

    public override string ToString() =>
        $"{Milestones} milestones, {Meetings} published meetings with a recording each, {Rounds} public rounds, {PublishedInput} published input items with a published response";

    // Returns the rounds it opened.
    public async Task<IReadOnlyList<Guid>> WriteAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < Milestones; i++)
        {
            await SendAsync(client, HttpMethod.Post, "/api/workstreams/milestones", new
            {
                titleNb = $"Milepæl {i + 1}: {Topic(i)}",
                titleEn = $"Milestone {i + 1}",
                date = today.AddDays((i * 14) - 180),
                descriptionNb = "Arbeidsgruppen legger fram det den har kommet fram til, og departementene gir innspill.",
                descriptionEn = "The working group presents what it has found, and the ministries give input.",
                published = true,
            }, cancellationToken);
        }

        var ministry = (await BenchmarkRequests.GetJsonAsync(client, "/api/ministries", cancellationToken)).AsArray()[0]!["id"]!.GetValue<Guid>();
        var facilitator = (await BenchmarkRequests.GetJsonAsync(client, "/api/ministries/people?role=Facilitator", cancellationToken)).AsArray()[0]!["id"]!.GetValue<Guid>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Meetings; i++)
        {
            var starts = new DateTimeOffset(now.Date, TimeSpan.Zero).AddDays((i * 7) - (Meetings * 7 / 2)).AddHours(8);
            var meeting = await SendAsync(client, HttpMethod.Post, "/api/meetings", new
            {
                kind = i % 3 == 0 ? "Workshop" : "Dialogue",
                title = $"Dialogmøte {i + 1}: {Topic(i)}",
                description = "Åpent møte om stortingsmeldingen om innovasjon i offentlig sektor. Referat og opptak publiseres her.",
                startsAt = starts,
                endsAt = starts.AddHours(2),
                place = "Akersgata 59, Oslo",
                organisingMinistryId = ministry,
                facilitatorIds = new[] { facilitator },
                published = true,
            }, cancellationToken);
            var id = meeting["id"]!.GetValue<Guid>();
            await SendAsync(client, HttpMethod.Post, $"/api/meetings/{id}/recordings", new { title = $"Opptak av dialogmøte {i + 1}", url = $"https://video.example.no/mote-{i + 1}" }, cancellationToken);
        }

        var rounds = new List<Guid>();
        for (var r = 0; r < Rounds; r++)
        {
            var round = await SendAsync(client, HttpMethod.Post, "/api/feedback/rounds", new
            {
                title = $"Innspillsrunde {r + 1}: {Topic(r)}",
                description = "Vi vil høre fra innbyggere, leverandører, forskere og organisasjoner.",
                audience = Audience,
                questions = Questions,
                opensAt = now.AddDays(-30),
                deadline = now.AddDays(30 + r),
                isPublic = true,
                retentionMonths = 36,
            }, cancellationToken);
            var roundId = round["id"]!.GetValue<Guid>();
            rounds.Add(roundId);
            for (var i = 0; i < PublishedInputPerRound; i++)
            {
                var item = await SendAsync(client, HttpMethod.Post, "/api/feedback/items", new
                {
                    roundId,
                    channel = "Email",
                    source = "E-post til postmottak",
                    contributorType = "Organisation",
                    organisationName = $"Leverandør {i + 1} AS",
                    contributorName = $"Innsender {i + 1}",
                    text = $"Innspill {i + 1} om {Topic(i)}: staten bør dele erfaringer fra forsøk på tvers av sektorer, og gi rom for å prøve og feile i anskaffelser.",
                    consentToPublish = true,
                    consentToPublishName = i % 3 == 0,
                }, cancellationToken);
                var itemId = item["id"]!.GetValue<Guid>();
                var assessed = await SendAsync(client, HttpMethod.Put, $"/api/feedback/items/{itemId}/assessment", new
                {
                    status = "Used",
                    assessment = "Tas med i arbeidet med kapittelet.",
                    published = true,
                    exempt = false,
                    version = item["version"]!.GetValue<long>(),
                }, cancellationToken);
                await SendAsync(client, HttpMethod.Put, $"/api/feedback/items/{itemId}/response", new
                {
                    summary = "Del erfaringer fra forsøk på tvers av sektorer.",
                    outcome = i % 4 == 0 ? "NotUsed" : "UsedInChapter",
                    chapter = i % 4 == 0 ? (int?)null : 1 + (i % 9),
                    text = i % 4 == 0 ? "Dette ligger utenfor meldingens mandat." : "Se kapittelet om samarbeid på tvers.",
                    published = true,
                }, cancellationToken);
                _ = assessed;
            }
        }

        return rounds;
    }

    private static string Topic(int i) => Topics[i % Topics.Length];

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        BenchmarkAuthentication.AddCoordinator(request);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is { } json
            ? json
            : throw new ScenarioFailedException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}
