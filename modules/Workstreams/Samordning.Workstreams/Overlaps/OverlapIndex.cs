using System.Buffers;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Overlaps;

// What the finder knows of one initiative: whose it is and its texts.
internal sealed record OverlapSource(Guid Id, Guid MinistryId, string MinistryCode, string Title, string? Description, IReadOnlyList<string> Tags);

// One likely overlap: the other initiative, how alike (cosine, 0–1) and why (what they share).
internal sealed record OverlapMatch(Guid Id, string Title, Guid MinistryId, string MinistryCode, double Score, IReadOnlyList<LocalizedText> Reasons);

// A likely pair found by the index, without its reasons (made only for the pairs a reader is shown). First is the lesser id.
internal readonly record struct OverlapHit(Guid FirstId, Guid SecondId, Guid FirstMinistryId, Guid SecondMinistryId, double Score);

// A TF-IDF index over the initiatives' words, tags and the character 4-grams of their words, scored by cosine.
// Title words weigh twice description words and tags three times; each feature's weight is multiplied by its
// inverse document frequency, so what most initiatives say ("digital", "tjeneste") counts little.
// A lookup does not score every initiative that shares a feature with the query (at 50,000 initiatives with a
// small vocabulary that is most of them): it reads the postings of the query's rarest features first, adding up
// their part of the score, until it has read PostingBudget postings; the best-placed of those initiatives by that
// partial score are then scored in full (the exact cosine over every feature, the very common ones included).
// What it can miss is an initiative that shares only the query's common features, which says little anyway.
// Not thread-safe for writes: OverlapFinder lets many read or one write.
internal sealed class OverlapIndex
{
    // How many postings one lookup reads before it stops taking more features, and how many of the initiatives
    // found that way it scores in full; the pair list (every initiative's own lookup) reads fewer of each.
    // A lookup's budget is large (reading 250,000 postings into an array takes about a millisecond): with a small
    // vocabulary the partial sums of only the rarest few features favour short initiatives that share one word
    // (at 50,000 initiatives, a budget of 30,000 found nothing for "Brukerreise for foreldrepenger og
    // kontantstøtte", where the full scores find the initiatives that share both words above the threshold).
    public const int PostingBudget = 250_000;
    public const int Scored = 64;
    public const int PairPostingBudget = 6_000;
    public const int PairScored = 16;

    private const double TitleWeight = 2;
    private const double DescriptionWeight = 1;
    private const double TagWeight = 3;

    // Grams are many per word; together they should count about as much as the word they come from.
    private const double GramWeight = 0.3;

    // A feature in more than this share of initiatives is too common to find candidates by, unless it is the
    // query's rarest (it still counts in the full score and in the lengths).
    private const double CommonShare = 0.2;

    // The per-lookup sums, one per initiative: a pool of this index's own, since it relies on every array coming
    // back all zero (each lookup clears what it touched), which the shared pool does not promise (others return
    // arrays as they used them).
    private static readonly ArrayPool<float> Sums = ArrayPool<float>.Create(1 << 24, 32);

    private readonly List<Entry?> entries = [];
    private readonly Dictionary<Guid, int> slots = [];
    private readonly Dictionary<string, int> featureIds = new(StringComparer.Ordinal);
    private readonly List<Postings> postings = [];
    private int dead;
    private int lengthsAtCount;

    public int Count => slots.Count;

    public IEnumerable<OverlapSource> Sources => entries.Where(e => e is not null).Select(e => e!.Source);

    public void Upsert(OverlapSource source)
    {
        Remove(source.Id);
        var features = Features(source.Title, source.Description, source.Tags, out _);
        var ids = new int[features.Count];
        var weights = new float[features.Count];
        var n = 0;
        foreach (var (feature, weight) in features)
        {
            if (!featureIds.TryGetValue(feature, out var id))
            {
                id = postings.Count;
                featureIds[feature] = id;
                postings.Add(new Postings());
            }

            ids[n] = id;
            weights[n++] = (float)weight;
        }

        // Sorted by feature, so a full score is one merge of two sorted arrays.
        Array.Sort(ids, weights);
        var slot = entries.Count;
        var entry = new Entry(source, ids, weights);
        entries.Add(entry);
        slots[source.Id] = slot;
        for (var i = 0; i < ids.Length; i++)
        {
            postings[ids[i]].Add(slot, weights[i]);
        }

        entry.Length = LengthOf(ids, weights);
    }

