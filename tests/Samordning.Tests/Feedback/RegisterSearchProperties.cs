using System.Security.Claims;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Shared.Security;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Shared.Search;

namespace Samordning.Tests.Feedback;

// The register's search takes its candidates from the full-text index and checks each with the substring test it
// always made (the reference in capitals, or the organisation or the text holding the searched text as it is).
// For any texts and any piece of one of them, or a reference in any case, the candidates hold every item the test
// alone finds, and the search finds exactly those: the plain test over the items is the oracle, on the provider the
// tests run on. Each sample's items are fresh; only they are compared, so other tests' rows do not matter.
public sealed class RegisterSearchProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly ClaimsPrincipal Coordinator = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Coordinator)], "test"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AnyPieceOfAnyText_CandidatesHoldEveryMatchAndTheSearchIsTheSubstringTest()
    {
        var sample = Gen.Select(RegisterTexts.Text.Array[1, 5], RegisterTexts.Text.Null().Array[1, 5], Gen.Int[0, 4], Gen.Int[0, 1_000], Gen.Int[1, 30], Gen.Int[0, 9]);
        await sample.SampleAsync(async (texts, organisations, which, start, length, how) =>
        {
            var items = texts.Select((text, n) => new FeedbackItem
            {
                Reference = NewReference(), Source = "Egenskapstest", Text = text, OrganisationName = organisations[n % organisations.Length], ReceivedAt = DateTimeOffset.UnixEpoch.AddDays(n),
            }).ToList();
            var source = items[which % items.Count];
            var searched = how switch
            {
                0 => source.Reference.ToLowerInvariant(),
                1 when source.OrganisationName is { Length: > 0 } organisation => organisation,
                _ => Piece(source.Text!, start, length),
            };
            if (searched.Trim().Length == 0)
            {
                return;
            }

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.Items.AddRange(items);
            await db.SaveChangesAsync(Ct);
            var ids = items.Select(i => i.Id).ToList();

            var expected = await Oracle(db, searched).Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(Ct);
            var candidates = await ListItems.Candidates(db, searched).Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(Ct);
            var found = await ListItems.Matching(db, Coordinator, new ItemFilter(null, null, null, null, null, searched))
                .Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(Ct);

            Assert.Contains(source.Id, expected);
            Assert.Empty(expected.Except(candidates));
            Assert.Equal(expected.Order(), found.Order());
        }, iter: 60, threads: 1);
    }

    [Fact]
    public async Task Search_EndOfATextPastTheSuffixLimit_Found()
    {
        var text = RegisterTexts.LongerThanTheSuffixLimit;
        var item = new FeedbackItem { Reference = NewReference(), Source = "Egenskapstest", Text = text };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        db.Items.Add(item);
        await db.SaveChangesAsync(Ct);

        var found = await ListItems.Matching(db, Coordinator, new ItemFilter(null, null, null, null, null, text[^12..])).Select(i => i.Id).ToListAsync(Ct);

        Assert.Contains(item.Id, found);
    }

    // The searched register reads the ids of every hit in one pass and the page's rows by id (ListItems.ListAsync).
    // For any items (some holding the searched word, some only in other letters' case, which the index finds but the
    // test does not keep; dates that tie, so the id decides), any reader (coordinator, contact person, observer, both,
    // someone without a role) and any page (past the end too), the page and the total are those of the plain query:
    // the test over the items the reader may see, counted, ordered newest first and cut to the page.
    [Fact]
    public async Task Search_AnyItemsReaderAndPage_PageAndTotalAreThoseOfThePlainQuery()
    {
        var ministries = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var itemSpec = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2]);
        var sample = Gen.Select(itemSpec.Array[0, 2 * ListItems.PageSize + 30], Gen.Int[0, 4], Gen.Frequency((9, Gen.Int[1, 4]), (1, Gen.Const(int.MaxValue))));
        await sample.SampleAsync(async (specs, reader, pageNumber) =>
        {
            var word = "sidetest" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));
            var items = specs.Select((spec, n) =>
            {
                var (kind, day, ministry, exempt, workstreams) = spec;
                var item = new FeedbackItem
                {
                    Reference = NewReference(), Source = "Egenskapstest", ReceivedAt = DateTimeOffset.UnixEpoch.AddDays(day),
                    MinistryId = ministry < ministries.Length ? ministries[ministry] : null, Exempt = exempt,
                    Text = kind switch
                    {
                        0 or 1 => $"Innspill {n} om {word} og mer",
                        2 => $"Innspill {n} om {word.ToUpperInvariant()}",
                        _ => $"Innspill {n} om noe annet",
                    },
                    OrganisationName = kind == 3 ? $"Forening for {word}" : null,
                };
                item.Workstreams.AddRange(Enumerable.Range(0, workstreams).Select(_ => new FeedbackWorkstream { WorkstreamId = Guid.NewGuid() }));
                return item;
            }).ToList();
            var user = Reader(reader, ministries[0]);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.Items.AddRange(items);
            await db.SaveChangesAsync(Ct);

            var found = await ListItems.ListAsync(db, user, new ItemFilter(null, null, null, null, null, $" {word} ", pageNumber), Ct);

            var plain = Oracle(db, word).AsNoTracking().Visible(user).OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id);
            var page = Math.Clamp(pageNumber, 1, int.MaxValue / ListItems.PageSize);
            var expected = await plain.Skip((page - 1) * ListItems.PageSize).Take(ListItems.PageSize)
                .Select(i => new { i.Id, i.Reference, i.ReceivedAt, i.Exempt, Workstreams = i.Workstreams.Select(w => w.WorkstreamId).ToList() }).ToListAsync(Ct);
            Assert.Equal(await plain.CountAsync(Ct), found.Total);
            Assert.Equal(page, found.Page);
            Assert.Equal(expected.Select(i => i.Id), found.Items.Select(i => i.Id));
            Assert.Equal(expected.Select(i => (i.Reference, i.ReceivedAt, i.Exempt)), found.Items.Select(i => (i.Reference, i.ReceivedAt, i.Exempt)));
            Assert.Equal(expected.Select(i => string.Join(",", i.Workstreams.Order())), found.Items.Select(i => string.Join(",", i.WorkstreamIds.Order())));
        }, iter: 12, threads: 1);
    }

    // The register's test, as it was before the index (ListItems.Apply).
    private static IQueryable<FeedbackItem> Oracle(FeedbackDbContext db, string searched)
    {
        var search = searched.Trim();
        var reference = search.ToUpperInvariant();
        return db.Items.Where(i => i.Reference == reference
            || (i.OrganisationName != null && i.OrganisationName.Contains(search))
            || (i.Text != null && i.Text.Contains(search)));
    }

    private static string Piece(string text, int start, int length)
    {
        var from = start % text.Length;
        return text.Substring(from, Math.Min(length, text.Length - from));
    }

    // 0 coordinator, 1 contact person of the first ministry, 2 observer, 3 both, 4 a person without a role.
    internal static ClaimsPrincipal Reader(int which, Guid ministry)
    {
        var claims = new List<Claim>();
        claims.AddRange(which switch
        {
            0 => [new Claim(ClaimTypes.Role, Roles.Coordinator)],
            1 => [new Claim(ClaimTypes.Role, Roles.ContactPerson)],
            2 => [new Claim(ClaimTypes.Role, Roles.Observer)],
            3 => [new Claim(ClaimTypes.Role, Roles.ContactPerson), new Claim(ClaimTypes.Role, Roles.Observer)],
            _ => [],
        });
        claims.Add(new Claim(SamordningClaims.MinistryId, ministry.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static string NewReference() => Samordning.Feedback.Submissions.References.New();
}
