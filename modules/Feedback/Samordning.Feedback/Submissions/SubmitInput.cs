using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Feedback.Privacy;
using Samordning.Feedback.Rounds;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Submissions;

internal sealed record SubmitInputRequest(
    ContributorType? ContributorType,
    string? OrganisationName,
    string? OrganisationNumber,
    string? ContributorName,
    string? ContributorEmail,
    bool WantsReceipt,
    string? Text,
    IReadOnlyDictionary<long, string?> Answers,
    bool ConsentToPublish,
    bool ConsentToPublishName,
    string? Token,
    IReadOnlyList<UploadedFile> Attachments);

internal enum SubmitResultKind
{
    Accepted,
    Invalid,
    TooLarge,
    Closed,
    NotFound,
}

internal sealed record Receipt(Guid Id, string Reference, Guid RoundId, string RoundTitle, DateTimeOffset ReceivedAt);

internal sealed record SubmitResult(SubmitResultKind Kind, Receipt? Receipt = null, FieldErrors? Errors = null);

internal sealed class SubmitInput(FeedbackDbContext db, IClock clock, IOutbox outbox)
{
    // The page has loaded the round already (to render it, or to answer 404); it is passed in, not read again.
    public async Task<SubmitResult> HandleAsync(RoundDetails? round, ClaimsPrincipal user, SubmitInputRequest request, CancellationToken cancellationToken)
    {
        var ministry = user.IsInRole(Roles.ContactPerson) ? user.MinistryId() : null;
        var guest = round is not null && user.GuestRoundId() == round.Id;

        // A round by invitation is not there for the public; contact persons answer it for their ministry, and a
        // guest of this round (a guest link's session, scoped to it alone) like any outside contributor.
        if (round is null || (!round.IsPublic && ministry is null && !guest))
        {
            return new(SubmitResultKind.NotFound);
        }

        // The server's clock decides, to the second: the deadline's second is the last one accepted.
        var now = clock.UtcNow;
        if (!round.IsOpenAt(now))
        {
            // A form stored before the deadline and posted again after it (a retry after a lost answer) still gets
            // its receipt; only this rare path pays for looking the token up.
            return await FindByTokenAsync(request.Token, cancellationToken) is { } stored
                ? new(SubmitResultKind.Accepted, stored)
                : new(SubmitResultKind.Closed);
        }

        var (errors, tooLarge, attachments) = Validate(round, request);
        if (errors.Any)
        {
            return new(tooLarge ? SubmitResultKind.TooLarge : SubmitResultKind.Invalid, Errors: errors);
        }

        var item = new FeedbackItem
        {
            Reference = References.New(),
            RoundId = round.Id,
            Channel = Channel.WebForm,
            Source = ministry is not null ? "Kontaktperson" : guest ? "Gjestelenke" : "Innspillsside",
            ReceivedAt = now,
            ContributorType = ministry is null ? request.ContributorType!.Value : ContributorType.Ministry,
            OrganisationName = Trimmed(request.OrganisationName),
            OrganisationNumber = string.IsNullOrWhiteSpace(request.OrganisationNumber) ? null : OrganisationNumber.Normalize(request.OrganisationNumber),
            ContributorName = Trimmed(request.ContributorName),
            ContributorEmail = Contributors.NormaliseEmail(request.ContributorEmail),
            MinistryId = ministry,
            Text = Trimmed(request.Text),
            ConsentToPublish = request.ConsentToPublish,
            ConsentToPublishName = request.ConsentToPublish && request.ConsentToPublishName,
            IdempotencyToken = request.Token,
            Language = Localized.Language,
        };
        foreach (var question in round.Questions)
        {
            if (request.Answers.TryGetValue(question.Id, out var answer) && !string.IsNullOrWhiteSpace(answer))
            {
                item.Answers.Add(new FeedbackAnswer { QuestionId = question.Id, Question = question.Text, Text = answer.Trim() });
            }
        }

        item.Attachments.AddRange(attachments);
        db.Items.Add(item);

        // The receipt mail commits with the item (an outbox row), so a stored item always gets its mail, even when
        // the Notifications store is busy or the process dies right after the commit.
        if (request.WantsReceipt && item.ContributorEmail is { } email)
        {
            db.StageEvent(new MailRequested(ReceiptMail(new Receipt(item.Id, item.Reference, round.Id, round.Title, item.ReceivedAt), email, item.ContributorName)));
        }

        try
        {
            // No query for the token first: the unique index decides, so the common case (a new form) is one
            // write transaction and the repeat (a double click, a retry) is the exception.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (request.Token is not null && UniqueViolation.Is(e))
        {
            // The same form was stored before (or by a post that arrived at the same time): answer with its receipt.
            db.ChangeTracker.Clear();
            return await FindByTokenAsync(request.Token, cancellationToken) is { } first
                ? new(SubmitResultKind.Accepted, first)
                : throw new InvalidOperationException("A submission failed to save and no earlier one carries its token.");
        }

        await outbox.DeliverAsync(db, cancellationToken);
        return new(SubmitResultKind.Accepted, new Receipt(item.Id, item.Reference, round.Id, round.Title, item.ReceivedAt));
    }

    private async Task<Receipt?> FindByTokenAsync(string? token, CancellationToken cancellationToken) =>
        token is null
            ? null
            : await db.Items.AsNoTracking()
                .Where(i => i.IdempotencyToken == token)
                .Join(db.Rounds, i => i.RoundId, r => r.Id, (i, r) => new Receipt(i.Id, i.Reference, r.Id, r.Title, i.ReceivedAt))
                .FirstOrDefaultAsync(cancellationToken);

    private static (FieldErrors Errors, bool TooLarge, List<FeedbackAttachment> Attachments) Validate(RoundDetails round, SubmitInputRequest request)
    {
        var errors = new FieldErrors()
            .Required(nameof(request.OrganisationName), request.OrganisationName, new("Navn på organisasjon", "Organisation name"), 200)
            .OrganisationNumber(nameof(request.OrganisationNumber), request.OrganisationNumber, new("Organisasjonsnummer", "Organisation number"))
            .MaxLength(nameof(request.ContributorName), request.ContributorName, new("Navn", "Name"), 200)
            .Email(nameof(request.ContributorEmail), request.ContributorEmail, new("E-post", "E-mail"), required: request.WantsReceipt)
            .MaxLength(nameof(request.Text), request.Text, new("Innspill", "Input"), 20000);
        if (request.ContributorType is null)
        {
            errors.Add(nameof(request.ContributorType), new("Velg hvem innspillet kommer fra.", "Choose who the input is from."));
        }

        if (request.WantsReceipt)
        {
            errors.Required(nameof(request.ContributorName), request.ContributorName, new("Navn", "Name"), 200);
        }

        foreach (var question in round.Questions)
        {
            if (request.Answers.TryGetValue(question.Id, out var answer))
            {
                errors.MaxLength($"Answers[{question.Id}]", answer, new("Svaret", "The answer"), 10000);
            }
        }

        if (!FormToken.IsValid(request.Token))
        {
            errors.Add(nameof(request.Token), new(
                $"Skjemaets engangsnøkkel var ugyldig (høyst {FormToken.MaxLength} tegn: bokstaver, sifre, - og _). Innspillet er ikke sendt; du har fått en ny nøkkel, så send skjemaet på nytt.",
                $"The form's one-time key was invalid (at most {FormToken.MaxLength} characters: letters, digits, - and _). The input was not sent; you have a new key, so send the form again."));
        }

        var hasAnswer = request.Answers.Values.Any(a => !string.IsNullOrWhiteSpace(a));
        if (string.IsNullOrWhiteSpace(request.Text) && !hasAnswer && request.Attachments.Count == 0)
        {
            errors.Add(nameof(request.Text), new("Skriv innspillet, svar på et spørsmål eller legg ved et dokument.", "Write your input, answer a question or attach a document."));
        }

        var (tooLarge, attachments) = AttachmentRules.Check(request.Attachments, errors, nameof(request.Attachments));
        return (errors, tooLarge, attachments);
    }

    private static OutgoingMail ReceiptMail(Receipt receipt, string email, string? name)
    {
        var when = RoundTexts.DateTime(receipt.ReceivedAt);
        return new OutgoingMail(
            Contributors.ReceiptKey(receipt.Id),
            email,
            name,
            Localized.T($"Kvittering for innspill {receipt.Reference}", $"Receipt for input {receipt.Reference}"),
            Localized.T(
                $"Takk for innspillet ditt til «{receipt.RoundTitle}».\n\nReferansenummer: {receipt.Reference}\nMottatt: {when}\n\nOppgi referansenummeret hvis du kontakter oss om innspillet.",
                $"Thank you for your input to “{receipt.RoundTitle}”.\n\nReference number: {receipt.Reference}\nReceived: {when}\n\nQuote the reference number if you contact us about your input."));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