    public void Remove(Guid id)
    {
        if (!slots.Remove(id, out var slot))
        {
            return;
        }

        foreach (var feature in entries[slot]!.Features)
        {
            postings[feature].Live--;
        }

        entries[slot] = null;
        dead++;

        // Dead postings are skipped at query time; once they are many, build the lists again without them.
        if (dead > 1000 && dead > entries.Count / 4)
        {
            Compact();
        }
    }

    public bool Contains(Guid id) => slots.ContainsKey(id);


    public OverlapSource? Source(Guid id) => slots.TryGetValue(id, out var slot) ? entries[slot]!.Source : null;

    // An initiative's length is computed with the frequencies of when it was added; once the index has grown or
    // shrunk by a tenth since all lengths were last computed, compute them again, so early ones are not favoured.
    public void Settle()
    {
        if (Math.Abs(slots.Count - lengthsAtCount) * 10 <= slots.Count)
        {
            return;
        }

        foreach (var entry in entries)
        {
            entry?.Length = LengthOf(entry.Features, entry.Weights);
        }

        lengthsAtCount = slots.Count;
    }

    // The initiatives most like the given texts, strongest first, of other ministries than the given one.
    public IReadOnlyList<OverlapMatch> Find(string title, string? description, IReadOnlyList<string> tags, Guid? ministryId, Guid? excludeId, int limit, double minimumScore)
    {
        var features = Features(title, description, tags, out var words);
        var query = new List<(int Id, double Weight)>(features.Count);
        var sum = 0.0;
        foreach (var (feature, weight) in features)
        {
            var known = featureIds.TryGetValue(feature, out var id);
            var weighted = weight * Idf(known ? postings[id].Live : 0);
            sum += weighted * weighted;
            if (known)
            {
                query.Add((id, weighted));
            }
        }

        query.Sort((a, b) => a.Id.CompareTo(b.Id));
        var found = Search([.. query.Select(q => q.Id)], [.. query.Select(q => q.Weight)], Math.Sqrt(sum), ministryId, excludeId, limit, minimumScore, PostingBudget, Scored);
        return Describe(found, features, words);
    }

    public IReadOnlyList<OverlapMatch> FindFor(Guid id, int limit, double minimumScore)
    {
        var found = SearchFor(id, limit, minimumScore, PostingBudget, Scored);
        if (found.Count == 0)
        {
            return [];
        }

        var source = entries[slots[id]]!.Source;
        var features = Features(source.Title, source.Description, source.Tags, out var words);
        return Describe(found, features, words);
    }

    // Each of the given initiatives' likely overlaps (its own lookup, with the smaller pair budget), each pair once.
    public void PairsFor(IEnumerable<Guid> ids, int perInitiative, double minimumScore, Dictionary<(Guid, Guid), OverlapHit> into)
    {
        foreach (var id in ids)
        {
            if (!slots.TryGetValue(id, out var slot))
            {
                continue;
            }

            var source = entries[slot]!.Source;
            foreach (var (other, score) in SearchFor(id, perInitiative, minimumScore, PairPostingBudget, PairScored))
            {
                var match = entries[other]!.Source;
                var hit = source.Id.CompareTo(match.Id) < 0
                    ? new OverlapHit(source.Id, match.Id, source.MinistryId, match.MinistryId, score)
                    : new OverlapHit(match.Id, source.Id, match.MinistryId, source.MinistryId, score);
                if (!into.TryGetValue((hit.FirstId, hit.SecondId), out var known) || known.Score < score)
                {
                    into[(hit.FirstId, hit.SecondId)] = hit;
                }
            }
        }
    }

    // The two sides of a pair with why they are alike, or null when either is no longer in the index.
    public OverlapPair? Describe(OverlapHit hit)
    {
        if (Source(hit.FirstId) is not { } first || Source(hit.SecondId) is not { } second)
        {
            return null;
        }

        var features = Features(first.Title, first.Description, first.Tags, out var words);
        var otherFeatures = Features(second.Title, second.Description, second.Tags, out var otherWords);
        return new OverlapPair(Side(first), Side(second), hit.Score, OverlapReasons.Explain(features, words, otherFeatures, otherWords));
    }

