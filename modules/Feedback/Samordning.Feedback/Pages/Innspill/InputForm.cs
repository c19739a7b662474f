using Samordning.Feedback.Data;
using Samordning.Feedback.Submissions;

namespace Samordning.Feedback.Pages.Innspill;

internal sealed class InputForm
{
    public ContributorType? ContributorType { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? ContributorName { get; set; }
    public string? ContributorEmail { get; set; }
    public bool WantsReceipt { get; set; }
    public string? Text { get; set; }
    public Dictionary<long, string?> Answers { get; set; } = [];
    public bool ConsentToPublish { get; set; }
    public bool ConsentToPublishName { get; set; }

    // Issued with the form; the same form posted twice is one submission.
    public string? Token { get; set; }

    // The honeypot: hidden from people, so only a robot fills it.
    public string? Website { get; set; }

    public SubmitInputRequest ToRequest(IReadOnlyList<UploadedFile> attachments) => new(
        ContributorType, OrganisationName, OrganisationNumber, ContributorName, ContributorEmail, WantsReceipt, Text, Answers,
        ConsentToPublish, ConsentToPublishName, string.IsNullOrWhiteSpace(Token) ? null : Token, attachments);
}
