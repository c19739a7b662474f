using CsCheck;
using Samordning.Ministries.Contracts;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Shared.Text;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives.Import;

namespace Samordning.Tests.Workstreams.Initiatives.Import;

// The rules an imported row is held to: the form's own (InitiativeRequest), plus what only a file gets wrong, each
// error naming its row, field and the file's column, in the person's language.
public sealed class ImportRowsTests
{
    private static readonly MinistryInfo Fin = new(Guid.NewGuid(), "FIN", "Finansdepartementet", "Ministry of Finance");
    private static readonly MinistryInfo Kd = new(Guid.NewGuid(), "KD", "Kunnskapsdepartementet", "Ministry of Education and Research");

    private static readonly string[] Headers = ["Ref", "Navn", "Fase", "Fremdrift (%)", "Status", "Begrunnelse", "Startdato", "Sluttdato", "Samarbeidende departementer", "Stikkord"];

    [Fact]
    public void Guess_TemplateHeadersInEveryLanguage_EachFieldItsColumn()
    {
        foreach (var culture in new[] { "nb-NO", "en-GB", "nn-NO" })
        {
            using var _ = UiCulture.Use(culture);
            var headers = ImportColumns.TemplateHeaders();

            var mapping = ImportColumns.Guess(headers);

            Assert.Equal(Enumerable.Range(0, headers.Length).Select(i => (int?)i), ImportColumns.Fields.Select(f => mapping[f.Name]));
        }
    }

    [Fact]
    public void Guess_OtherHeaders_RecognisedWithoutCaseOrPunctuation()
    {
        var mapping = ImportColumns.Guess(Headers);

        Assert.Equal(0, mapping["Reference"]);
        Assert.Equal(1, mapping["Title"]);
        Assert.Equal(3, mapping["Progress"]);
        Assert.Equal(5, mapping["StatusReason"]);
        Assert.Null(mapping["Summary"]);
    }

    [Fact]
    public void Evaluate_GoodRow_RequestAsTheFormWouldSend()
    {
        var row = Evaluate(Row(2, "FIN-1", "Enklere skatt", "Pågår", "45 %", "Gul", "", "31.01.2026", "2027-06-30", "KD, fin", "Skatt; Digital")).Single();

        Assert.Empty(row.Errors);
        Assert.Equal("FIN-1", row.Reference);
        Assert.Equal(
            (Phase.InProgress, 45, Rag.Amber, new DateOnly(2026, 1, 31), new DateOnly(2027, 6, 30)),
            (row.Request.Phase, row.Request.Progress, row.Request.Status, row.Request.StartDate, row.Request.EndDate));
        Assert.Equal([Kd.Id, Fin.Id], row.Request.CollaboratingMinistryIds);
        Assert.Equal(["Skatt", "Digital"], row.Request.Tags);
        Assert.Equal(Fin.Id, row.Request.OwningMinistryId);
    }

    [Fact]
    public void Evaluate_ExcelSerialDate_ReadAsDate()
    {
        var row = Evaluate(Row(2, "", "Tittel", "", "", "", "", "46023", "", "", "")).Single();

        Assert.Equal(new DateOnly(2026, 1, 1), row.Request.StartDate);
    }