    // The slots a lookup would score in full for the given texts (its candidates): for tests of how candidates are chosen.
    public IReadOnlyList<Guid> CandidatesFor(string title, int budget, int scored)
    {
        var features = Features(title, null, [], out _);
        var query = features.Where(f => featureIds.ContainsKey(f.Key)).Select(f => (Id: featureIds[f.Key], Weight: f.Value * Idf(postings[featureIds[f.Key]].Live)))
            .OrderBy(q => q.Id).ToList();
        var candidates = Candidates([.. query.Select(q => q.Id)], [.. query.Select(q => q.Weight)], null, null, budget, scored);
        return [.. candidates.Select(slot => entries[slot]!.Source.Id)];
    }

    private static OverlapSide Side(OverlapSource source) => new(source.Id, source.Title, source.MinistryId, source.MinistryCode);

    private List<OverlapMatch> Describe(List<(int Slot, double Score)> found, Dictionary<string, double> features, Dictionary<string, string> words) =>
        found.Select(f =>
            {
                var other = entries[f.Slot]!.Source;
                var otherFeatures = Features(other.Title, other.Description, other.Tags, out var otherWords);
                return new OverlapMatch(other.Id, other.Title, other.MinistryId, other.MinistryCode, Math.Round(f.Score, 3),
                    OverlapReasons.Explain(features, words, otherFeatures, otherWords));
            })
            .ToList();

    private List<(int Slot, double Score)> SearchFor(Guid id, int limit, double minimumScore, int budget, int scored)
    {
        if (!slots.TryGetValue(id, out var slot))
        {
            return [];
        }

        var entry = entries[slot]!;
        var weights = new double[entry.Features.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = entry.Weights[i] * Idf(postings[entry.Features[i]].Live);
            sum += weights[i] * weights[i];
        }

        return Search(entry.Features, weights, Math.Sqrt(sum), entry.Source.MinistryId, id, limit, minimumScore, budget, scored);
    }

    // Query features sorted by id, each weighted by its idf; the matches (slot, cosine) strongest first, ties by id.
    private List<(int Slot, double Score)> Search(
        int[] query, double[] weights, double queryLength, Guid? ministryId, Guid? excludeId, int limit, double minimumScore, int budget, int scored)
    {
        if (queryLength == 0 || slots.Count == 0)
        {
            return [];
        }

        var found = new List<(int Slot, double Score)>();
        foreach (var slot in Candidates(query, weights, ministryId, excludeId, budget, scored))
        {
            var entry = entries[slot]!;
            var score = Dot(query, weights, entry) / (queryLength * entry.Length);
            if (score >= minimumScore)
            {
                found.Add((slot, score));
            }
        }

        return found.OrderByDescending(f => f.Score).ThenBy(f => entries[f.Slot]!.Source.Id).Take(limit).ToList();
    }

    // The rarest features' postings first, each adding its part of the score, until the budget is read; then the
    // best by that partial score (divided by their length, as the cosine is) among the live initiatives of other
    // ministries. The rarest feature is always read, however common, so a query of common words still finds some.
    private List<int> Candidates(int[] query, double[] weights, Guid? ministryId, Guid? excludeId, int budget, int scored)
    {
        var order = Enumerable.Range(0, query.Length).Where(i => postings[query[i]].Live > 0).OrderBy(i => postings[query[i]].Live).ToArray();
        var common = Math.Max(50, slots.Count * CommonShare);
        var sums = Sums.Rent(entries.Count);
        var touched = ArrayPool<int>.Shared.Rent(entries.Count);
        var count = 0;
        try
        {
            var read = 0;
            foreach (var i in order)
            {
                var list = postings[query[i]];
                if (read > 0 && (list.Live > common || read + list.Count > budget))
                {
                    break;
                }

                var factor = (float)(weights[i] * Idf(list.Live));
                for (var p = 0; p < list.Count; p++)
                {
                    var slot = list.Slots[p];
                    if (sums[slot] == 0)
                    {
                        touched[count++] = slot;
                    }

                    sums[slot] += factor * list.Weights[p];
                }

                read += list.Count;
            }

            var best = new PriorityQueue<int, double>(scored + 1);
            for (var t = 0; t < count; t++)
            {
                var slot = touched[t];
                if (entries[slot] is not { } entry || entry.Source.MinistryId == ministryId || entry.Source.Id == excludeId)
                {
                    continue;
                }

                var partial = sums[slot] / entry.Length;
                if (best.Count < scored)
                {
                    best.Enqueue(slot, partial);
                }
                else if (best.TryPeek(out _, out var least) && partial > least)
                {
                    best.EnqueueDequeue(slot, partial);
                }
            }

            return [.. best.UnorderedItems.Select(b => b.Element)];
        }
        finally
        {
            for (var t = 0; t < count; t++)
            {
                sums[touched[t]] = 0;
            }

            Sums.Return(sums);
            ArrayPool<int>.Shared.Return(touched);
        }
    }

