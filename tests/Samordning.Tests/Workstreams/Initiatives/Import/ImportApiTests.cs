using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Host.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Initiatives.Import;

namespace Samordning.Tests.Workstreams.Initiatives.Import;

// Issue 17, point 1, through the API and the pages: an upload is previewed without storing anything, confirmed in
// one transaction or not at all, re-imported by reference, scoped to the person's ministry, and bounded.
public sealed partial class ImportApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string Imports = "/api/workstreams/initiatives/imports";

    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_ValidFile_PreviewOnlyNothingStored()
    {
        var marker = Marker();

        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"), ("2", "Andre", "50")));

        Assert.Equal((2, 0, 2, 0), (preview.Rows, preview.RowsWithErrors, preview.ToCreate, preview.ToUpdate));
        Assert.True(preview.CanConfirm);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task Confirm_ValidFile_EveryRowStoredWithItsEffects()
    {
        var marker = Marker();
        var fin = await api.MinistryAsync("FIN");
        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"), ("2", "Andre", "50")));

        var result = await ConfirmAsync(People.ContactPersonFin, preview);

        Assert.Equal((2, 0), (result.Created, result.Updated));
        var stored = await api.WithDbAsync(db => db.Initiatives.Where(i => i.Title.Contains(marker)).OrderBy(i => i.Reference).ToListAsync(Ct));
        Assert.Equal([$"{marker}-1", $"{marker}-2"], stored.Select(i => i.Reference));
        Assert.All(stored, i => Assert.Equal(fin.Id, i.OwningMinistryId));
        Assert.Equal([40, 50], stored.Select(i => i.Progress));
        // The normal save path's effects: a progress entry, an audit entry and the search index, for every row.
        var ids = stored.Select(i => i.Id).ToList();
        Assert.Equal(2, await api.WithDbAsync(db => db.ProgressEntries.CountAsync(e => ids.Contains(e.InitiativeId), Ct)));
        Assert.Equal(2, await api.WithDbAsync(db => db.AuditLog.CountAsync(a => ids.Contains(a.EntityId), Ct)));
        Assert.All(stored, i => Assert.Contains(marker, i.SearchIndex, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, (await api.ListAsync($"?q={marker}")).Total);
    }

    [Fact]
    public async Task Confirm_ValidFile_EveryRowFoundBySiteSearch()
    {
        var marker = Marker();
        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"), ("2", "Andre", "50")));

        await ConfirmAsync(People.ContactPersonFin, preview);

        // The provider's full-text index (SQLite's suffix table, PostgreSQL's suffix column) has the imported rows.
        var found = await new SearchData(factory).SearchAsync(People.Observer, $"/api/search?q={marker}&kind=initiative&pageSize=50");
        Assert.Equal(2, found.Items.Count);
    }

    [Fact]
    public async Task Confirm_RowWithError_NothingStoredAndEveryErrorNamed()
    {
        var marker = Marker();
        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"), ("2", "Andre", "140"), ("3", "", "x")));
        Assert.Equal(2, preview.RowsWithErrors);
        Assert.False(preview.CanConfirm);

        var response = await PostAsync(People.ContactPersonFin, $"{Imports}/{preview.Id}/confirm?culture=en-GB", new ImportConfirmRequest(preview.Version, preview.Stamp));

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Rows[3].Progress", "Rows[4].Progress", "Rows[4].Title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Progress must be between 0 and 100 per cent."], errors["Rows[3].Progress"]);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task Preview_RowErrors_InThePersonsLanguageWithColumnAndRow()
    {
        var preview = await UploadAsync(People.ContactPersonFin, Csv(Marker(), ("1", "Første", "140")), "?culture=nn-NO");

        var error = Assert.Single(Assert.Single(preview.Shown, r => r.Row == 2).Errors);

        Assert.Equal((2, "Progress", "Fremdrift (%)", "Framdrifta må vere mellom 0 og 100 prosent."), (error.Row, error.Field, error.Column, error.Message));
    }

    [Fact]
    public async Task Confirm_SameFileAgain_UpdatesByReferenceInsteadOfDuplicating()
    {
        var marker = Marker();
        await ConfirmAsync(People.ContactPersonFin, await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"), ("2", "Andre", "50"))));
        var before = await api.WithDbAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Reference == $"{marker}-1", Ct));

        var again = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første, endret", "60"), ("2", "Andre", "50"), ("3", "Tredje", "0")));
        var result = await ConfirmAsync(People.ContactPersonFin, again);

        Assert.Equal((1, 2, 1), (again.ToCreate, again.ToUpdate, result.Created));
        Assert.Equal(2, result.Updated);
        Assert.Equal(3, await CountAsync(marker));
        var after = await api.WithDbAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Reference == $"{marker}-1", Ct));
        Assert.Equal((before.Id, $"Første, endret {marker}", 60), (after.Id, after.Title, after.Progress));
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task Confirm_ReferenceEditedInTheForm_ReImportMatchesTheEditedReference()
    {
        var marker = Marker();
        await ConfirmAsync(People.ContactPersonFin, await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"))));
        var imported = await api.GetInitiativeAsync(await api.WithDbAsync(db => db.Initiatives.Where(i => i.Reference == $"{marker}-1").Select(i => i.Id).SingleAsync(Ct)));
        var edited = await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{imported.Id}", new Samordning.Workstreams.Initiatives.InitiativeRequest(
            imported.Title, imported.Summary, imported.OwningMinistryId, [], [], [], imported.Phase, imported.Progress, imported.Status, imported.StatusReason,
            imported.StartDate, imported.EndDate, null, [], [], null, null, Version: imported.Version, Reference: $"{marker}-2"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var again = await UploadAsync(People.ContactPersonFin, Csv(marker, ("2", "Første, endret", "70"), ("1", "Ny med gammel referanse", "0")));
        await ConfirmAsync(People.ContactPersonFin, again);

        Assert.Equal((1, 1), (again.ToUpdate, again.ToCreate));
        Assert.True(Assert.Single(again.Shown, r => r.Reference == $"{marker}-2").Updates);
        var after = await api.GetInitiativeAsync(imported.Id);
        Assert.Equal(($"Første, endret {marker}", 70, $"{marker}-2"), (after.Title, after.Progress, after.Reference));
        Assert.Equal(2, await CountAsync(marker));
    }

    [Fact]
    public async Task Confirm_ManyRows_OneDashboardItemAndEachUpdatedInitiativesOwn()
    {
        var marker = Marker();
        await ConfirmAsync(People.ContactPersonFin, await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40"))));
        var updatedId = await api.WithDbAsync(db => db.Initiatives.Where(i => i.Reference == $"{marker}-1").Select(i => i.Id).SingleAsync(Ct));
        var dashboardBefore = await LastSequenceAsync("dashboard");

        await ConfirmAsync(People.ContactPersonFin, await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "45"), ("2", "Andre", "0"), ("3", "Tredje", "0"))));

        var dashboard = await LiveItemsAsync("dashboard", dashboardBefore);
        Assert.Equal("workstreams.initiatives-imported", Assert.Single(dashboard).Type);
        Assert.Contains("\"created\":2", dashboard[0].Payload, StringComparison.Ordinal);
        Assert.Single(await LiveItemsAsync($"initiative:{updatedId}", 0), i => i.Payload.Contains("\"progress\":45", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_InitiativeChangedAfterPreview_NothingStoredConflict()
    {
        // All or nothing: the second row's initiative is edited meanwhile, so the new first row is not stored either.
        var marker = Marker();
        await ConfirmAsync(People.ContactPersonFin, await UploadAsync(People.ContactPersonFin, Csv(marker, ("2", "Andre", "50"))));
        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Ny", "10"), ("2", "Andre", "70")));
        var stored = await api.WithDbAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Reference == $"{marker}-2", Ct));
        var current = await api.GetInitiativeAsync(stored.Id);
        await WorkstreamsApi.ReadAsync<object>(
            await WorkstreamsApi.PutAsync(api.As(People.Coordinator), $"/api/workstreams/initiatives/{stored.Id}", WorkstreamsApi.AsRequest(current) with { Progress = 55 }), HttpStatusCode.OK);

        var response = await PostAsync(People.ContactPersonFin, $"{Imports}/{preview.Id}/confirm", new ImportConfirmRequest(preview.Version, preview.Stamp));

        await Problem.ReadAsync(response, HttpStatusCode.Conflict, Ct);
        Assert.Equal(1, await CountAsync(marker));
        Assert.Equal(55, (await api.GetInitiativeAsync(stored.Id)).Progress);
    }

    [Fact]
    public async Task Confirm_Twice_SecondIsConflictNothingDoubled()
    {
        var marker = Marker();
        var preview = await UploadAsync(People.ContactPersonFin, Csv(marker, ("1", "Første", "40")));
        await ConfirmAsync(People.ContactPersonFin, preview);

        var response = await PostAsync(People.ContactPersonFin, $"{Imports}/{preview.Id}/confirm", new ImportConfirmRequest(preview.Version, preview.Stamp));

        await Problem.ReadAsync(response, HttpStatusCode.Conflict, Ct);
        Assert.Equal(1, await CountAsync(marker));
    }

    [Fact]
    public async Task Upload_ContactPersonForAnotherMinistry_Forbidden()
    {
        var hod = await api.MinistryAsync("HOD");

        var response = await PostFileAsync(People.ContactPersonFin, Csv(Marker(), ("1", "Første", "40")), hod.Id);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Theory]
    [InlineData(People.Observer)]
    [InlineData(People.Facilitator)]
    public async Task Upload_NeitherContactPersonNorCoordinator_Forbidden(string email)
    {
        var response = await PostFileAsync(email, Csv(Marker(), ("1", "Første", "40")), (await api.MinistryAsync("FIN")).Id);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Upload_CoordinatorForAnyMinistry_StoredForThatMinistry()
    {
        var marker = Marker();
        var hod = await api.MinistryAsync("HOD");

        var preview = await UploadAsync(People.Coordinator, Csv(marker, ("1", "Første", "40")), ministryId: hod.Id);
        await ConfirmAsync(People.Coordinator, preview);

        Assert.Equal("HOD", preview.MinistryCode);
        Assert.Equal(hod.Id, await api.WithDbAsync(db => db.Initiatives.Where(i => i.Title.Contains(marker)).Select(i => i.OwningMinistryId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Upload_CoordinatorWithoutMinistry_FieldError()
    {
        var errors = await Problem.ReadErrorsAsync(await PostFileAsync(People.Coordinator, Csv(Marker(), ("1", "Første", "40"))), Ct);

        Assert.Equal(["Velg departementet listen gjelder."], errors["MinistryId"]);
    }

    [Fact]
    public async Task Preview_AnotherPerson_NotFound()
    {
        var preview = await UploadAsync(People.ContactPersonFin, Csv(Marker(), ("1", "Første", "40")));

        var coordinator = await api.As(People.Coordinator).GetAsync($"{Imports}/{preview.Id}", Ct);
        var confirm = await PostAsync(People.ContactPersonHod, $"{Imports}/{preview.Id}/confirm", new ImportConfirmRequest(preview.Version, preview.Stamp));

        await Problem.ReadAsync(coordinator, HttpStatusCode.NotFound, Ct);
        await Problem.ReadAsync(confirm, HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_RefusedNamingIt()
    {
        var bytes = new byte[ImportLimits.MaxBytes + 1];

        var response = await PostFileAsync(People.ContactPersonFin, bytes, culture: "?culture=en-GB");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, Ct);
        Assert.Equal("The file is too large. It can be at most 5 MB.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_MoreRowsThanTheLimit_RefusedNamingIt()
    {
        var csv = new StringBuilder("Tittel\n");
        for (var i = 0; i <= ImportLimits.MaxRows; i++)
        {
            csv.Append('T').Append(i).Append('\n');
        }

        var errors = await Problem.ReadErrorsAsync(await PostFileAsync(People.ContactPersonFin, Encoding.UTF8.GetBytes(csv.ToString())), Ct);

        Assert.Equal(["Filen har for mange rader. Den kan ha høyst 10000 rader under overskriftene; del den opp."], errors["File"]);
    }

    [Fact]
    public async Task Map_ColumnChosen_PreviewFollowsAndVersionMoves()
    {
        var marker = Marker();
        var csv = Encoding.UTF8.GetBytes($"Kode;Overskrift\n{marker}-1;Tittel {marker}\n");
        var preview = await UploadAsync(People.ContactPersonFin, csv);
        Assert.Equal(1, preview.RowsWithErrors);

        var mapped = await Problem.ReadOkAsync<ImportPreview>(
            await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), $"{Imports}/{preview.Id}/mapping", new ImportMappingRequest(new Dictionary<string, int?> { ["Reference"] = 0, ["Title"] = 1 }, preview.Version)),
            HttpStatusCode.OK,
            Ct);

        Assert.Equal((0, 1), (mapped.RowsWithErrors, mapped.ToCreate));
        Assert.True(mapped.Version > preview.Version);
        var stale = await PostAsync(People.ContactPersonFin, $"{Imports}/{preview.Id}/confirm", new ImportConfirmRequest(preview.Version, preview.Stamp));
        await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task Pages_UploadPreviewConfirm_WorkWithoutScript()
    {
        var marker = Marker();
        var client = api.As(People.ContactPersonFin);
        var form = await client.GetStringAsync("/arbeidsstrommer/tiltak/import", Ct);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(Csv(marker, ("1", "Første", "40"), ("2", "Andre", "140"))), "Input.File", "liste.csv" },
        };

        var uploaded = await client.PostAsync("/arbeidsstrommer/tiltak/import", upload, Ct);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var url = uploaded.Headers.Location!.ToString();
        var page = await client.GetStringAsync(url, Ct);
        Assert.Contains("Rad 3, kolonne «Fremdrift (%)»: Fremdrift må være mellom 0 og 100 prosent.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(marker));
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(People.ContactPersonHod).GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task UploadPage_Observer_Forbidden()
    {
        var response = await api.As(People.Observer).GetAsync("/arbeidsstrommer/tiltak/import", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Template_Downloaded_RecognisedAsEveryColumn()
    {
        var bytes = await api.As(People.ContactPersonFin).GetByteArrayAsync("/api/workstreams/initiatives/import-template.xlsx?culture=en-GB", Ct);

        // The template has no rows, so its header row is read as an import reads it.
        var table = new ImportTableBuilder();
        ImportXlsx.Read(new MemoryStream(bytes), table);

        Assert.Equal("Reference", table.Build().Headers[0]);
        Assert.All(ImportColumns.Guess(table.Build().Headers).Values, column => Assert.NotNull(column));
    }

    private static byte[] Csv(string marker, params (string Reference, string Title, string Progress)[] rows)
    {
        var csv = new StringBuilder("Referanse;Tittel;Fremdrift (%)\r\n");
        foreach (var (reference, title, progress) in rows)
        {
            var text = title.Length == 0 ? "" : $"{title} {marker}";
            csv.Append(marker + "-" + reference + ";\"" + text + "\";" + progress + "\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<ImportPreview> UploadAsync(string email, byte[] file, string culture = "", Guid? ministryId = null) =>
        await Problem.ReadOkAsync<ImportPreview>(await PostFileAsync(email, file, ministryId, culture), HttpStatusCode.Created, Ct);

    private async Task<ImportPreview> ConfirmAsync(string email, ImportPreview preview) =>
        await Problem.ReadOkAsync<ImportPreview>(await PostAsync(email, $"{Imports}/{preview.Id}/confirm", new ImportConfirmRequest(preview.Version, preview.Stamp)), HttpStatusCode.OK, Ct);

    private Task<HttpResponseMessage> PostAsync<T>(string email, string url, T body) => WorkstreamsApi.PostAsync(api.As(email), url, body);

    private async Task<HttpResponseMessage> PostFileAsync(string email, byte[] file, Guid? ministryId = null, string culture = "")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "liste.csv");
        if (ministryId is { } id)
        {
            content.Add(new StringContent(id.ToString()), "ministryId");
        }

        return await api.As(email).PostAsync(Imports + culture, content, Ct);
    }

    private async Task<List<Samordning.Shared.Live.LiveItem>> LiveItemsAsync(string topic, long after) =>
        await Problem.ReadOkAsync<List<Samordning.Shared.Live.LiveItem>>(
            await api.As(People.Observer).GetAsync($"/api/live?topic={Uri.EscapeDataString(topic)}&after={after}", Ct), HttpStatusCode.OK, Ct);

    private async Task<long> LastSequenceAsync(string topic) => (await LiveItemsAsync(topic, 0)).Select(i => i.Sequence).DefaultIfEmpty(0).Max();

    private Task<int> CountAsync(string marker) => api.WithDbAsync(db => db.Initiatives.CountAsync(i => i.Title.Contains(marker), Ct));

    private static string Marker() => "imp" + Guid.NewGuid().ToString("N")[..10];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
