using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Partials;

// The picker's model: the form field's name (Input.WorkstreamIds), every workstream, and what is ticked.
internal sealed record WorkstreamPicker(string Name, IReadOnlyList<WorkstreamInfo> All, IReadOnlyCollection<Guid> Selected);
