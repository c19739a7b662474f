// Keeps the unread count current in the header and on /varsler: each notification pushed on the person's own
// topic carries the count.
import { follow } from "/js/live.js";

for (const badge of document.querySelectorAll("[data-badge-topic^='user:']")) {
    const count = badge.querySelector("[data-badge-count]");
    const countText = badge.querySelector("[data-badge-count-text]");
    if (!count || !window.signalR) {
        continue;
    }

    follow(badge.dataset.badgeTopic, badge.dataset.badgeAfter, (item) => {
        if (item.type === "notification" && Number.isInteger(item.payload.unread)) {
            // The pill shows data-count; the hidden text is what a screen reader reads.
            count.dataset.count = String(item.payload.unread);
            if (countText) {
                countText.textContent = String(item.payload.unread);
            }
            // The same count on the page itself (/varsler), in its status line.
            for (const onPage of document.querySelectorAll("[data-unread-count]")) {
                onPage.textContent = String(item.payload.unread);
            }
        }
    }).catch(() => {
        // Live updates are an addition; the count is right on the next page load.
    });
}
