// Tells a person looking at the registry that someone else just changed it, with a link to reload.
import { follow } from "/js/live.js";

const region = document.querySelector("[data-live-topic]");
if (region && window.signalR) {
    follow(region.dataset.liveTopic, region.dataset.liveAfter, (item) => {
        region.replaceChildren();
        const text = document.createElement("p");
        text.className = "ds-paragraph";
        text.textContent = region.dataset.message.replace("{name}", item.payload.name);
        const reload = document.createElement("a");
        reload.className = "ds-link";
        reload.href = window.location.href;
        reload.textContent = region.dataset.reload;
        text.append(" ", reload);
        region.append(text);
        region.classList.add("live-notice--active");
    }).catch(() => {
        // Live updates are an addition; the page works without them.
    });
}
