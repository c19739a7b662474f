// Keeps the dashboard current: when an initiative changes anywhere, fetch this page again (same filter) and
// swap in the new figures, then say so to screen readers, politely. Bursts of changes cause one refresh.
// Without JavaScript (or without a connection) the page is the same, as of when it was loaded.
import { keepLive } from "/js/live-region.js";

const region = document.getElementById("dashboard");
const status = document.getElementById("dashboard-status");

if (region && status && window.signalR) {
    keepLive(region, status, () => window.location.href, [[region.dataset.liveTopic, region.dataset.liveAfter]]);
}
