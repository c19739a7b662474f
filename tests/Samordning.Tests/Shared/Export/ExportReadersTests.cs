using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Meetings.Data;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Shared.Export;

// Every .xlsx and .docx the app produces, opened by readers the project did not write (exceljs, mammoth), read back
// as exported; and still so for records stored with control characters before text was normalised on the way in.
public sealed class ExportReadersTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    // PostgreSQL's text cannot hold U+0000 at all, so on a server pass no stored record can carry it.
    private static readonly string Nul = TestDatabase.OnServer ? "" : "\u0000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_IndependentReaders_ReadWhatWasExported()
    {
        var records = await CreateRecordsAsync();

        await AssertExportsReadAsync(records, records.InitiativeTitle, records.ItemText, records.NoteText);
    }

    [Fact]
    public async Task Exports_RecordsStoredWithControls_StillValidDocuments()
    {
        var records = await CreateRecordsAsync();
        var marker = records.Tag;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // Straight into the stores, as a record saved before the rule existed would be.
            var initiativeTitle = $"Før\u000Better\u0001\u0008 {marker}";
            await scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>().Initiatives
                .Where(i => i.Id == records.InitiativeId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, initiativeTitle).SetProperty(i => i.Summary, "\u001F\u000C"), Ct);
            await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Items
                .Where(i => i.Id == records.ItemId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Text, $"Innspill\u000Bmed\u0002 kontrolltegn {marker}").SetProperty(i => i.Source, "\u0007"), Ct);
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
            await meetings.Entries
                .Where(e => e.Id == records.NoteId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, $"Notat\u000Bfra{Nul} Word {marker}"), Ct);
            await meetings.Meetings
                .Where(m => m.Id == records.MeetingId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, $"Møte\u001B {marker}"), Ct);
        }

        await AssertExportsReadAsync(records with { MeetingTitle = $"Møte {marker}" }, $"Før\netter {marker}", $"Innspill\nmed kontrolltegn {marker}", $"Notat\nfra Word {marker}");
    }

    private async Task AssertExportsReadAsync(Records records, string initiativeTitle, string itemText, string noteText)
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);

        var initiatives = await OfficeReaders.ReadXlsxAsync(await DownloadAsync(coordinator, $"/api/workstreams/initiatives/export.xlsx?tag={records.Tag}"));
        var sheet = Assert.Single(initiatives.Sheets);
        Assert.Equal(["Tittel", "Departement", "Samarbeidende departementer", "Fase", "Fremdrift (%)", "Status"], sheet.Rows[0].Take(6));
        var initiative = Assert.Single(sheet.Rows.Skip(1));
        Assert.Equal(initiativeTitle, initiative[0]);
        Assert.Equal("FIN", initiative[1]);
        Assert.Equal("10", initiative[4]);

        var register = await OfficeReaders.ReadXlsxAsync(await DownloadAsync(coordinator, $"/api/feedback/items/export.xlsx?tag={records.Tag}"));
        var items = Assert.Single(register.Sheets);
        Assert.Equal("Referanse", items.Rows[0][0]);
        Assert.Equal("Innspill", items.Rows[0][^1]);
        var item = Assert.Single(items.Rows.Skip(1));
        Assert.Equal(records.ItemReference, item[0]);
        Assert.Equal(itemText, item[^1]);

        var minutes = await OfficeReaders.ReadDocxTextAsync(await DownloadAsync(fixture.Factory.CreateClientAs(MeetingTestData.Facilitator), $"/api/meetings/{records.MeetingId}/minutes.docx"));
        Assert.Contains($"Referat: {records.MeetingTitle}", minutes, StringComparison.Ordinal);
        Assert.Contains(AsMammothReads(noteText), minutes, StringComparison.Ordinal);

        var workstream = await OfficeReaders.ReadDocxTextAsync(await DownloadAsync(coordinator, $"/api/feedback/workstreams/{records.WorkstreamId}/input.docx?title={records.Tag}"));
        Assert.StartsWith(records.Tag, workstream, StringComparison.Ordinal);
        Assert.Contains(AsMammothReads(itemText), workstream, StringComparison.Ordinal);
    }

    // A line break within a paragraph is a <w:br/>, which mammoth's raw text leaves out.
    private static string AsMammothReads(string text) => text.Replace("\n", "", StringComparison.Ordinal);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var content = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(content)}");
        return content;
    }

    // An initiative, a register item linked to a new workstream, and a meeting with a note, all marked with a tag of
    // their own so the exports can be filtered to them.
    private async Task<Records> CreateRecordsAsync()
    {
        var tag = "m" + Guid.NewGuid().ToString("N")[..12];
        var api = new WorkstreamsApi(fixture.Factory);
        var fin = await api.MinistryAsync("FIN");
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = $"Tiltak {tag}", Tags = [tag] });
        var workstream = await api.CreateWorkstreamAsync();

        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record(text: $"Innspill {tag}") with { Tags = [tag], WorkstreamIds = [workstream.Id] });

        var meeting = await MeetingTestData.CreateLiveAsync(fixture.Factory, r => r with { Title = $"Møte {tag}" });
        var note = await MeetingTestData.WriteAsync(fixture.Factory.CreateClientAs(MeetingTestData.Facilitator), meeting.Id, $"Notat {tag}");

        return new Records(tag, initiative.Id, initiative.Title, item.Id, item.Reference, item.Text!, workstream.Id, meeting.Id, meeting.Title, note.Id, note.Text);
    }

    private sealed record Records(
        string Tag, Guid InitiativeId, string InitiativeTitle, Guid ItemId, string ItemReference, string ItemText, Guid WorkstreamId,
        Guid MeetingId, string MeetingTitle, Guid NoteId, string NoteText);
}