    // The full dot product of the query with an initiative: one merge of the two sorted feature arrays.
    private double Dot(int[] query, double[] weights, Entry entry)
    {
        var sum = 0.0;
        int q = 0, e = 0;
        var features = entry.Features;
        while (q < query.Length && e < features.Length)
        {
            if (query[q] == features[e])
            {
                sum += weights[q] * entry.Weights[e] * Idf(postings[query[q]].Live);
                q++;
                e++;
            }
            else if (query[q] < features[e])
            {
                q++;
            }
            else
            {
                e++;
            }
        }

        return sum;
    }

    private double Idf(int documentFrequency) => Math.Log(1 + ((slots.Count + 1.0) / (documentFrequency + 0.5)));

    private double LengthOf(int[] features, float[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            var weighted = weights[i] * Idf(postings[features[i]].Live);
            sum += weighted * weighted;
        }

        return Math.Sqrt(sum);
    }

    private void Compact()
    {
        var live = entries.Where(e => e is not null).Select(e => e!.Source).ToList();
        entries.Clear();
        slots.Clear();
        featureIds.Clear();
        postings.Clear();
        dead = 0;
        foreach (var source in live)
        {
            Upsert(source);
        }
    }

    // Feature → weight: "w:" word stems, "t:" tags, "g:" grams. Words maps each stem to a word as written, for reasons.
    public static Dictionary<string, double> Features(string title, string? description, IReadOnlyList<string> tags, out Dictionary<string, string> words)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string feature, double weight) => counts[feature] = counts.GetValueOrDefault(feature) + weight;
        void AddWords(string? text, double weight)
        {
            foreach (var (word, stem) in OverlapText.Words(text))
            {
                written.TryAdd(stem, word);
                Add("w:" + stem, weight);
                foreach (var gram in OverlapText.Grams(stem))
                {
                    Add("g:" + gram, weight * GramWeight);
                }
            }
        }

        AddWords(title, TitleWeight);
        AddWords(description, DescriptionWeight);
        foreach (var tag in tags)
        {
            var normal = string.Join(' ', OverlapText.Words(tag).Select(w => w.Stem));
            if (normal.Length > 0)
            {
                written.TryAdd("#" + normal, tag.Trim());
                Add("t:" + normal, TagWeight);
            }
        }

        // Sublinear: a word said five times is not five times the evidence.
        words = written;
        return counts.ToDictionary(c => c.Key, c => c.Value <= 1 ? c.Value : 1 + Math.Log(c.Value), StringComparer.Ordinal);
    }

    private sealed class Entry(OverlapSource source, int[] features, float[] weights)
    {
        public OverlapSource Source { get; } = source;
        public int[] Features { get; } = features;
        public float[] Weights { get; } = weights;
        public double Length { get; set; }
    }

    // One feature's initiatives (dead ones included until the next compaction) and how many of them are live.
    private sealed class Postings
    {
        public int[] Slots { get; private set; } = new int[4];
        public float[] Weights { get; private set; } = new float[4];
        public int Count { get; private set; }
        public int Live { get; set; }

        public void Add(int slot, float weight)
        {
            if (Count == Slots.Length)
            {
                var slots = Slots;
                var weights = Weights;
                Array.Resize(ref slots, Count * 2);
                Array.Resize(ref weights, Count * 2);
                (Slots, Weights) = (slots, weights);
            }

            Slots[Count] = slot;
            Weights[Count++] = weight;
            Live++;
        }
    }
}
