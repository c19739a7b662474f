using Samordning.Shared.Text;

namespace Samordning.Workstreams.Overlaps;

// Why two initiatives look alike, in words a person can check: the tags they share, the words they share (as the
// other initiative writes them), and compound words that share their parts ("barnehageplasser ≈ barnehage").
internal static class OverlapReasons
{
    private const int MostWords = 5;

    public static IReadOnlyList<LocalizedText> Explain(
        Dictionary<string, double> query, Dictionary<string, string> queryWords, Dictionary<string, double> other, Dictionary<string, string> otherWords)
    {
        var reasons = new List<LocalizedText>();
        var tags = Shared(query, other, "t:").Select(t => otherWords.GetValueOrDefault("#" + t, t)).Take(MostWords).ToList();
        if (tags.Count > 0)
        {
            var list = string.Join(", ", tags);
            reasons.Add(new LocalizedText($"Felles emneord: {list}", $"Shared tags: {list}"));
        }

        var shared = Shared(query, other, "w:").ToHashSet(StringComparer.Ordinal);
        var words = shared.OrderByDescending(s => query[$"w:{s}"] * other[$"w:{s}"]).ThenBy(s => s, StringComparer.Ordinal)
            .Select(s => otherWords.GetValueOrDefault(s, s)).Take(MostWords).ToList();
        if (words.Count > 0)
        {
            var list = string.Join(", ", words);
            reasons.Add(new LocalizedText($"Felles ord: {list}", $"Shared words: {list}"));
        }

        var compounds = Compounds(queryWords, otherWords, shared).Take(3).ToList();
        if (compounds.Count > 0)
        {
            var list = string.Join(", ", compounds);
            reasons.Add(new LocalizedText($"Beslektede sammensatte ord: {list}", $"Related compound words: {list}"));
        }

        return reasons;
    }

    private static IEnumerable<string> Shared(Dictionary<string, double> query, Dictionary<string, double> other, string prefix) =>
        query.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && other.ContainsKey(k)).Select(k => k[prefix.Length..])
            .Order(StringComparer.Ordinal);

    // Pairs of words not shared as such where one contains the other's stem (a part of a compound), or where most
    // of the shorter one's grams are in the longer one.
    private static IEnumerable<string> Compounds(Dictionary<string, string> queryWords, Dictionary<string, string> otherWords, HashSet<string> shared)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (queryStem, queryWord) in queryWords.Where(w => !w.Key.StartsWith('#') && !shared.Contains(w.Key)))
        {
            foreach (var (otherStem, otherWord) in otherWords.Where(w => !w.Key.StartsWith('#') && !shared.Contains(w.Key)))
            {
                var (shorter, longer) = queryStem.Length <= otherStem.Length ? (queryStem, otherStem) : (otherStem, queryStem);
                if (shorter.Length >= 5 && longer.Length > shorter.Length && longer.Contains(shorter, StringComparison.Ordinal)
                    && seen.Add($"{queryWord}|{otherWord}"))
                {
                    yield return $"{queryWord} ≈ {otherWord}";
                }
            }
        }
    }
}
