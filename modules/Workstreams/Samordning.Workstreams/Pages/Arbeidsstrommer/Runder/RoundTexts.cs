using Samordning.Shared.Text;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Runder;

internal static class RoundTexts
{
    public static LocalizedText State(RoundState state) => state switch
    {
        RoundState.Submitted => new("Sendt inn", "Submitted"),
        RoundState.InProgress => new("Påbegynt", "In progress"),
        _ => new("Ikke startet", "Not started"),
    };
}
