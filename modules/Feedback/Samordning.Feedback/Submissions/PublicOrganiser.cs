using Samordning.Shared.Text;

namespace Samordning.Feedback.Submissions;

// Who asks for the input and receives it, named on every public page so a citizen knows where their words go.
// The white paper's owner by default; a deployment for another process sets its own.
internal sealed class PublicOrganiser
{
    public const string Section = "Modules:Feedback:Organiser";

    public string NameNb { get; set; } = "Kommunal- og moderniseringsdepartementet (KMD)";

    public string NameEn { get; set; } = "the Ministry of Local Government and Modernisation (KMD)";

    public LocalizedText Name => new(NameNb, NameEn);
}
