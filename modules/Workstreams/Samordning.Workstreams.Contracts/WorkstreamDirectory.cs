using Samordning.Shared.Text;

namespace Samordning.Workstreams.Contracts;

/// <summary>A line of work in the white paper (arbeidsstrøm).</summary>
/// <param name="Id">Workstream id.</param>
/// <param name="Chapter">Chapter number in the white paper, if any.</param>
/// <param name="TitleNb">Title in Bokmål.</param>
/// <param name="TitleEn">Title in English, or null when only Bokmål is given.</param>
/// <param name="TitleNn">Title in Nynorsk where it differs from the Bokmål one, else null.</param>
public sealed record WorkstreamInfo(Guid Id, int? Chapter, string TitleNb, string? TitleEn, string? TitleNn = null)
{
    /// <summary>The title in the current UI culture (Bokmål when no English or Nynorsk title is given).</summary>
    public string Title => Localized.Name(TitleNb, TitleEn, TitleNn);
}

/// <summary>Looks up workstreams for other modules (pickers, names beside ids, validation of links).</summary>
public interface IWorkstreamDirectory
{
    /// <summary>Every workstream, ordered by chapter and title.</summary>
    Task<IReadOnlyList<WorkstreamInfo>> GetWorkstreamsAsync(CancellationToken cancellationToken);

    /// <summary>The workstreams among <paramref name="ids"/> that exist; unknown ids are left out.</summary>
    Task<IReadOnlyList<WorkstreamInfo>> GetWorkstreamsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Checks other modules' links to workstreams, which are ids without a foreign key across modules.</summary>
public static class WorkstreamLinks
{
    /// <summary>How many of <paramref name="ids"/> name no workstream (none asked when the list is empty).</summary>
    public static async Task<int> CountUnknownAsync(this IWorkstreamDirectory directory, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        var known = (await directory.GetWorkstreamsAsync(ids, cancellationToken)).Select(w => w.Id).ToHashSet();
        return ids.Distinct().Count(id => !known.Contains(id));
    }
}
