using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// The register's search counts its hits only up to a cap (ListItems.SearchCap, at least one past the page asked for)
// and walks the register newest first (on SQLite checking each row against the index's candidates while they are not
// too many, past that testing each row's text; on PostgreSQL the newest rows first), or reads the index's candidates
// alone when they are few. For any items (texts
// holding the searched word, or it glued into a longer word, in capitals, split in two, or in the organisation; dates
// that tie; two rounds or none; statuses; ministries and exemption), any reader, round and status filter, searched
// word or piece of it, page, cap and thresholds of "few candidates", of the walk's set and of the newest rows tested first, the page is the plain query's page (the test over
// the items the reader may see, newest first, then Id), the total is the plain count up to the cap, and the answer
// says "at least" exactly when the plain count is past the cap. Each sample's word is new, so other rows never match.
public sealed class RegisterSearchCapProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AnyItemsFilterPageAndCap_PageIsThePlainPageAndTotalIsCountedUpToTheCap()
    {
        var ministries = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var itemSpec = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2], Gen.Bool);
        // Mostly a coordinator without filters, so the hits often pass a page and the cap.
        var query = Gen.Select(Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[1, 4])), Gen.Frequency((2, Gen.Const(2)), (1, Gen.Int[0, 1])), Gen.Frequency((2, Gen.Const(2)), (1, Gen.Int[0, 1])), Gen.Bool);
        // The threshold of "few candidates" and, on SQLite, of the walk's set of candidates (past it the walk tests
        // every row's text): 0 and 5 cross them with a few items, the product's values do not.
        // And how many of the newest rows per hit of the cap PostgreSQL tests first (0: none, so the index decides).
        var caps = Gen.Select(Gen.Frequency((4, Gen.Int[1, 3]), (1, Gen.Const(int.MaxValue))), Gen.Int[1, 250], Gen.OneOfConst(0, 5, 2_000), Gen.OneOfConst(0, 5, 20_000), Gen.OneOfConst(0, 1, 2, 20));
        var sample = Gen.Select(Gen.Frequency((1, itemSpec.Array[0, 20]), (3, itemSpec.Array[(2 * ListItems.PageSize) + 50, (3 * ListItems.PageSize) + 100])), query, caps);
        await sample.SampleAsync(async (specs, q, c) =>
        {
            var (reader, roundFilter, statusFilter, piece) = q;
            var (pageNumber, searchCap, fewCandidates, walkedCandidates, probedRows) = c;
            var word = string.Concat(Guid.NewGuid().ToString("N")[..14].Select(ch => (char)('a' + (ch % 26))));
            var searched = piece ? word[2..11] : word;
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var rounds = new[] { NewRound(), NewRound() };
            db.Rounds.AddRange(rounds);
            db.Items.AddRange(specs.Select((spec, n) =>
            {
                var (kind, day, round, received, ministry, exempt) = spec;
                return new FeedbackItem
                {
                    Reference = Samordning.Feedback.Submissions.References.New(), Source = "Egenskapstest", ReceivedAt = DateTimeOffset.UnixEpoch.AddDays(day),
                    RoundId = round < rounds.Length ? rounds[round].Id : null, Status = received ? FeedbackStatus.Received : FeedbackStatus.Used,
                    MinistryId = ministry < ministries.Length ? ministries[ministry] : null, Exempt = exempt,
                    Text = kind switch
                    {
                        0 => $"Innspill {n} om {word} og mer",
                        1 => word,
                        2 => $"Innspill {n} om {word.ToUpperInvariant()}",
                        3 => $"Innspill {n} om x{word}y",
                        4 => $"Innspill {n} om {word[..6]} {word[6..]}",
                        _ => $"Innspill {n} om noe annet",
                    },
                    OrganisationName = kind == 6 ? $"Forening for {word}" : null,
                };
            }));
            await db.SaveChangesAsync(Ct);
            var user = RegisterSearchProperties.Reader(reader, ministries[0]);
            var round = roundFilter < rounds.Length ? rounds[roundFilter].Id : (Guid?)null;
            var status = statusFilter switch { 0 => FeedbackStatus.Received, 1 => FeedbackStatus.Used, _ => (FeedbackStatus?)null };

            var found = await ListItems.ListAsync(db, user, new ItemFilter(round, status, null, null, null, $" {searched} ", pageNumber), new SearchLimits(searchCap, fewCandidates, walkedCandidates, probedRows), Ct);

            var reference = searched.ToUpperInvariant();
            var plain = db.Items.AsNoTracking().Visible(user)
                .Where(i => i.Reference == reference || (i.OrganisationName != null && i.OrganisationName.Contains(searched)) || (i.Text != null && i.Text.Contains(searched)))
                .Where(i => (round == null || i.RoundId == round) && (status == null || i.Status == status))
                .OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id);
            var page = Math.Clamp(pageNumber, 1, int.MaxValue / ListItems.PageSize);
            var cap = Math.Max(searchCap, ((long)page * ListItems.PageSize) + 1);
            var count = await plain.CountAsync(Ct);
            var expected = await plain.Skip((page - 1) * ListItems.PageSize).Take(ListItems.PageSize).Select(i => new { i.Id, i.Reference, i.ReceivedAt }).ToListAsync(Ct);
            Assert.Equal(Math.Min(count, cap), found.Total);
            Assert.Equal(count > cap, found.TotalIsAtLeast);
            Assert.Equal(page, found.Page);
            Assert.Equal(expected.Select(i => (i.Id, i.Reference, i.ReceivedAt)), found.Items.Select(i => (i.Id, i.Reference, i.ReceivedAt)));
        }, iter: 30, threads: 1);
    }

    private static InputRound NewRound() => new() { Title = "Egenskapstest", CreatedBy = "test" };
}
