using System.Security.Claims;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Dialogue;

internal sealed record DialogueRequest(
    string? Title, string? Description, string? Terms, DateTimeOffset? RegistrationDeadline, int? MaxSlotsPerSupplier, bool Published, long? Version = null);

internal sealed record SupplierRegistrationRequest(string? OrganisationName, string? OrganisationNumber, string? ContactName, string? Email, bool AcceptTerms);

internal sealed record SlotRequest(DateTimeOffset? StartsAt, int? DurationMinutes, string? Place, string? VideoLink);

internal sealed record InformationRequest(string? Text, string? DocumentReference);

internal sealed record PublishInformationRequest(string? Question);

internal sealed record SupplierQuestionRequest(string? Question);

internal sealed record DialogueAnswerRequest(string? Answer, bool Publish, long? Version);

internal sealed record HeldRequest(bool Held);

// The dialogue's rules in one place: limits, validation, who manages, and the private link's token.
internal static class DialogueRules
{
    public const int MaxTitle = 200;
    public const int MaxName = 200;
    public const int MaxPlace = 300;
    public const int MaxLink = 2000;
    public const int MaxQuestion = 2000;
    public const int MaxText = 4000;
    public const int MaxSlotsLimit = 20;
    public const int MinDuration = 15;
    public const int MaxDuration = 480;

    // The JSON bodies and forms of the dialogue are text of at most a few thousand characters.
    public const long MaxBodyBytes = 64 * 1024;

    public static readonly LocalizedText TitleLabel = new("Tittel", "Title");
    public static readonly LocalizedText DescriptionLabel = new("Beskrivelse", "Description");
    public static readonly LocalizedText TermsLabel = new("Vilkår", "Terms");
    public static readonly LocalizedText DeadlineLabel = new("Påmeldingsfrist", "Registration deadline");
    public static readonly LocalizedText MaxSlotsLabel = new("Antall tider per leverandør", "Slots per supplier");
    public static readonly LocalizedText OrganisationNameLabel = new("Organisasjonens navn", "Organisation name");
    public static readonly LocalizedText OrganisationNumberLabel = new("Organisasjonsnummer", "Organisation number");
    public static readonly LocalizedText ContactNameLabel = new("Kontaktperson", "Contact person");
    public static readonly LocalizedText EmailLabel = new("E-post", "E-mail");
    public static readonly LocalizedText StartsAtLabel = new("Starttidspunkt", "Start");
    public static readonly LocalizedText DurationLabel = new("Varighet i minutter", "Duration in minutes");
    public static readonly LocalizedText PlaceLabel = new("Sted", "Place");
    public static readonly LocalizedText VideoLinkLabel = new("Videolenke", "Video link");
    public static readonly LocalizedText InformationLabel = new("Informasjon gitt", "Information given");
    public static readonly LocalizedText DocumentLabel = new("Dokumentreferanse", "Document reference");
    public static readonly LocalizedText QuestionLabel = new("Spørsmål", "Question");
    public static readonly LocalizedText AnswerLabel = new("Svar", "Answer");

    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public static FieldErrors Validate(DialogueRequest request)
    {
        var errors = new FieldErrors()
            .Required(nameof(request.Title), request.Title, TitleLabel, MaxTitle)
            .MaxLength(nameof(request.Description), request.Description, DescriptionLabel, MaxText)
            .Required(nameof(request.Terms), request.Terms, TermsLabel, MaxText);
        if (request.RegistrationDeadline is null)
        {
            errors.Add(nameof(request.RegistrationDeadline), new($"{DeadlineLabel} må fylles ut.", $"{DeadlineLabel.En} is required."));
        }

        errors.InDateRange(nameof(request.RegistrationDeadline), request.RegistrationDeadline, DeadlineLabel);
        if (request.MaxSlotsPerSupplier is { } max && (max < 1 || max > MaxSlotsLimit))
        {
            errors.Add(nameof(request.MaxSlotsPerSupplier), new($"{MaxSlotsLabel} må være mellom 1 og {MaxSlotsLimit}.", $"{MaxSlotsLabel.En} must be between 1 and {MaxSlotsLimit}."));
        }

        return errors;
    }