    [Fact]
    public void Evaluate_FormRulesBroken_SameMessagesAsTheFormNamingRowAndColumn()
    {
        using var _ = UiCulture.Use("nb-NO");
        var rows = Evaluate(
            Row(2, "", "", "", "101", "Rød", "", "2026-05-01", "2026-04-01", "", ""));

        var errors = rows.Single().Errors;

        Assert.Equal(
            [
                (2, "EndDate", "Sluttdato", "Sluttdato kan ikke være før startdato."),
                (2, "Progress", "Fremdrift (%)", "Fremdrift må være mellom 0 og 100 prosent."),
                (2, "StatusReason", "Begrunnelse", "Rød status må begrunnes."),
                (2, "Title", "Navn", "Tittel må fylles ut."),
            ],
            errors.Select(e => (e.Row, e.Field, e.Column, e.Message)).OrderBy(e => e.Field, StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_ValuesAFileGetsWrong_ErrorPerCellInEnglish()
    {
        using var _ = UiCulture.Use("en-GB");
        var rows = Evaluate(
            Row(2, "A", "Ok", "", "", "", "", "", "", "", ""),
            Row(3, "a", "Tittel", "Snart", "mye", "Lilla", "", "32.13.2026", "", "XYZ", ""));

        Assert.Empty(rows[0].Errors);
        Assert.Equal(
            [
                ("Reference", "Ref", "The reference is also on row 2."),
                ("Phase", "Fase", "Unknown phase “Snart”. Use Idea, Planned, In progress, Scaling, Completed or Stopped."),
                ("Status", "Status", "Unknown status “Lilla”. Use Green, Amber or Red."),
                ("Progress", "Fremdrift (%)", "“mye” is not a whole number. Progress is a number from 0 to 100."),
                ("StartDate", "Startdato", "“32.13.2026” is not a date. Write the date as 31.12.2026 or 2026-12-31."),
                ("CollaboratingMinistryIds", "Samarbeidende departementer", "Unknown ministry “XYZ”."),
            ],
            rows[1].Errors.Select(e => (e.Field, e.Column, e.Message)));
        Assert.All(rows[1].Errors, e => Assert.Equal(3, e.Row));
    }

    [Fact]
    public void Evaluate_NoColumnForRequiredField_ErrorSaysNoColumn()
    {
        using var _ = UiCulture.Use("nb-NO");
        var mapping = ImportColumns.Guess(Headers);
        mapping["Title"] = null;

        var row = new ImportRows(Headers, mapping, Fin, [Fin, Kd], new Dictionary<string, Initiative>()).Evaluate([Row(2, "", "Tittel", "", "", "", "", "", "", "", "")]).Single();

        Assert.Equal("Tittel (ingen kolonne)", Assert.Single(row.Errors).Column);
    }

    [Fact]
    public void Evaluate_ReferenceOfStoredInitiative_UpdatesKeepingWhatNoColumnSays()
    {
        var stored = new Initiative { Title = "Gammel", OwningMinistryCode = "FIN", OwningMinistryId = Fin.Id, Reference = "FIN-1", Summary = "Beholdes", Progress = 10 };
        stored.Workstreams.Add(new InitiativeWorkstream { InitiativeId = stored.Id, WorkstreamId = Guid.NewGuid() });

        var row = new ImportRows(Headers, ImportColumns.Guess(Headers), Fin, [Fin, Kd], new Dictionary<string, Initiative>(StringComparer.OrdinalIgnoreCase) { ["FIN-1"] = stored })
            .Evaluate([Row(2, "fin-1", "Ny tittel", "", "50", "", "", "", "", "", "")]).Single();

        Assert.True(row.Updates);
        Assert.Equal(("Ny tittel", "Beholdes", 50), (row.Request.Title, row.Request.Summary, row.Request.Progress));
        Assert.Equal(stored.Workstreams.Select(w => w.WorkstreamId), row.Request.WorkstreamIds);
    }

    // Any text in any cell: the rows are evaluated without an exception, one result per row, and every error names its own row.
    [Fact]
    public void Evaluate_AnyCellText_NeverThrowsAndErrorsPerRow() =>
        Gen.OneOf(PlainTextTests.AnyText, Gen.OneOfConst("", "101", "-1", "Rød", "2026-13-01", "46023", "1e9", "FIN", ";;", "Pågår", "99999999999999999999"))
            .Array[Headers.Length]
            .Array[1, 12]
            .Sample(cells =>
            {
                var rows = cells.Select((c, i) => new ImportRow(i + 2, [.. c.Select(t => Samordning.Shared.Text.PlainText.Safe(t))])).ToList();
                var evaluated = new ImportRows(Headers, ImportColumns.Guess(Headers), Fin, [Fin, Kd], new Dictionary<string, Initiative>()).Evaluate(rows);
                Assert.Equal(rows.Select(r => r.Number), evaluated.Select(r => r.Source.Number));
                Assert.All(evaluated, r => Assert.All(r.Errors, e => Assert.Equal(r.Source.Number, e.Row)));
                Assert.All(evaluated.Where(r => r.Errors.Count == 0), r => Assert.False(r.Request.ValidateFields().Any));
            });

    private static List<ImportedRow> Evaluate(params ImportRow[] rows) =>
        new ImportRows(Headers, ImportColumns.Guess(Headers), Fin, [Fin, Kd], new Dictionary<string, Initiative>(StringComparer.OrdinalIgnoreCase)).Evaluate(rows);

    private static ImportRow Row(int number, params string[] cells) => new(number, cells);
}
