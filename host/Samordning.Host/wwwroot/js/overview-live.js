// Keeps "my overview" current: an item on any topic its sections follow (the person's notifications, initiatives,
// this week's meetings) refetches the sections without counting a visit (?handler=Sections).
import { keepLive } from "/js/live-region.js";

const region = document.getElementById("overview");
const status = document.getElementById("overview-status");

if (region && status && window.signalR) {
    const topics = (region.dataset.liveTopics || "").split(" ").filter(Boolean).map((pair) => {
        const at = pair.lastIndexOf("=");
        return [pair.slice(0, at), pair.slice(at + 1)];
    });
    keepLive(region, status, () => "/?handler=Sections", topics);
}
