// Keeps "my overview" current: when an item arrives on any topic the page follows (the person's notifications,
// initiatives, this week's meetings), fetch the sections again and swap them in, then say so politely to screen
// readers. Bursts cause one refresh. Without JavaScript the page is the same, as of when it was loaded.
import { follow } from "/js/live.js";

const region = document.getElementById("overview");
const status = document.getElementById("overview-status");
let timer;
let refreshing = false;
let again = false;

function announce() {
    status.textContent = "";
    setTimeout(() => {
        status.textContent = status.dataset.message;
    }, 100);
}

// Where the keyboard was, so swapping the sections does not throw a keyboard user back to the top.
function focusKey() {
    const active = document.activeElement;
    if (!active || !region.contains(active)) {
        return null;
    }

    return active.getAttribute("href") ? `[href="${CSS.escape(active.getAttribute("href"))}"]` : null;
}

async function refresh() {
    if (refreshing) {
        again = true;
        return;
    }

    refreshing = true;
    region.setAttribute("aria-busy", "true");
    try {
        const response = await fetch("/?handler=Sections", { headers: { Accept: "text/html" }, credentials: "same-origin" });
        if (!response.ok) {
            return;
        }

        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("overview");
        if (!fresh) {
            return; // Not the overview (the session ended): keep what is shown.
        }

        const key = focusKey();
        region.replaceChildren(...fresh.childNodes);
        const target = key ? region.querySelector(key) : null;
        if (target) {
            target.focus();
        }

        announce();
    } catch {
        // A failed refresh leaves the sections as they were; the next change or a reload brings them up to date.
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

if (region && status && window.signalR) {
    for (const pair of (region.dataset.liveTopics || "").split(" ").filter(Boolean)) {
        const at = pair.lastIndexOf("=");
        follow(pair.slice(0, at), pair.slice(at + 1), schedule).catch(() => {
            // Live updates are an addition; the page works without them.
        });
    }
}
