using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Materials;

internal sealed record MaterialView(Guid Id, MaterialKind Kind, string Title, string? Url, string? FileName, long Size, DateTimeOffset AddedAt, string AddedBy)
{
    public string Href(Guid meetingId) => Kind == MaterialKind.Recording ? Url! : $"/api/meetings/{meetingId}/materials/{Id}/file";
}

internal sealed record RecordingRequest(string? Title, string? Url);

// Presentations (uploaded, checked by content and size) and links to recordings. Managers add them; those
// who may read the meeting, and everyone when the meeting is published, fetch them.
internal sealed class MaterialEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/materials", async (Guid id, HttpRequest request, MeetingServices deps, CancellationToken ct) =>
            {
                if (request.ContentLength > PresentationFiles.MaxBytes + 64 * 1024)
                {
                    return TooLarge();
                }

                if (!request.HasFormContentType)
                {
                    return Problems.Validation(new FieldErrors().Add("File", new("Send filen som multipart/form-data.", "Send the file as multipart/form-data.")));
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                return file?.Length > PresentationFiles.MaxBytes
                    ? TooLarge()
                    : (await UploadAsync(deps, id, form["title"], file, ct)).ToCreated(m => $"/api/meetings/{id}/materials/{m.Id}/file");
            })
            .DisableAntiforgery()
            .WithTags("Meeting materials")
            .WithSummary($"Uploads a presentation (PDF, PowerPoint or ODF presentation, at most {PresentationFiles.MaxBytes / 1024 / 1024} MB) as multipart/form-data with the fields title and file.");

        api.MapPost("/meetings/{id:guid}/recordings", async (Guid id, RecordingRequest request, MeetingServices deps, CancellationToken ct) =>
                (await AddRecordingAsync(deps, id, request, ct)).ToCreated(m => m.Url!))
            .WithTags("Meeting materials")
            .WithSummary("Adds a link to a recording of the meeting.");

        api.MapGet("/meetings/{id:guid}/materials/{materialId:guid}/file", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid materialId, HttpContext http, MeetingServices deps, CancellationToken ct) =>
            {
                var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == id, ct);
                var material = await deps.Db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.MeetingId == id && m.Kind == MaterialKind.Presentation, ct);
                if (meeting is null || material is null || !(meeting.Published || MeetingAccess.CanRead(http.User, meeting)))
                {
                    return Problems.NotFound();
                }

                var content = await deps.Db.MaterialContents.AsNoTracking().FirstAsync(c => c.MaterialId == materialId, ct);
                return TypedResults.File(content.Bytes, material.ContentType, material.FileName);
            })
            .AllowAnonymous()
            .WithTags("Meeting materials")
            .WithSummary("Downloads a presentation: anyone when the meeting is published, else those who may read it.");
    }

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Localized.T("Filen er for stor.", "The file is too large."),
        detail: TooLargeText);

    private static string TooLargeText => Localized.T(
        $"En presentasjon kan være høyst {PresentationFiles.MaxBytes / 1024 / 1024} MB.",
        $"A presentation can be at most {PresentationFiles.MaxBytes / 1024 / 1024} MB.");

    public static async Task<IReadOnlyList<MaterialView>> ListAsync(MeetingsDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Materials.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderBy(m => m.Kind).ThenBy(m => m.Title)
            .Select(m => new MaterialView(m.Id, m.Kind, m.Title, m.Url, m.FileName, m.Size, m.AddedAt, m.AddedBy))
            .ToListAsync(cancellationToken);

    public static async Task<Outcome<MaterialView>> UploadAsync(MeetingServices deps, Guid meetingId, string? title, IFormFile? file, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MaterialView>(deps, meetingId, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var errors = new FieldErrors().MaxLength("Title", title, new("Tittel", "Title"), 200);
        if (file is null || file.Length == 0)
        {
            return Outcome.Invalid<MaterialView>(errors.Add("File", new("Velg en fil å laste opp.", "Choose a file to upload.")));
        }

        if (file.Length > PresentationFiles.MaxBytes)
        {
            return Outcome.Invalid<MaterialView>(errors.Add("File", new(
                $"Filen er for stor. En presentasjon kan være høyst {PresentationFiles.MaxBytes / 1024 / 1024} MB.",
                $"The file is too large. A presentation can be at most {PresentationFiles.MaxBytes / 1024 / 1024} MB.")));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var fileName = Path.GetFileName(file.FileName);
        var contentType = PresentationFiles.Detect(bytes, fileName);
        if (contentType is null)
        {
            errors.Add("File", new(
                "Filen må være en presentasjon: PDF (.pdf), PowerPoint (.pptx, .ppt) eller ODF-presentasjon (.odp), og innholdet må stemme med filtypen.",
                "The file must be a presentation: PDF (.pdf), PowerPoint (.pptx, .ppt) or ODF presentation (.odp), and its content must match its type."));
        }

        if (fileName.Length > 255)
        {
            errors.Add("File", new("Filnavnet kan ha høyst 255 tegn.", "The file name can have at most 255 characters."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<MaterialView>(errors);
        }

        var material = new MeetingMaterial
        {
            MeetingId = meetingId, Kind = MaterialKind.Presentation, Title = string.IsNullOrWhiteSpace(title) ? fileName : title.Trim(),
            FileName = fileName, ContentType = contentType, Size = bytes.Length, AddedAt = deps.Clock.UtcNow, AddedBy = deps.User.DisplayName,
        };
        deps.Db.Materials.Add(material);
        deps.Db.MaterialContents.Add(new MaterialContent { MaterialId = material.Id, Bytes = bytes });
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(View(material));
    }

    public static async Task<Outcome<MaterialView>> AddRecordingAsync(MeetingServices deps, Guid meetingId, RecordingRequest request, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MaterialView>(deps, meetingId, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var errors = new FieldErrors().Required(nameof(request.Title), request.Title, new("Tittel", "Title"), 200);
        if (!Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || request.Url!.Length > 2000)
        {
            errors.Add(nameof(request.Url), new("Lenken må være en fullstendig adresse som begynner med https://.", "The link must be a full address starting with https://."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<MaterialView>(errors);
        }

        var material = new MeetingMaterial
        {
            MeetingId = meetingId, Kind = MaterialKind.Recording, Title = request.Title!.Trim(), Url = request.Url!.Trim(),
            AddedAt = deps.Clock.UtcNow, AddedBy = deps.User.DisplayName,
        };
        deps.Db.Materials.Add(material);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(View(material));
    }

    private static MaterialView View(MeetingMaterial m) => new(m.Id, m.Kind, m.Title, m.Url, m.FileName, m.Size, m.AddedAt, m.AddedBy);
}
