// A region of a server-rendered page kept current over the live hub: when an item arrives on any topic it follows,
// fetch the page again and swap in the region's new content, then say so politely to screen readers. Bursts of
// items cause one refresh; the keyboard stays where it was. Without JavaScript the page is as it was loaded.
import { follow } from "/js/live.js";

// Where the keyboard was, so swapping the content does not throw a keyboard or screen reader user back to the top.
function focusKey(region) {
    const active = document.activeElement;
    if (!active || active === document.body || !region.contains(active)) {
        return null;
    }

    return active.id ? `#${CSS.escape(active.id)}` : active.getAttribute("href") ? `[href="${CSS.escape(active.getAttribute("href"))}"]` : null;
}

/**
 * Keeps `region` (an element with an id) current. `status` is a live region whose data-message is announced after
 * each refresh; `url` returns the address to fetch; `topics` are [topic, after] pairs the page rendered.
 */
export function keepLive(region, status, url, topics) {
    let timer;
    let refreshing = false;
    let again = false;

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
            const response = await fetch(url(), { headers: { Accept: "text/html" }, credentials: "same-origin" });
            if (!response.ok) {
                return;
            }

            const page = new DOMParser().parseFromString(await response.text(), "text/html");
            const fresh = page.getElementById(region.id);
            if (!fresh) {
                return; // Not the same page (a sign-in page after the session ended): keep what is shown.
            }

            const key = focusKey(region);
            region.replaceChildren(...fresh.childNodes);
            const target = key ? region.querySelector(key) : null;
            if (target) {
                target.focus();
            }

            announce();
        } catch {
            // A failed refresh leaves the content as it was; the next change or a reload brings it up to date.
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

    for (const [topic, after] of topics) {
        follow(topic, after, schedule).catch(() => {
            // Live updates are an addition; the page works without them (a reload shows the latest).
        });
    }
}
