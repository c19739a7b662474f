using Samordning.Workstreams.Overlaps;

namespace Samordning.Tests.Workstreams.Overlaps;

public sealed class OverlapIndexTests
{
    private static readonly Guid Kd = Guid.NewGuid();
    private static readonly Guid Kdd = Guid.NewGuid();

    [Fact]
    public void Find_CompoundWordAgainstItsParts_FoundWithTheRelatedWordsAsReason()
    {
        var index = IndexOf(
            Source(Kd, "Flere barnehageplasser i distriktene", "Tilskudd til kommuner med lange ventelister."),
            Source(Kd, "Vedlikehold av fylkesveier", "Mer penger til veiene."),
            Source(Kd, "Nye lærebøker i skolen", "Digitale læremidler."));

        var found = index.Find("Plass i barnehage for små kommuner", null, [], Kdd, null, 5, OverlapFinder.MinimumScore);

        var match = Assert.Single(found);
        Assert.Equal("Flere barnehageplasser i distriktene", match.Title);
        Assert.Contains(match.Reasons, r => r.Nb.Contains("barnehage ≈ barnehageplasser", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SameMinistry_NotSuggested()
    {
        var index = IndexOf(Source(Kd, "Digital eksamen i videregående skole", null));

        Assert.Empty(index.Find("Digital eksamen i videregående skole", null, [], Kd, null, 5, 0));
        Assert.Single(index.Find("Digital eksamen i videregående skole", null, [], Kdd, null, 5, 0));
    }

    [Fact]
    public void Find_SharedTag_ReasonNamesTheTag()
    {
        var index = IndexOf(Source(Kd, "Droner mot skogbrann", null, "beredskap"), Source(Kd, "Noe helt annet", null));

        var match = index.Find("Skogbrann oppdaget fra lufta", null, ["Beredskap"], Kdd, null, 5, 0)[0];

        Assert.Contains(match.Reasons, r => r.Nb == "Felles emneord: beredskap");
        Assert.Contains(match.Reasons, r => r.Nb == "Felles ord: skogbrann");
    }

    [Fact]
    public void Upsert_ChangedText_OldTextNoLongerFound()
    {
        var source = Source(Kd, "Sirkulær økonomi i innkjøp", null);
        var index = IndexOf(source);

        index.Upsert(source with { Title = "Bredbånd i distriktene" });

        Assert.Empty(index.Find("Sirkulær økonomi i innkjøp", null, [], Kdd, null, 5, 0.05));
        Assert.Single(index.Find("Bredbånd i distriktene", null, [], Kdd, null, 5, 0.05));
    }

    private static OverlapIndex IndexOf(params OverlapSource[] sources)
    {
        var index = new OverlapIndex();
        foreach (var source in sources)
        {
            index.Upsert(source);
        }

        index.Settle();
        return index;
    }

    private static OverlapSource Source(Guid ministry, string title, string? description, params string[] tags) =>
        new(Guid.NewGuid(), ministry, ministry == Kd ? "KD" : "KDD", title, description, tags);
}
