using Samordning.Shared.Text;
using Microsoft.AspNetCore.Http.Features;
using Samordning.Shared.Export;

namespace Samordning.Workstreams.Initiatives.Import;

// The import's API: upload (multipart: file, ministryId), read the preview, map the columns, confirm; and the template.
internal sealed class ImportEndpoints : IEndpoint
{
    private const string Imports = "/workstreams/initiatives/imports";

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost(Imports, async (HttpRequest request, InitiativeServices deps, CancellationToken ct) =>
            {
                if (request.ContentLength > ImportLimits.MaxBytes + (64 * 1024))
                {
                    return TooLarge();
                }

                // A body sent without a length is cut at the same limit by the server (413).
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = ImportLimits.MaxBytes + (64 * 1024);
                }

                if (!request.HasFormContentType)
                {
                    return Problems.Validation(new FieldErrors().Add("File", new("Send filen som multipart/form-data.", "Send the file as multipart/form-data.")));
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                if (file?.Length > ImportLimits.MaxBytes)
                {
                    return TooLarge();
                }

                if (file is null)
                {
                    return Problems.Validation(new FieldErrors().Add("File", ChooseFile));
                }

                Guid? ministryId = Guid.TryParse(form["ministryId"], out var parsed) ? parsed : null;
                var outcome = await ImportInitiatives.UploadAsync(deps, ministryId, file.FileName, await ReadAsync(file, ct), ct);
                return outcome.ToCreated(p => $"/api{Imports}/{p.Id}").Result;
            })
            .DisableAntiforgery()
            .Produces<ImportPreview>(StatusCodes.Status201Created)
            .WithTags("Initiative import")
            .WithSummary($"Uploads a list of initiatives (CSV or .xlsx, at most {ImportLimits.MaxMegabytes} MB and {ImportLimits.MaxRows} rows) as multipart/form-data with the fields file and ministryId (coordinators; a contact person's own ministry by default). Nothing is stored as initiatives until confirmed.");

        api.MapGet(Imports + "/{id:guid}", async (Guid id, InitiativeServices deps, CancellationToken ct) =>
                (await ImportInitiatives.GetAsync(deps, id, ct)).ToOk())
            .WithTags("Initiative import")
            .WithSummary("The preview of an upload: its columns, their mapping, and every row's errors in the person's language.");

        api.MapPut(Imports + "/{id:guid}/mapping", async (Guid id, ImportMappingRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await ImportInitiatives.MapAsync(deps, id, request, ct)).ToOk())
            .WithTags("Initiative import")
            .WithSummary("Maps fields (Reference, Title, Summary, Phase, Progress, Status, StatusReason, StartDate, EndDate, CollaboratingMinistryIds, Tags, ExpectedResults, AchievedResults) to column numbers (from 0); send the version read.");

        api.MapPost(Imports + "/{id:guid}/confirm", async (Guid id, ImportConfirmRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await ImportInitiatives.ConfirmAsync(deps, id, request, ct)).ToOk())
            .WithTags("Initiative import")
            .WithSummary("Saves every row in one transaction (a reference already used by the ministry updates that initiative), or none when a row has an error (400, listing Rows[n].Field). Send the version and stamp previewed; a changed mapping or a changed initiative since is 409 with the current preview.");

        api.MapGet("/workstreams/initiatives/import-template.csv", () =>
                Results.Stream(
                    stream => Csv.WriteAsync(stream, ImportColumns.TemplateHeaders(), AsyncEnumerable.Empty<IReadOnlyList<string?>>(), CancellationToken.None),
                    "text/csv; charset=utf-8",
                    TemplateName("csv")))
            .WithTags("Initiative import")
            .WithSummary("The import template as CSV (semicolon-separated, UTF-8): the header row an import recognises.");

        api.MapGet("/workstreams/initiatives/import-template.xlsx", () =>
            {
                var stream = new MemoryStream();
                Xlsx.Write(stream, Localized.T("Tiltak", "Initiatives"), ImportColumns.TemplateHeaders(), []);
                stream.Position = 0;
                return TypedResults.File(stream, Xlsx.ContentType, TemplateName("xlsx"));
            })
            .WithTags("Initiative import")
            .WithSummary("The import template as an Excel workbook: the header row an import recognises.");
    }

    public static LocalizedText ChooseFile => new("Velg en fil å laste opp.", "Choose a file to upload.");

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, ImportLimits.MaxBytes));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string TemplateName(string extension) => $"{Localized.T("tiltak-importmal", "initiatives-import-template")}.{extension}";

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Localized.T("Filen er for stor.", "The file is too large."),
        detail: ImportFile.TooLarge);
}
