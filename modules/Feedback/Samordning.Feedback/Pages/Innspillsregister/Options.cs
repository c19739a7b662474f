using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Text;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Innspillsregister;

// The select lists the register's forms share, each starting with an empty choice.
internal static class Options
{
    public static IEnumerable<SelectListItem> Statuses(string empty) =>
        Enum.GetValues<FeedbackStatus>().Select(s => new SelectListItem(RoundTexts.StatusText(s), s.ToString())).Prepend(new(empty, ""));

    public static IEnumerable<SelectListItem> Channels(string empty) =>
        Enum.GetValues<Channel>().Select(c => new SelectListItem(RoundTexts.ChannelText(c), c.ToString())).Prepend(new(empty, ""));

    public static IEnumerable<SelectListItem> ContributorTypes() =>
        Enum.GetValues<ContributorType>().Select(t => new SelectListItem(RoundTexts.ContributorTypeText(t), t.ToString())).Prepend(new(Localized.T("Velg …", "Choose …"), ""));

    public static IEnumerable<SelectListItem> Rounds(IEnumerable<RoundDetails> rounds, string empty) =>
        rounds.Select(r => new SelectListItem(r.Title, r.Id.ToString())).Prepend(new(empty, ""));

    public static IEnumerable<SelectListItem> Workstreams(IEnumerable<WorkstreamInfo> workstreams, string empty) =>
        workstreams.Select(w => new SelectListItem(WorkstreamChoices.Name(w), w.Id.ToString())).Prepend(new(empty, ""));

    public static List<string> SplitTags(string? tags) =>
        [.. (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
