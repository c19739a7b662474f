using Samordning.Shared.Text;

namespace Samordning.Workstreams.Overlaps;

// What the finder knows of one initiative: whose it is and its texts.
internal sealed record OverlapSource(Guid Id, Guid MinistryId, string MinistryCode, string Title, string? Description, IReadOnlyList<string> Tags);

// One likely overlap: the other initiative, how alike (cosine, 0–1) and why (what they share).
internal sealed record OverlapMatch(Guid Id, string Title, Guid MinistryId, string MinistryCode, double Score, IReadOnlyList<LocalizedText> Reasons);

// A TF-IDF index over the initiatives' words, tags and the character 4-grams of their words, scored by cosine.
// Title words weigh twice description words and tags three times; each feature's weight is multiplied by its
// inverse document frequency, so what most initiatives say ("digital", "tjeneste") counts little. An inverted
// index (feature → initiatives) means a query touches only the initiatives it shares something with. Not
// thread-safe: OverlapFinder guards it.
internal sealed class OverlapIndex
{
    private const double TitleWeight = 2;
    private const double DescriptionWeight = 1;
    private const double TagWeight = 3;

    // Grams are many per word; together they should count about as much as the word they come from.
    private const double GramWeight = 0.3;

    // A feature in more than this share of initiatives is too common to find candidates by (it still counts in
    // the lengths); skipping it keeps a query's work small at 50,000 initiatives.
    private const double CommonShare = 0.2;

    private readonly List<Entry?> entries = [];
    private readonly Dictionary<Guid, int> slots = [];
    private readonly Dictionary<string, List<Posting>> postings = new(StringComparer.Ordinal);
    private int dead;
    private int lengthsAtCount;

    public int Count => slots.Count;

    public void Upsert(OverlapSource source)
    {
        Remove(source.Id);
        var features = Features(source.Title, source.Description, source.Tags, out var words);
        var slot = entries.Count;
        var entry = new Entry(source, features, words);
        entries.Add(entry);
        slots[source.Id] = slot;
        foreach (var (feature, weight) in features)
        {
            if (!postings.TryGetValue(feature, out var list))
            {
                postings[feature] = list = [];
            }

            list.Add(new Posting(slot, (float)weight));
        }

        entry.Length = LengthOf(features);
    }

    public void Remove(Guid id)
    {
        if (!slots.Remove(id, out var slot))
        {
            return;
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
            entry?.Length = LengthOf(entry.Features);
        }

        lengthsAtCount = slots.Count;
    }

    public IEnumerable<OverlapSource> Sources => entries.Where(e => e is not null).Select(e => e!.Source);

    // The initiatives most like the given texts, strongest first, of other ministries than the given one.
    public IReadOnlyList<OverlapMatch> Find(string title, string? description, IReadOnlyList<string> tags, Guid? ministryId, Guid? excludeId, int limit, double minimumScore)
    {
        var features = Features(title, description, tags, out var words);
        return Find(features, words, ministryId, excludeId, limit, minimumScore);
    }

    public IReadOnlyList<OverlapMatch> FindFor(Guid id, int limit, double minimumScore) =>
        slots.TryGetValue(id, out var slot) && entries[slot] is { } entry
            ? Find(entry.Features, entry.Words, entry.Source.MinistryId, id, limit, minimumScore)
            : [];

    private List<OverlapMatch> Find(Dictionary<string, double> features, Dictionary<string, string> words, Guid? ministryId, Guid? excludeId, int limit, double minimumScore)
    {
        var queryLength = LengthOf(features);
        if (queryLength == 0 || slots.Count == 0)
        {
            return [];
        }

        // An array over the slots rather than a dictionary: at 50,000 initiatives a query adds up thousands of postings.
        var scores = new double[entries.Count];
        var touched = new List<int>();
        var common = Math.Max(50, entries.Count * CommonShare);
        foreach (var (feature, weight) in features)
        {
            if (!postings.TryGetValue(feature, out var list) || list.Count > common)
            {
                continue;
            }

            var idf = Idf(list.Count);
            var query = weight * idf;
            foreach (var posting in list)
            {
                if (scores[posting.Slot] == 0)
                {
                    touched.Add(posting.Slot);
                }

                scores[posting.Slot] += query * posting.Weight * idf;
            }
        }

        return touched
            .Select(slot => (Entry: entries[slot], Score: scores[slot]))
            .Where(s => s.Entry is not null && s.Entry.Source.Id != excludeId && s.Entry.Source.MinistryId != ministryId)
            .Select(s => (s.Entry, Score: s.Score / (queryLength * s.Entry!.Length)))
            .Where(s => s.Score >= minimumScore)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Entry!.Source.Id)
            .Take(limit)
            .Select(s => new OverlapMatch(
                s.Entry!.Source.Id, s.Entry.Source.Title, s.Entry.Source.MinistryId, s.Entry.Source.MinistryCode, Math.Round(s.Score, 3),
                OverlapReasons.Explain(features, words, s.Entry.Features, s.Entry.Words)))
            .ToList();
    }

    private double Idf(int documentFrequency) => Math.Log(1 + ((slots.Count + 1.0) / (documentFrequency + 0.5)));

    private double LengthOf(Dictionary<string, double> features)
    {
        var sum = 0.0;
        foreach (var (feature, weight) in features)
        {
            var idf = Idf(postings.TryGetValue(feature, out var list) ? list.Count : 0);
            sum += weight * idf * weight * idf;
        }

        return Math.Sqrt(sum);
    }

    private void Compact()
    {
        var live = entries.Where(e => e is not null).Select(e => e!.Source).ToList();
        entries.Clear();
        slots.Clear();
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

    private sealed class Entry(OverlapSource source, Dictionary<string, double> features, Dictionary<string, string> words)
    {
        public OverlapSource Source { get; } = source;
        public Dictionary<string, double> Features { get; } = features;
        public Dictionary<string, string> Words { get; } = words;
        public double Length { get; set; }
    }

    private readonly record struct Posting(int Slot, float Weight);
}
