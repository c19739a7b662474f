using CsCheck;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Tests.Workstreams.Overlaps;

// How a lookup chooses what to score in full (OverlapIndex.Candidates): the query's rarest features first, within a
// budget of postings. Among thousands of initiatives made of the same few common words (the benchmark volume's
// vocabulary), two that share one rare word must still find each other, whatever that word is.
public sealed class OverlapCandidateTests
{
    private const int CrowdSize = 4_000;

    private static readonly string[] Openings =
    [
        "Digital søknad om", "Sammenhengende tjeneste for", "Forsøk med", "Felles løsning for", "Brukerreise for",
        "Innovativ anskaffelse av", "Datadeling om", "Automatisert behandling av", "Kompetanseprogram for", "Pilot for",
    ];

    private static readonly string[] Subjects =
    [
        "bostøtte", "barnehageplass", "byggesak", "foreldrepenger", "helsetjenester i hjemmet", "tolltjenester", "skolefritidsordning",
        "arbeidsinnvandring", "kulturtilskudd", "fiskerikvoter", "energimerking", "kollektivtransport", "jordbruksavtalen", "beredskap",
    ];

    private static readonly string[] Tags = ["digitalisering", "kompetanse", "klima", "tjenestedesign", "regelverk"];

    private static readonly Guid[] Ministries = [.. Enumerable.Range(0, 12).Select(_ => Guid.NewGuid())];

    // One per test; the samples of the property share it, each adding its pair and taking it out again.
    private static OverlapIndex Crowd()
    {
        var index = new OverlapIndex();
        var random = new Random(17);
        for (var n = 0; n < CrowdSize; n++)
        {
            var ministry = Ministries[random.Next(Ministries.Length)];
            index.Upsert(new OverlapSource(Guid.NewGuid(), ministry, "M" + n % 12, $"{Openings[random.Next(Openings.Length)]} {Subjects[random.Next(Subjects.Length)]}",
                null, [.. Tags.Where(_ => random.Next(4) == 0)]));
        }

        index.Settle();
        return index;
    }

    [Fact]
    public void Find_RareWordSharedAmongThousandsSharingCommonWords_FindsThePair()
    {
        var index = Crowd();
        var (first, second) = Pair("sjøfuglbestand", "Digital søknad om bostøtte", "Pilot for bostøtte");
        try
        {
            index.Upsert(first);
            index.Upsert(second);

            var found = index.Find("Digital søknad om bostøtte og sjøfuglbestand", null, ["digitalisering", "sjøfuglbestand"], first.MinistryId, first.Id, OverlapFinder.SuggestionLimit, OverlapFinder.MinimumScore);

            Assert.Equal(second.Id, found[0].Id);
            Assert.Contains(found[0].Reasons, r => r.Nb.Contains("sjøfuglbestand", StringComparison.Ordinal));
        }
        finally
        {
            index.Remove(first.Id);
            index.Remove(second.Id);
        }
    }

    // With a budget far smaller than the common words' postings: the rare word's are read first, so the other of
    // the pair is among the few scored in full; and with the default budget each finds the other first.
    [Fact]
    public void CandidatesAndFindFor_AnyRareWordSharedInTheCrowd_EachFindsTheOther()
    {
        var index = Crowd();
        Gen.Select(Gen.Char['a', 'z'].Array[7, 14], Gen.Int[0, Openings.Length - 1], Gen.Int[0, Subjects.Length - 1], Gen.Int[0, Subjects.Length - 1])
            .Sample((letters, opening, one, other) =>
            {
                // A word the crowd does not have (a "zx" start no Norwegian word here has), in otherwise common titles.
                var word = "zx" + new string(letters);
                var (first, second) = Pair(word, $"{Openings[opening]} {Subjects[one]}", $"{Openings[(opening + 1) % Openings.Length]} {Subjects[other]}");
                index.Upsert(first);
                index.Upsert(second);
                try
                {
                    Assert.Contains(second.Id, index.CandidatesFor(first.Title, 2_000, 16));
                    Assert.Equal(second.Id, index.FindFor(first.Id, OverlapFinder.SuggestionLimit, OverlapFinder.MinimumScore)[0].Id);
                    Assert.Equal(first.Id, index.FindFor(second.Id, OverlapFinder.SuggestionLimit, OverlapFinder.MinimumScore)[0].Id);
                }
                finally
                {
                    index.Remove(first.Id);
                    index.Remove(second.Id);
                }
            }, iter: 40, threads: 1);
    }

    [Fact]
    public void CandidatesFor_CommonWordsOnly_NoMoreThanTheScoredBudget()
    {
        var candidates = Crowd().CandidatesFor("Digital søknad om bostøtte", OverlapIndex.PostingBudget, OverlapIndex.Scored);

        Assert.InRange(candidates.Count, 1, OverlapIndex.Scored);
    }

    // Two initiatives of different ministries about the same rare thing: in the title and as a tag, as people write.
    private static (OverlapSource First, OverlapSource Second) Pair(string word, string firstTitle, string secondTitle) =>
        (new OverlapSource(Guid.NewGuid(), Ministries[0], "M0", $"{firstTitle} og {word}", null, [word]),
         new OverlapSource(Guid.NewGuid(), Ministries[1], "M1", $"{secondTitle} i {word}", null, [word]));
}
