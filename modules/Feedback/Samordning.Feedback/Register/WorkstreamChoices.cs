using Samordning.Shared.Text;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Register;

// The directories the register's links are checked against (ids into the Workstreams module).
internal sealed record LinkDirectories(IWorkstreamDirectory Workstreams, IInitiativeDirectory Initiatives);

// The register's links to workstreams are ids (Workstreams owns them); names come from its Contracts directory.
internal static class WorkstreamChoices
{
    public const string UnknownField = "WorkstreamIds";

    // Unknown ids are refused, not dropped: a link nobody can see the name of helps no one.
    public static async Task<List<Guid>> CheckAsync(
        IWorkstreamDirectory directory, IReadOnlyList<Guid>? ids, FieldErrors errors, string field, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return wanted;
        }

        var unknown = await directory.CountUnknownAsync(wanted, cancellationToken);
        if (unknown > 0)
        {
            errors.Add(field, unknown == 1
                ? new LocalizedText("Arbeidsstrømmen finnes ikke. Velg blant arbeidsstrømmene i listen.", "The workstream does not exist. Choose among the workstreams in the list.")
                : new LocalizedText($"{unknown} av arbeidsstrømmene finnes ikke. Velg blant arbeidsstrømmene i listen.", $"{unknown} of the workstreams do not exist. Choose among the workstreams in the list."));
        }

        return wanted;
    }

    // "8 Kompetanse for innovasjon" where the workstream is a chapter, else the title alone.
    public static string Name(WorkstreamInfo workstream) =>
        workstream.Chapter is { } chapter ? $"{chapter} {workstream.Title}" : workstream.Title;
}
