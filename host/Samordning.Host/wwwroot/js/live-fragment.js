// Keeps a list or a part of a page current while others change it (issue 16, point 6); the one live script of the
// server-rendered pages (the overview's too). A region marked
//   <div id="…" data-live-fragment data-live-topic="…" data-live-after="…" data-live-status="…">
// or, following several topics, data-live-topics="topic=after topic=after" instead of the topic and after,
// follows them from the sequences the server rendered (read before the data, so nothing falls between); on a
// change it fetches the page again (this address, same filter, or data-live-url when the page offers a lighter
// one that renders the region) and swaps in the region's new content, then says so politely in the status element. What the person is doing is kept: a region holding focus or a form field being
// typed in waits until focus leaves it; a burst of changes causes one refresh. Without JavaScript the page is as it
// was rendered. Requires the @microsoft/signalr browser client (global signalR).
import { follow } from "/js/live.js";

// Where the keyboard was, so a swap does not throw a keyboard or screen reader user back to the top of the page.
function focusKey(region) {
    const active = document.activeElement;
    if (!active || active === document.body || !region.contains(active)) {
        return null;
    }

    if (active.id) {
        return `#${CSS.escape(active.id)}`;
    }

    const href = active.getAttribute("href");
    return href ? `[href="${CSS.escape(href)}"]` : null;
}

// A field being filled in: swapping would lose the person's input, so the refresh waits for focus to leave.
function editing(region) {
    const active = document.activeElement;
    return active && region.contains(active) && active.matches("input, select, textarea, [contenteditable]");
}

function announce(status, message) {
    if (!status || !message) {
        return;
    }

    // A live region announces a change of its text: empty it first, so the same message is announced again.
    status.textContent = "";
    setTimeout(() => {
        status.textContent = message;
    }, 100);
}

// The keys of a region's announceable elements (data-live-key), so a swap can tell which are new.
function keysOf(element) {
    return new Set([...element.querySelectorAll("[data-live-key]")].map((e) => e.dataset.liveKey));
}

// A region with data-live-announce-new says only what is new since the last swap: the data-live-announce text of
// each element whose data-live-key it did not show before (a new question, a poll's changed result), shortened so
// a long text does not hold the reader up. Nothing new to say (an upvote elsewhere): silence. Other regions say
// their status element's data-message.
function messageOf(region, status, before) {
    if (region.dataset.liveAnnounceNew === undefined) {
        return status?.dataset.message;
    }

    return [...region.querySelectorAll("[data-live-key]")]
        .filter((e) => !before.has(e.dataset.liveKey) && e.dataset.liveAnnounce)
        .map((e) => (e.dataset.liveAnnounce.length > 160 ? `${e.dataset.liveAnnounce.slice(0, 160)}…` : e.dataset.liveAnnounce))
        .join(" ");
}

function live(region) {
    const status = document.getElementById(region.dataset.liveStatus);
    let timer;
    let refreshing = false;
    let again = false;

    async function refresh() {
        if (refreshing) {
            again = true;
            return;
        }

        if (editing(region)) {
            region.addEventListener("focusout", schedule, { once: true });
            return;
        }

        refreshing = true;
        region.setAttribute("aria-busy", "true");
        try {
            const response = await fetch(region.dataset.liveUrl || window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
            if (!response.ok) {
                return;
            }

            const page = new DOMParser().parseFromString(await response.text(), "text/html");
            const fresh = page.getElementById(region.id);
            if (!fresh || editing(region)) {
                return; // Not this page any more (the session ended), or the person started typing: keep what is shown.
            }

            const key = focusKey(region);
            const before = keysOf(region);
            region.replaceChildren(...fresh.childNodes);
            region.dispatchEvent(new CustomEvent("live:refreshed", { bubbles: true }));
            const target = key ? region.querySelector(key) : null;
            if (target) {
                target.focus();
            }

            announce(status, messageOf(region, status, before));
        } catch {
            // A failed refresh leaves the region as it was; the next change or a reload brings it up to date.
        } finally {
            region.removeAttribute("aria-busy");
            refreshing = false;
            if (again) {
                again = false;
                schedule();
            }
        }
    }

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(refresh, 250);
    }

    // data-live-types: only these item types concern the region (a meeting's page hears its notes too).
    const types = region.dataset.liveTypes ? region.dataset.liveTypes.split(",") : null;
    for (const [topic, after] of topicsOf(region)) {
        follow(topic, after, (item) => {
            if (!types || types.includes(item.type)) {
                schedule();
            }
        }).catch(() => {
            // Live updates are an addition; the page works without them (a reload shows the latest).
        });
    }
}

// [topic, after] pairs: data-live-topic and data-live-after, or each "topic=after" of data-live-topics (a topic
// may hold "=" and ":", the sequence never does).
function topicsOf(region) {
    if (region.dataset.liveTopics !== undefined) {
        return region.dataset.liveTopics.split(" ").filter(Boolean).map((pair) => {
            const at = pair.lastIndexOf("=");
            return [pair.slice(0, at), pair.slice(at + 1)];
        });
    }

    return region.dataset.liveTopic ? [[region.dataset.liveTopic, region.dataset.liveAfter]] : [];
}

if (window.signalR) {
    document.querySelectorAll("[data-live-fragment]").forEach(live);
}
