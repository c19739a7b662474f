using Microsoft.AspNetCore.Http.Features;
using Samordning.Feedback.Data;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Text;

namespace Samordning.Feedback.Register;

// The files of input that staff recorded through the API (the letter itself, an e-mail's attachments), sent after
// the item as multipart/form-data: the public page's rules, and 413 with a readable message for a file too large.
// Only for what staff recorded: what a contributor sent through the form is theirs and stays as it came.
internal sealed class AttachFiles : IEndpoint
{
    public const string Field = "Attachments";

    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/feedback/items/{id:guid}/attachments", async Task<Results<Ok<ItemDetails>, ValidationProblem, ProblemHttpResult>> (
                Guid id, HttpRequest request, FeedbackDbContext db, ICurrentUser user, CancellationToken ct) =>
            {
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = AttachmentRules.MaxRequestBytes;
                }

                if (request.ContentLength > AttachmentRules.MaxRequestBytes)
                {
                    return TooLarge(Localized.T(
                        $"Send høyst {AttachmentRules.MaxCount} filer på inntil {AttachmentRules.MaxBytes / 1024 / 1024} MB hver.",
                        $"Send at most {AttachmentRules.MaxCount} files of up to {AttachmentRules.MaxBytes / 1024 / 1024} MB each."));
                }

                if (!request.HasFormContentType)
                {
                    return Problems.Validation(new FieldErrors().Add(Field, new("Send filene som multipart/form-data.", "Send the files as multipart/form-data.")));
                }

                var form = await request.ReadFormAsync(ct);
                var files = await AttachmentRules.ReadAsync(form.Files, ct);
                var outcome = await HandleAsync(db, user, id, files, ct);
                return outcome.Kind == OutcomeKind.Invalid && files.Any(f => f.Content.LongLength > AttachmentRules.MaxBytes)
                    ? TooLarge(string.Join(" ", outcome.Errors!.ToDictionary().GetValueOrDefault(Field) ?? []))
                    : outcome.ToOk();
            })
            .DisableAntiforgery()
            .WithTags("Feedback register")
            .WithSummary($"Attaches files sent as multipart/form-data (PDF, Word or OpenDocument, at most {AttachmentRules.MaxCount} per item of {AttachmentRules.MaxBytes / 1024 / 1024} MB each) to input recorded by staff (coordinators; contact persons for their own ministry).");

    public static async Task<Outcome<ItemDetails>> HandleAsync(FeedbackDbContext db, ICurrentUser user, Guid id, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRecord(user.Principal))
        {
            return Outcome.Forbidden<ItemDetails>();
        }

        var item = await db.Items.AsNoTracking().Visible(user.Principal)
            .Where(i => i.Id == id)
            .Select(i => new { i.Channel, Attachments = i.Attachments.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<ItemDetails>();
        }

        var errors = new FieldErrors();
        if (item.Channel == Channel.WebForm)
        {
            errors.Add(Field, new("Innspill sendt gjennom skjemaet har vedleggene innsenderen la ved.", "Input sent through the form has the attachments its contributor added."));
        }

        if (files.Count == 0)
        {
            errors.Add(Field, new("Velg minst én fil.", "Choose at least one file."));
        }
        else if (files.Count <= AttachmentRules.MaxCount && item.Attachments + files.Count > AttachmentRules.MaxCount)
        {
            errors.Add(Field, new(
                $"Et innspill kan ha høyst {AttachmentRules.MaxCount} vedlegg; dette har {item.Attachments}.",
                $"An item can have at most {AttachmentRules.MaxCount} attachments; this one has {item.Attachments}."));
        }

        var (_, accepted) = AttachmentRules.Check(files, errors, Field);
        if (errors.Any)
        {
            return Outcome.Invalid<ItemDetails>(errors);
        }

        foreach (var attachment in accepted)
        {
            attachment.ItemId = id;
        }

        db.Attachments.AddRange(accepted);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok((await ListItems.GetAsync(db, user.Principal, id, cancellationToken))!);
    }

    private static ProblemHttpResult TooLarge(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Localized.T("Filen er for stor.", "The file is too large."),
        detail: detail);
}
