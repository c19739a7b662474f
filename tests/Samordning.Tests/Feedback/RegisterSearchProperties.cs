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

    private static string NewReference() => Samordning.Feedback.Submissions.References.New();
}
