using System.Globalization;

namespace Samordning.Workstreams.Rounds;

// One page of a ministry's unconfirmed initiatives in a round, by title; Total counts them all. A big ministry has
// thousands, and answering them in one response was the slowest request of a reporting day (docs/benchmarks.md).
internal sealed record UnconfirmedPage(IReadOnlyList<UnconfirmedInitiative> Items, int Total, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    // Far beyond any ministry's initiatives; it bounds how far the database is asked to skip.
    public const int MaxPage = 10_000;
}

// ?page=&pageSize= as given (text, so "abc" is a field error like any other, not a bare 400).
internal sealed record UnconfirmedPaging(int Page, int PageSize)
{
    public static readonly UnconfirmedPaging First = new(1, UnconfirmedPage.DefaultPageSize);

    public static (UnconfirmedPaging Paging, FieldErrors Errors) Parse(string? page, string? pageSize)
    {
        var errors = new FieldErrors();
        var pageNumber = Number(page, 1, 1, UnconfirmedPage.MaxPage);
        if (pageNumber is null)
        {
            errors.Add("Page", new(
                $"Siden må være et helt tall fra 1 til {UnconfirmedPage.MaxPage}.",
                $"The page must be a whole number from 1 to {UnconfirmedPage.MaxPage}."));
        }

        var size = Number(pageSize, UnconfirmedPage.DefaultPageSize, 1, UnconfirmedPage.MaxPageSize);
        if (size is null)
        {
            errors.Add("PageSize", new(
                $"Antall per side må være mellom 1 og {UnconfirmedPage.MaxPageSize}.",
                $"The page size must be between 1 and {UnconfirmedPage.MaxPageSize}."));
        }

        return (new(pageNumber ?? 1, size ?? UnconfirmedPage.DefaultPageSize), errors);
    }

    private static int? Number(string? text, int absent, int min, int max) =>
        string.IsNullOrWhiteSpace(text) ? absent
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : null;
}
