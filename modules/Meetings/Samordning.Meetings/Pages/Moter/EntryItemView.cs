using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Pages.Moter;

internal sealed record EntryItemView(EntryView Entry, IReadOnlyList<AgendaView> Agenda, bool CanWrite, bool CanManage);
