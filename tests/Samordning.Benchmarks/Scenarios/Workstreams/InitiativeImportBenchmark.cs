using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Export;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// Issue 17, point 1: a ministry's list of 5,000 initiatives as an Excel workbook, previewed (upload, parse, hold,
// validate every row: POST /api/workstreams/initiatives/imports) and imported (confirm: every row saved in one
// transaction with its progress entry, audit, search index, dashboard counts and live items). The aims are
// absolute: preview under 2 s, import under 5 s. The floors, in the same run: reading the same workbook with the
// same library (the OpenXML SDK's reader, cells to strings), and that read plus a bare ADO.NET write of the same
// rows (initiatives and one progress entry each) in one transaction. An import changes what the next finds, so
// each round uploads a workbook of its own references; a warm-up round goes first and is not counted. The run
// fails unless every preview has 5,000 rows without errors and every import stores exactly 5,000 initiatives.
internal static class InitiativeImportBenchmark
{
    public const string PreviewName = "initiative-import-preview";
    public const string ConfirmName = "initiative-import-confirm";
    public const int Rows = 5_000;
    public const double PreviewAimMilliseconds = 2_000;
    public const double ConfirmAimMilliseconds = 5_000;

    private const string Store = "workstreams";

    public static bool Selected(string? scenario) => scenario is null or PreviewName or ConfirmName;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IServiceProvider services, HttpClient client, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var preview = new TimedSide();
        var confirm = new TimedSide();
        var readFloor = new TimedSide();
        var writeFloor = new TimedSide();
        try
        {
            await using var database = new BenchDatabase(services.GetRequiredService<IConfiguration>());
            MinistryInfo fin;
            await using (var scope = services.CreateAsyncScope())
            {
                fin = (await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(cancellationToken)).Single(m => m.Code == "FIN");
            }

            var rounds = Math.Max(1, options.Rounds);
            for (var round = 0; round <= rounds; round++)
            {
                var marker = string.Create(CultureInfo.InvariantCulture, $"b{round}{Guid.NewGuid():N}")[..12];
                var workbook = Workbook(marker);

                var (readTime, cells) = await TimedRounds.TimeAsync(() => Task.FromResult(FloorRead(workbook)));
                var (writeTime, _) = await TimedRounds.TimeAsync(async () =>
                {
                    FloorRead(workbook);
                    await FloorWriteAsync(database, fin, cancellationToken);
                    return 0;
                });
                await DeleteFloorRowsAsync(database, cancellationToken);

                var (previewTime, uploaded) = await TimedRounds.TimeAsync(() => UploadAsync(client, fin.Id, workbook, cancellationToken));
                var (confirmTime, imported) = await TimedRounds.TimeAsync(() => ConfirmAsync(client, uploaded, cancellationToken));
                var stored = await CountAsync(database, marker, cancellationToken);
                if (cells < Rows || stored != Rows || (int?)imported["created"] != Rows)
                {
                    throw new ScenarioFailedException($"The floor read {cells} cells; the import said {imported["created"]} created and the store has {stored} rows of the round, not {Rows}.");
                }

                var measured = round > 0;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[initiative-import] {(measured ? $"round {round}/{rounds}" : "warm-up")}: floor read {readTime:0} ms, preview {previewTime:0} ms; floor read+write {writeTime:0} ms, import {confirmTime:0} ms ({workbook.Length / 1024} KB workbook)"));
                if (measured)
                {
                    preview.Add(previewTime);
                    readFloor.Add(readTime);
                    confirm.Add(confirmTime);
                    writeFloor.Add(writeTime);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = exception is ScenarioFailedException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            return [new ScenarioResult(PreviewName, null, null, null, [], 0, null, failure), new ScenarioResult(ConfirmName, null, null, null, [], 0, null, failure)];
        }

        return
        [
            Result(PreviewName, PreviewAimMilliseconds,
                preview.Summary($"POST /api/workstreams/initiatives/imports: a {Rows:N0}-row .xlsx uploaded, read, held in the store and every row validated (the preview's JSON)"),
                readFloor.Summary("the same workbook read with the OpenXML SDK's reader, every cell to a string")),
            Result(ConfirmName, ConfirmAimMilliseconds,
                confirm.Summary($"POST …/imports/{{id}}/confirm: {Rows:N0} initiatives saved in one transaction with progress entries, audit, search index, dashboard counts and live items"),
                writeFloor.Summary($"the same read plus a bare ADO.NET write of {Rows:N0} initiatives and progress entries in one transaction")),
        ];
    }

    // The aims are absolute (issue 17); the ratio against the floor is reported for what it shows, not judged.
    private static ScenarioResult Result(string name, double aim, SideResult subject, SideResult floor)
    {
        var ratios = subject.RoundRequestsPerSecond.Zip(floor.RoundRequestsPerSecond, (s, f) => s / f).ToList();
        return new ScenarioResult(name, subject, floor, subject.RequestsPerSecond / floor.RequestsPerSecond, ratios, 0, true, null, aim);
    }

    private static byte[] Workbook(string marker)
    {
        string[] headers = ["Referanse", "Tittel", "Sammendrag", "Fase", "Fremdrift (%)", "Status", "Begrunnelse for status", "Startdato", "Sluttdato", "Stikkord"];
        string[] phases = ["Idé", "Planlagt", "Pågår", "Skaleres", "Fullført"];
        string[] statuses = ["Grønn", "Gul", "Rød"];
        var rows = Enumerable.Range(1, Rows).Select(n => (IReadOnlyList<object?>)
        [
            $"{marker}-{n}",
            $"Tiltak {n} for enklere tjenester {marker}",
            "Et tiltak fra departementets egen liste, med et sammendrag av passende lengde for en rad i regnearket.",
            phases[n % phases.Length],
            n % 101,
            statuses[n % statuses.Length],
            n % 3 == 2 ? "Avhenger av avklaringer med etatene" : null,
            "01.02.2026",
            "2027-06-30",
            "digitalisering, brukerinvolvering",
        ]);
        var stream = new MemoryStream();
        Xlsx.Write(stream, "Tiltak", headers, rows);
        return stream.ToArray();
    }

    // The floor's read: the library alone, every cell of the first sheet to a string.
    private static int FloorRead(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!.WorksheetParts.First();
        using var reader = OpenXmlReader.Create(part);
        var cells = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                _ = cell.InlineString?.InnerText ?? cell.CellValue?.Text;
                cells++;
            }
        }