    public static FieldErrors Validate(SupplierRegistrationRequest request)
    {
        var errors = new FieldErrors()
            .Required(nameof(request.OrganisationName), request.OrganisationName, OrganisationNameLabel, MaxName);
        if (string.IsNullOrWhiteSpace(request.OrganisationNumber))
        {
            errors.Add(nameof(request.OrganisationNumber), new($"{OrganisationNumberLabel} må fylles ut.", $"{OrganisationNumberLabel.En} is required."));
        }
        else
        {
            errors.OrganisationNumber(nameof(request.OrganisationNumber), request.OrganisationNumber.Length > 20 ? "x" : request.OrganisationNumber, OrganisationNumberLabel);
        }

        errors.Required(nameof(request.ContactName), request.ContactName, ContactNameLabel, MaxName)
            .Email(nameof(request.Email), request.Email, EmailLabel, required: true);
        if (!request.AcceptTerms)
        {
            errors.Add(nameof(request.AcceptTerms), new("Du må godta vilkårene for dialogen.", "You must accept the terms of the dialogue."));
        }

        return errors;
    }

    public static FieldErrors Validate(SlotRequest request)
    {
        var errors = new FieldErrors();
        if (request.StartsAt is null)
        {
            errors.Add(nameof(request.StartsAt), new($"{StartsAtLabel} må fylles ut.", $"{StartsAtLabel.En} is required."));
        }

        errors.InDateRange(nameof(request.StartsAt), request.StartsAt, StartsAtLabel);
        if (request.DurationMinutes is not { } minutes || minutes < MinDuration || minutes > MaxDuration)
        {
            errors.Add(nameof(request.DurationMinutes), new($"{DurationLabel} må være mellom {MinDuration} og {MaxDuration}.", $"{DurationLabel.En} must be between {MinDuration} and {MaxDuration}."));
        }

        errors.MaxLength(nameof(request.Place), request.Place, PlaceLabel, MaxPlace)
            .MaxLength(nameof(request.VideoLink), request.VideoLink, VideoLinkLabel, MaxLink);
        if (string.IsNullOrWhiteSpace(request.Place) && string.IsNullOrWhiteSpace(request.VideoLink))
        {
            errors.Add(nameof(request.Place), new("Oppgi sted, videolenke eller begge.", "Give a place, a video link or both."));
        }

        if (!string.IsNullOrWhiteSpace(request.VideoLink) && !errors.Has(nameof(request.VideoLink))
            && !(Uri.TryCreate(request.VideoLink.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add(nameof(request.VideoLink), new($"{VideoLinkLabel} må være en https-adresse.", $"{VideoLinkLabel.En} must be an https address."));
        }

        return errors;
    }

    public static FieldErrors Validate(InformationRequest request) =>
        new FieldErrors()
            .Required(nameof(request.Text), request.Text, InformationLabel, MaxText)
            .MaxLength(nameof(request.DocumentReference), request.DocumentReference, DocumentLabel, MaxPlace);

    public static FieldErrors Validate(SupplierQuestionRequest request) =>
        new FieldErrors().Required(nameof(request.Question), request.Question, QuestionLabel, MaxQuestion);

    public static FieldErrors Validate(PublishInformationRequest request) =>
        new FieldErrors().MaxLength(nameof(request.Question), request.Question, QuestionLabel, MaxQuestion);

    public static FieldErrors Validate(DialogueAnswerRequest request)
    {
        var errors = new FieldErrors().MaxLength(nameof(request.Answer), request.Answer, AnswerLabel, MaxText);
        if (request.Publish && string.IsNullOrWhiteSpace(request.Answer))
        {
            errors.Add(nameof(request.Answer), new("Et svar må fylles ut før det publiseres.", "An answer must be written before it is published."));
        }

        return errors;
    }

    public static bool RegistrationOpen(SupplierDialogue dialogue, DateTimeOffset now) => dialogue.Published && now < dialogue.RegistrationDeadline;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Time(DateTimeOffset instant) => Oslo.ToOslo(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
