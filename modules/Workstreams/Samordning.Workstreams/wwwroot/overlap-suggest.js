// Overlap suggestions while typing (issue 17): as the contact person writes an initiative's title, summary and tags,
// ask the server (debounced) for similar initiatives of other ministries and list them, each with why, in a polite
// live region beside the form. Without script the initiative's page shows the same suggestions after saving.
//
// Markup: an element with data-overlap-suggest='{"url":…,"exclude":…}' holding a [data-overlap-list] list, with
// data-found ("{n} …") and data-none texts, and a live region #overlap-status outside it (it is hidden when empty).
const Delay = 400;
const MinimumLength = 4;

const box = document.querySelector("[data-overlap-suggest]");
if (box) {
    const settings = JSON.parse(box.dataset.overlapSuggest);
    const form = box.closest("form") ?? document;
    const field = name => form.querySelector(`[name="Input.${name}"]`);
    const title = field("Title");
    const summary = field("Summary");
    const tags = field("Tags");
    const ministry = field("OwningMinistryId");
    const list = box.querySelector("[data-overlap-list]");
    const status = document.getElementById("overlap-status");
    let timer;
    let controller;
    let last = "";

    const ask = async () => {
        const query = new URLSearchParams({ title: title?.value ?? "", description: summary?.value ?? "", tags: tags?.value ?? "" });
        if (ministry?.value) {
            query.set("ministry", ministry.value);
        }

        if (settings.exclude) {
            query.set("exclude", settings.exclude);
        }

        const text = `${query}`;
        if (text === last || (title?.value ?? "").trim().length + (summary?.value ?? "").trim().length < MinimumLength) {
            return;
        }

        last = text;
        controller?.abort();
        controller = new AbortController();
        try {
            const response = await fetch(`${settings.url}?${text}`, { headers: { Accept: "application/json" }, signal: controller.signal });
            if (!response.ok) {
                return;
            }

            show(await response.json());
        } catch (error) {
            if (error.name !== "AbortError") {
                throw error;
            }
        }
    };

    const show = suggestions => {
        list.replaceChildren(...suggestions.map(s => {
            const item = document.createElement("li");
            const link = document.createElement("a");
            link.className = "ds-link";
            link.href = `/arbeidsstrommer/tiltak/${s.id}`;
            link.target = "_blank";
            link.rel = "noopener";
            link.textContent = s.title;
            item.append(link, ` (${s.ministryCode})`);
            if (s.reasons.length > 0) {
                const reasons = document.createElement("span");
                reasons.className = "overlap-reasons";
                reasons.textContent = ` – ${s.reasons.join("; ")}`;
                item.append(reasons);
            }

            return item;
        }));
        box.hidden = suggestions.length === 0;
        status.textContent = suggestions.length === 0 ? box.dataset.none : box.dataset.found.replace("{n}", `${suggestions.length}`);
    };

    for (const input of [title, summary, tags, ministry].filter(Boolean)) {
        input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
            clearTimeout(timer);
            timer = setTimeout(ask, Delay);
        });
    }
}