        return cells;
    }

    private static async Task FloorWriteAsync(BenchDatabase database, MinistryInfo owner, CancellationToken cancellationToken)
    {
        var rows = new BulkRows(database, Store);
        var now = DateTimeOffset.UtcNow;
        string[] initiativeColumns = ["Id", "Title", "Summary", "OwningMinistryId", "OwningMinistryCode", "Phase", "Progress", "Status", "UpdatedAt", "Version", "SearchText", "SearchIndex", "Reference"];
        for (var n = 1; n <= Rows; n++)
        {
            var id = Guid.CreateVersion7();
            var title = $"Gulvrad {n}";
            rows.Add("Initiatives", initiativeColumns,
                id, title, "Et sammendrag.", owner.Id, owner.Code, "InProgress", n % 101, "Green", now, 1L, title.ToLowerInvariant(), SearchIndex.Of(new(title, [null])), $"floor-{n}");
            rows.Add("ProgressEntries", ["Id", "InitiativeId", "At", "PersonName", "Phase", "Progress", "Status"], Guid.CreateVersion7(), id, now, "Gulv", "InProgress", n % 101, "Green");
        }

        await rows.WriteAsync(cancellationToken);
    }

    private static async Task DeleteFloorRowsAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(Store, cancellationToken);
        await using var command = await database.CommandAsync(connection,
            $"""DELETE FROM {database.Table(Store, "Initiatives")} WHERE "Reference" LIKE 'floor-%'""", cancellationToken, null);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> CountAsync(BenchDatabase database, string marker, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(Store, cancellationToken);
        return await database.CountAsync(connection, $"""SELECT COUNT(*) FROM {database.Table(Store, "Initiatives")} WHERE "Reference" LIKE @p0""", cancellationToken, marker + "-%");
    }

    private static async Task<JsonNode> UploadAsync(HttpClient client, Guid ministryId, byte[] workbook, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(workbook), "file", "tiltak.xlsx" },
            { new StringContent(ministryId.ToString()), "ministryId" },
        };
        var preview = await SendAsync(client, "/api/workstreams/initiatives/imports", content, HttpStatusCode.Created, cancellationToken);
        if ((int?)preview["rows"] != Rows || (int?)preview["rowsWithErrors"] != 0)
        {
            throw new ScenarioFailedException($"The preview has {preview["rows"]} rows, {preview["rowsWithErrors"]} with errors: {preview["shown"]?[0]?["errors"]?.ToJsonString()}");
        }

        return preview;
    }

    private static async Task<JsonNode> ConfirmAsync(HttpClient client, JsonNode preview, CancellationToken cancellationToken)
    {
        using var content = JsonContent(new JsonObject { ["version"] = (long?)preview["version"], ["stamp"] = (string?)preview["stamp"] });
        return await SendAsync(client, $"/api/workstreams/initiatives/imports/{preview["id"]}/confirm", content, HttpStatusCode.OK, cancellationToken);
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonNode> SendAsync(HttpClient client, string path, HttpContent content, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        BenchmarkAuthentication.AddCoordinator(request);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == expected
            ? JsonNode.Parse(body)!
            : throw new ScenarioFailedException($"POST {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
    }
}
