using System.Net;
using System.Text.Json;
using CsCheck;
using Samordning.Meetings.Data;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host.Search;

// For any mix of input and meetings (ministries, exemption, consent, publication, participants, one-to-one or not),
// every actor of the authorization matrix finds exactly what the modules' own pages let them read, and a
// contributor's name only where the item's page shows it. The modules' read endpoints are the oracle.
public sealed class SearchScopeProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly string[] Actors =
    [
        People.Coordinator, People.ContactPersonFin, People.ContactPersonHod, People.ContactPersonKd, People.Observer, People.Facilitator, People.Administrator,
    ];

    private static readonly string?[] Ministries = ["FIN", "HOD", "KD", null];

    private static readonly Gen<InputSpec> Input = Gen.Select(Gen.OneOfConst(Ministries), Gen.Bool, Gen.Bool, Gen.Bool, (m, e, n, c) => new InputSpec(m, e, n, c));

    private static readonly Gen<MeetingSpec> Meeting = Gen.Select(
        Gen.OneOfConst("KMD", "FIN"), Gen.OneOfConst(MeetingKind.OneToOne, MeetingKind.Workshop, MeetingKind.Internal), Gen.Bool, Gen.OneOfConst<string?>(null, "FIN", "HOD"),
        (o, k, p, m) => new MeetingSpec(o, k, p, m));

    private readonly SearchData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AnyItemsAnyActor_ReturnsExactlyWhatTheActorMayRead()
    {
        await Gen.Select(Input.Array[0, 3], Meeting.Array[0, 2]).SampleAsync(
            async sample =>
            {
                var (inputs, meetings) = sample;
                var marker = SearchData.Marker();
                var items = new List<(Guid Id, string Detail, string? Surname)>();
                foreach (var input in inputs)
                {
                    var surname = input.Named ? SearchData.Marker() : null;
                    var id = await data.InputAsync($"Innspill {marker}", input.Ministry, input.Exempt, surname is null ? null : $"Kari {surname}", input.ConsentToName);
                    items.Add((id, $"/api/feedback/items/{id}", surname));
                }

                foreach (var meeting in meetings)
                {
                    var (id, decision) = await data.MeetingAsync($"Møte {marker}", meeting.Organiser, meeting.Kind, meeting.Published, decision: $"Vedtak {marker}", participantMinistry: meeting.Participant);
                    items.Add((id, $"/api/meetings/{id}", null));
                    items.Add((decision!.Value, $"/api/meetings/{id}", null));
                }

                foreach (var actor in Actors)
                {
                    var found = (await data.SearchAsync(actor, $"/api/search?q={marker}&pageSize=50")).Items.Select(i => i.Id).ToHashSet();
                    foreach (var (id, detail, surname) in items)
                    {
                        var readable = await data.StatusAsync(actor, detail) == HttpStatusCode.OK;
                        Assert.True(readable == found.Contains(id), $"{actor}: {detail} readable {readable}, found {found.Contains(id)}");
                        if (surname is not null)
                        {
                            var byName = (await data.SearchAsync(actor, surname)).Items.Select(i => i.Id);
                            var nameShown = readable && (await data.ReadAsync<JsonElement>(actor, detail)).GetProperty("contributorName").ValueKind == JsonValueKind.String;
                            Assert.True(nameShown == byName.Contains(id), $"{actor}: name of {detail} shown {nameShown}, found by name {byName.Contains(id)}");
                        }
                    }
                }
            },
            iter: 12,
            threads: 1,
            print: sample => $"inputs [{string.Join(", ", sample.Item1)}], meetings [{string.Join(", ", sample.Item2)}]");
    }

    internal sealed record InputSpec(string? Ministry, bool Exempt, bool Named, bool ConsentToName);

    internal sealed record MeetingSpec(string Organiser, MeetingKind Kind, bool Published, string? Participant);
}
