// Keeps the dashboard current: when an initiative changes anywhere, fetch this page again (same filter) and
// swap in the new figures, then say so to screen readers, politely. Bursts of changes cause one refresh.
// Without JavaScript (or without a connection) the page is the same, as of when it was loaded.
import { follow } from "/js/live.js";

const region = document.getElementById("dashboard");
const status = document.getElementById("dashboard-status");
let timer;
let refreshing = false;
let again = false;

// Where the keyboard was, so swapping the figures does not throw a keyboard or screen reader user back to the top.
function focusKey() {
    const active = document.activeElement;
    if (!active || active === document.body || !region.contains(active)) {
        return null;
    }

    return active.id ? `#${CSS.escape(active.id)}` : active.getAttribute("href") ? `[href="${CSS.escape(active.getAttribute("href"))}"]` : null;
}

// A live region announces a change of its text: empty it first, so the same message is announced again.
function announce() {
    status.textContent = "";
    setTimeout(() => {
        status.textContent = status.dataset.message;
    }, 100);
}

async function refresh() {
    if (refreshing) {
        again = true;
        return;
    }

    refreshing = true;
    region.setAttribute("aria-busy", "true");
    try {
        const response = await fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
        if (!response.ok) {
            return;
        }

        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("dashboard");
        if (!fresh) {
            return; // Not the dashboard (a sign-in page after the session ended): keep what is shown.
        }

        const key = focusKey();
        region.replaceChildren(...fresh.childNodes);
        const target = key ? region.querySelector(key) : null;
        if (target) {
            target.focus();
        }

        announce();
    } catch {
        // A failed refresh leaves the figures as they were; the next change or a reload brings them up to date.
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
    follow(region.dataset.liveTopic, region.dataset.liveAfter, schedule).catch(() => {
        // Live updates are an addition; the page works without them (a reload shows the latest figures).
    });
}
