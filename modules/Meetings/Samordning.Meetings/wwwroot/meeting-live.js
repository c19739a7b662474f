// Live notes on the meeting page. The server renders the notes written so far and the topic's last sequence
// number; this joins the meeting's topic, and live.js delivers every later item once, in order, fetching what a
// cut connection or a sleeping page missed from /api/live. An entry is shown once, by its id: a newer version
// replaces the old one, an older or equal one is ignored. New notes are announced in the polite live region.
import { follow } from "/js/live.js";

const list = document.getElementById("entries");
const status = document.getElementById("entries-status");

function labels() {
    return {
        kinds: JSON.parse(list.dataset.kinds || "{}"),
        agenda: JSON.parse(list.dataset.agenda || "{}"),
        withdrawn: list.dataset.labelWithdrawn,
        corrected: list.dataset.labelCorrected,
        owner: list.dataset.labelOwner,
        due: list.dataset.labelDue,
        lang: list.dataset.lang || "nb-NO",
    };
}

function span(className, text) {
    const element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
}

// Built with textContent only: whatever the text holds (script, HTML) stays text.
function render(entry, text) {
    const item = document.createElement("li");
    item.className = entry.withdrawn ? "entry entry--withdrawn" : "entry";
    item.id = `notat-${entry.id}`;
    item.dataset.entryId = entry.id;
    item.dataset.version = String(entry.version);
    item.dataset.kind = entry.kind;

    const meta = document.createElement("p");
    meta.className = "entry__meta";
    meta.append(span("entry__kind", text.kinds[entry.kind] ?? entry.kind));
    if (entry.agendaItemId && text.agenda[entry.agendaItemId]) {
        meta.append(span("entry__agenda", text.agenda[entry.agendaItemId]));
    }

    meta.append(span("entry__author", entry.authorName));
    const time = document.createElement("time");
    time.dateTime = entry.createdAt;
    time.textContent = new Intl.DateTimeFormat(text.lang, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" }).format(new Date(entry.createdAt));
    meta.append(time);
    if (entry.withdrawn) {
        meta.append(span("entry__state", text.withdrawn));
    } else if (entry.version > 0) {
        meta.append(span("entry__state", text.corrected));
    }

    const body = document.createElement("p");
    body.className = "entry__text";
    body.textContent = entry.text;
    item.append(meta, body);

    if (entry.kind === "ActionItem") {
        const action = document.createElement("p");
        action.className = "entry__action";
        const due = entry.dueDate
            ? new Intl.DateTimeFormat(text.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${entry.dueDate}T00:00:00Z`))
            : "–";
        action.textContent = `${text.owner}: ${entry.ownerName ?? "–"} · ${text.due}: ${due}`;
        item.append(action);
    }

    return item;
}

function upsert(entry) {
    const text = labels();
    const existing = list.querySelector(`[data-entry-id="${CSS.escape(entry.id)}"]`);
    if (existing) {
        if (Number(existing.dataset.version) >= entry.version) {
            return;
        }

        // A newer version from elsewhere: the server-rendered tools carry the old version, so they go too.
        existing.replaceWith(render(entry, text));
        announce(`${status.dataset.changed}: ${text.kinds[entry.kind] ?? entry.kind}`);
        return;
    }

    list.append(render(entry, text));
    document.getElementById("entries-empty")?.remove();
    announce(`${status.dataset.new}: ${text.kinds[entry.kind] ?? entry.kind}. ${entry.text.slice(0, 140)}`);
}

function announce(message) {
    status.textContent = message;
}

if (list && window.signalR) {
    follow(list.dataset.liveTopic, list.dataset.liveAfter, (item) => {
        if (item.type === "meetings.entry") {
            upsert(item.payload);
        } else if (item.type === "meetings.status") {
            announce(status.dataset.status);
        }
    }).then(() => {
        // Says that the page follows the meeting (for people's tools and the end-to-end tests alike).
        list.dataset.liveState = "following";
    }).catch(() => {
        // Live updates are an addition; the page works without them (a reload shows every note).
    });
}
