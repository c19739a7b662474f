// Live updates over the one hub (/hubs/live), with nothing lost: every item carries its topic's sequence
// number; on a gap, a reconnect or a wake-up the client fetches what it missed from /api/live?after=…
// and applies each sequence number once. Requires the @microsoft/signalr browser client (global signalR).

const followers = new Map(); // topic -> { last, handlers: Set, pending: Map<seq, item> }
let connection;
let starting;

function ensureConnection() {
    if (starting) {
        return starting;
    }

    connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/live")
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
        .withStatefulReconnect()
        .build();

    connection.on("item", (item) => receive(item));
    connection.onreconnected(() => {
        for (const topic of followers.keys()) {
            rejoin(topic);
        }
    });
    connection.onclose(() => {
        starting = undefined;
        // The automatic reconnect gave up: start again after a pause, then catch up.
        setTimeout(() => {
            ensureConnection().then(() => followers.forEach((_, topic) => rejoin(topic)), () => {});
        }, 5000);
    });

    starting = connection.start();
    return starting;
}

async function rejoin(topic) {
    await connection.invoke("Join", topic);
    await catchUp(topic);
}

async function catchUp(topic) {
    const follower = followers.get(topic);
    if (!follower) {
        return;
    }

    const response = await fetch(`/api/live?topic=${encodeURIComponent(topic)}&after=${follower.last}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
    });
    if (!response.ok) {
        return;
    }

    for (const item of await response.json()) {
        apply(follower, item);
    }
}

function receive(item) {
    const follower = followers.get(item.topic);
    if (!follower || item.sequence <= follower.last) {
        return;
    }

    if (item.sequence === follower.last + 1) {
        apply(follower, item);
        return;
    }

    // A gap: something was broadcast while we were away. Fetch it; the stored items are the truth.
    follower.pending.set(item.sequence, item);
    catchUp(item.topic);
}

function apply(follower, item) {
    if (item.sequence <= follower.last) {
        return;
    }

    follower.last = item.sequence;
    follower.pending.delete(item.sequence);
    const payload = typeof item.payload === "string" ? JSON.parse(item.payload) : item.payload;
    for (const handler of follower.handlers) {
        handler({ ...item, payload });
    }

    const next = follower.pending.get(follower.last + 1);
    if (next) {
        apply(follower, next);
    }
}

/**
 * Follows a topic. `after` is the last sequence number the page already shows (rendered by the server).
 * Returns a function that stops following.
 */
export async function follow(topic, after, handler) {
    let follower = followers.get(topic);
    if (!follower) {
        follower = { last: Number(after) || 0, handlers: new Set(), pending: new Map() };
        followers.set(topic, follower);
    }

    follower.handlers.add(handler);
    await ensureConnection();
    await rejoin(topic);
    return () => follower.handlers.delete(handler);
}

// A page that slept may have missed items even though the connection looks alive.
document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && connection?.state === "Connected") {
        followers.forEach((_, topic) => catchUp(topic));
    }
});
