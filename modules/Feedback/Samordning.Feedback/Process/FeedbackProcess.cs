using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Shared.Overview;
using Samordning.Shared.Process;
using Samordning.Shared.Text;

namespace Samordning.Feedback.Process;

// The module's part of the public process page: public input rounds once they have opened (open or closed, with a
// link to their published input). Rounds by invitation and rounds not yet open are not shown, as on /innspill.
internal sealed class FeedbackProcess(FeedbackDbContext db) : IProcessSource
{
    public async Task<IReadOnlyList<ProcessEvent>> GetPublicEventsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.IsPublic && r.OpensAt <= now)
            .Select(r => new { r.Id, r.Title, r.Description, r.OpensAt, r.Deadline })
            .ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var published = (await db.Items.AsNoTracking().PubliclyVisible()
                .Where(i => i.RoundId != null && ids.Contains(i.RoundId.Value))
                .Select(i => i.RoundId!.Value)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.Published)
            .Join(db.Items.Where(i => !i.Exempt), r => r.Id, i => i.Id, (r, i) => new { Response = r, Item = i })
            .ToListAsync(cancellationToken);

        return [.. responses.Select(x => new ProcessEvent(
                $"response:{x.Item.Id}",
                ProcessEventKind.Response,
                new LocalizedText($"Svar på innspill {x.Item.Reference}", $"Response to input {x.Item.Reference}"),
                x.Response.PublishedAt ?? x.Response.UpdatedAt,
                null,
                null,
                Said(x.Response),
                RespondToItem.PublicHref(x.Item),
                [],
                x.Response.UpdatedAt)),
            .. rounds.Select(r =>
        {
            // The round's own rule (RoundDetails.IsOpenAt): the deadline's second is the last one open.
            var open = now - r.Deadline < TimeSpan.FromSeconds(1);
            return new ProcessEvent(
                $"input-round:{r.Id}",
                ProcessEventKind.InputRound,
                new LocalizedText(r.Title, r.Title) { Nn = r.Title },
                r.OpensAt,
                r.Deadline,
                null,
                r.Description is null ? null : new LocalizedText(r.Description, r.Description) { Nn = r.Description },
                $"/innspill/{r.Id}",
                published.Contains(r.Id) ? [new OverviewLink($"/innspill/{r.Id}/mottatt", new("Publiserte innspill", "Published input"))] : [],
                // What the public sees changes when the round opens and when it closes.
                open ? r.OpensAt : r.Deadline,
                open ? new("Åpen for innspill", "Open for input") : new("Avsluttet", "Closed"));
        })];
    }

    // "You said: … We did: …": KMD's own words in each language's frame.
    private static LocalizedText Said(FeedbackResponse response)
    {
        var did = ResponseTexts.Outcome(response);
        var said = new LocalizedText("Du sa:", "You said:");
        var we = new LocalizedText("Vi gjorde:", "We did:");
        var nn = System.Globalization.CultureInfo.GetCultureInfo("nn-NO");
        return new LocalizedText(
            string.Concat(said.Nb, " ", response.Summary, "\n", we.Nb, " ", did.Nb),
            string.Concat(said.En, " ", response.Summary, "\n", we.En, " ", did.En))
        {
            Nn = string.Concat(said.In(nn), " ", response.Summary, "\n", we.In(nn), " ", did.In(nn)),
        };
    }
}
