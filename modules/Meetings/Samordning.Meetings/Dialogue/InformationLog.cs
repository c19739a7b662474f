using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Dialogue;

// What KMD told a supplier in a one-to-one meeting, and the one action that publishes it to all: a Q&A item
// anyone reads, without the supplier's name, linked back so the equal-treatment report sees it published.
internal sealed class InformationLog : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues/{id:guid}").WithTags("Supplier dialogue").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapPost("/slots/{slotId:guid}/information", async (Guid id, Guid slotId, InformationRequest request, MeetingServices deps, CancellationToken ct) =>
                (await RecordAsync(deps, id, slotId, request, ct)).ToCreated(i => $"/api/meetings/dialogues/{id}"))
            .WithSummary("Records information KMD gave in a booked one-to-one meeting (which marks it held) (coordinators).");

        group.MapPost("/information/{informationId:guid}/publish", async (Guid id, Guid informationId, PublishInformationRequest request, MeetingServices deps, CancellationToken ct) =>
                (await PublishAsync(deps, id, informationId, request, ct)).ToOk())
            .WithSummary("Publishes information given in a one-to-one to every supplier and the public as a Q&A item (coordinators). Again is harmless.");

        group.MapPost("/questions/{questionId:guid}/answer", async (Guid id, Guid questionId, DialogueAnswerRequest request, MeetingServices deps, CancellationToken ct) =>
                (await AnswerAsync(deps, id, questionId, request, ct)).ToOk())
            .WithSummary("Answers a supplier's question and publishes or withdraws the answer; a stale version gets 409 (coordinators).");
    }

    public static async Task<Outcome<InformationView>> RecordAsync(MeetingServices deps, Guid dialogueId, Guid slotId, InformationRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<InformationView>();
        }

        var slot = await deps.Db.DialogueSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.DialogueId == dialogueId, cancellationToken);
        if (slot is null)
        {
            return Outcome.NotFound<InformationView>();
        }

        var errors = DialogueRules.Validate(request);
        if (slot.SupplierId is null)
        {
            errors.Add(nameof(request.Text), new("Informasjon kan bare føres for et booket en-til-en-møte.", "Information can only be recorded for a booked one-to-one meeting."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<InformationView>(errors);
        }

        var information = new DialogueInformation
        {
            DialogueId = dialogueId,
            SlotId = slotId,
            SupplierId = slot.SupplierId!.Value,
            Text = request.Text!.Trim(),
            DocumentReference = DialogueRules.Trimmed(request.DocumentReference),
            GivenAt = deps.Clock.UtcNow,
            RecordedBy = deps.User.DisplayName,
        };
        deps.Db.DialogueInformation.Add(information);

        // Information given means the meeting took place.
        slot.Held = true;
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(information.ToView());
    }

    public static async Task<Outcome<QuestionAdminView>> PublishAsync(MeetingServices deps, Guid dialogueId, Guid informationId, PublishInformationRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<QuestionAdminView>();
        }

        var information = await deps.Db.DialogueInformation.FirstOrDefaultAsync(i => i.Id == informationId && i.DialogueId == dialogueId, cancellationToken);
        if (information is null)
        {
            return Outcome.NotFound<QuestionAdminView>();
        }

        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<QuestionAdminView>(errors);
        }

        if (information.PublishedQuestionId is { } published
            && await deps.Db.DialogueQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == published, cancellationToken) is { } existing)
        {
            return Outcome.Ok(ToView(existing));
        }

        var now = deps.Clock.UtcNow;
        var answer = information.DocumentReference is { } document
            ? $"{information.Text}\n\n{Localized.T("Dokument", "Document")}: {document}"
            : information.Text;
        var question = new DialogueQuestion
        {
            DialogueId = dialogueId,

            // Not the supplier's: what one learned is published to all, and nobody should read who it was.
            SupplierId = null,
            Question = DialogueRules.Trimmed(request.Question) ?? Localized.T("Informasjon gitt i et en-til-en-møte", "Information given in a one-to-one meeting"),
            Answer = answer.Length > DialogueRules.MaxText ? answer[..DialogueRules.MaxText] : answer,
            AskedAt = now,
            PublishedAt = now,
            SourceInformationId = information.Id,
        };
        deps.Db.DialogueQuestions.Add(question);
        information.PublishedQuestionId = question.Id;
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(ToView(question));
    }

    public static async Task<Outcome<QuestionAdminView>> AnswerAsync(MeetingServices deps, Guid dialogueId, Guid questionId, DialogueAnswerRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<QuestionAdminView>();
        }

        var question = await deps.Db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.DialogueId == dialogueId, cancellationToken);
        if (question is null)
        {
            return Outcome.NotFound<QuestionAdminView>();
        }

        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<QuestionAdminView>(errors);
        }

        if (request.Version is { } version && version != question.Version)
        {
            return Outcome.Conflict(ToView(question));
        }

        question.Answer = DialogueRules.Trimmed(request.Answer);
        question.PublishedAt = request.Publish ? question.PublishedAt ?? deps.Clock.UtcNow : null;
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            deps.Db.ChangeTracker.Clear();
            return Outcome.Conflict(ToView(await deps.Db.DialogueQuestions.AsNoTracking().FirstAsync(q => q.Id == questionId, cancellationToken)));
        }

        return Outcome.Ok(ToView(question));
    }

    private static QuestionAdminView ToView(DialogueQuestion q) =>
        new(q.Id, q.Question, q.Answer, q.AskedAt, q.PublishedAt, q.SupplierId, null, q.SourceInformationId, q.Version);
}
