// Keeps the dashboard current: when an initiative changes anywhere, fetch this page again (same filter) and
// swap in the new figures, then say so to screen readers. Bursts of changes cause one refresh.
import { follow } from "/js/live.js";

const region = document.getElementById("dashboard");
const status = document.getElementById("dashboard-status");
let timer;

async function refresh() {
    const response = await fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok) {
        return;
    }

    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("dashboard");
    if (fresh) {
        region.replaceChildren(...fresh.childNodes);
        status.textContent = status.dataset.message;
    }
}

if (region && window.signalR) {
    follow(region.dataset.liveTopic, region.dataset.liveAfter, () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 250);
    }).catch(() => {
        // Live updates are an addition; the page works without them (reload shows the latest figures).
    });
}
