using System.Text.RegularExpressions;
using Samordning.Shared.Text;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Text;

// The Nynorsk catalog against the code: every text the code writes has its Nynorsk form, every entry is a text the
// code still writes, and the file stays sorted with one entry a line (so parallel branches merge as added lines).
public sealed partial class NynorskCatalogTests
{
    private static readonly string Root = TestMachine.RepositoryRoot();
    private static readonly string CatalogPath = Path.Combine(Root, "modules", "Samordning.Shared", "Text", "Nynorsk.txt");

    [Fact]
    public void Catalog_EveryTextInCode_HasNynorskForm()
    {
        var catalog = Nynorsk.Parse(File.ReadAllText(CatalogPath));
        var missing = SourceTexts.Scan(Root)
            .Where(t => t.Problem is null && !catalog.ContainsKey(t.Key))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .Select(g => $"{Nynorsk.Escape(g.Key)}\t(at {g.First().File}:{g.First().Line})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} text(s) have no Nynorsk form; add a line \"Bokmål<TAB>Nynorsk\" to Nynorsk.txt for each:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Catalog_TextsInCode_EachCanBeLookedUp()
    {
        var problems = SourceTexts.Scan(Root).Where(t => t.Problem is not null).Select(t => $"{t.File}:{t.Line} {t.Key}: {t.Problem}").ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Catalog_Entries_NoneOrphaned()
    {
        var inCode = SourceTexts.Scan(Root).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var orphaned = Nynorsk.Parse(File.ReadAllText(CatalogPath)).Keys.Where(k => !inCode.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(orphaned.Count == 0,
            $"{orphaned.Count} entr(y/ies) in Nynorsk.txt no text in the code uses; remove them:\n" + string.Join('\n', orphaned.Select(Nynorsk.Escape)));
    }

    [Fact]
    public void Catalog_File_SortedOneEntryALine()
    {
        var keys = File.ReadAllLines(CatalogPath).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, Nynorsk.Parse(File.ReadAllText(CatalogPath)).Count);
    }

    [Fact]
    public void Catalog_Templates_NynorskHasTheSameHoles()
    {
        var wrong = Nynorsk.Parse(File.ReadAllText(CatalogPath))
            .Where(e => !Holes(e.Key).SetEquals(Holes(e.Value)))
            .Select(e => $"{Nynorsk.Escape(e.Key)}\t{Nynorsk.Escape(e.Value)}")
            .ToList();

        Assert.True(wrong.Count == 0, "Holes ({0}, {1:d}…) differ between Bokmål and Nynorsk:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void ScanSource_InterpolatedText_KeyIsTheTemplateTheHandlerMakes()
    {
        const string source = """"
            var a = T($"{count,3} av {total:N0} {{møter}} «{(x ? "a" : "b")}»", $"{count} of {total}");
            var b = new LocalizedText("Lagre", "Save");
            LocalizedText c = new("Linje\nto", @"Line ""two""");
            var d = T(name, "ignored");
            """";
        var count = 5;
        var total = 1200;
        var x = true;
        var built = new LocalizedText($"{count,3} av {total:N0} {{møter}} «{(x ? "a" : "b")}»", "");

        var keys = SourceTexts.ScanSource(source, "sample.cs").Select(t => t.Key).ToList();

        Assert.Equal(["{0,3} av {1:N0} {{møter}} «{2}»", "Lagre", "Linje\nto"], keys);
        Assert.Equal(keys[0], built.Template);
    }

    [Fact]
    public void ScanSource_InterpolatedJoinedWithPlain_Refused()
    {
        var found = SourceTexts.ScanSource("T($\"{n} møter\" + \" i dag\", \"x\")", "sample.cs").Single();

        Assert.NotNull(found.Problem);
    }

    private static HashSet<string> Holes(string text) => [.. Hole().Matches(text.Replace("{{", "", StringComparison.Ordinal)).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Hole();
}
