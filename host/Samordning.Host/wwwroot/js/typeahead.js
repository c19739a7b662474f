// A picker that scales (issue 16): the server renders a plain select with a short list (the person's own ministry's
// initiatives and those already chosen), which works without JavaScript. This adds, beside it, a combobox in the
// WAI-ARIA 1.2 pattern (list autocomplete, aria-activedescendant) that asks the server as the person types; a
// chosen option is added to the select and selected there, so the select stays the form's one field. It takes the
// place of the find without script (InitiativeFindTagHelper), which posts the form to list the matches.
//
// Markup: any element with data-typeahead='{"url":…,"label":…,"hint":…,"none":…,"found":"{n} …","chosen":"… {label}","failed":…}'
// around a select.
const MinimumLength = 2;
const Shown = 10;

for (const wrapper of document.querySelectorAll("[data-typeahead]")) {
    const select = wrapper.querySelector("select");
    if (select) {
        enhance(wrapper, select, JSON.parse(wrapper.dataset.typeahead));
    }
}

function element(tag, attributes, text) {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        created.setAttribute(name, value);
    }

    if (text) {
        created.textContent = text;
    }

    return created;
}

function enhance(wrapper, select, texts) {
    // The find without script beside the picker (a search field and a submit button) does what the combobox does.
    document.querySelector(`[data-initiative-find="${CSS.escape(select.id)}"]`)?.remove();
    const id = `${select.id}-sok`;
    const input = element("input", {
        id, type: "text", class: "ds-input", autocomplete: "off", spellcheck: "false",
        role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": `${id}-liste`, "aria-describedby": `${id}-hint`,
    });
    const list = element("ul", { id: `${id}-liste`, role: "listbox", class: "typeahead__list", "aria-label": texts.label });
    list.hidden = true;
    const status = element("p", { class: "ds-sr-only", role: "status", "aria-live": "polite", id: `${id}-status` });
    const box = element("div", { class: "ds-field typeahead" });
    box.append(element("label", { class: "ds-label", for: id }, texts.label), element("div", { class: "ds-field-description", id: `${id}-hint` }, texts.hint), input, list, status);
    wrapper.append(box);

    let results = [];
    let active = -1;
    let timer;
    let controller;

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function say(message) {
        status.textContent = message;
    }

    function show(items) {
        results = items;
        active = -1;
        list.replaceChildren(...items.map((item, index) => {
            const option = element("li", { id: `${id}-${index}`, role: "option", "aria-selected": "false", class: "typeahead__option" }, item.label);
            // mousedown, not click: the input keeps focus, so blur does not close the list first.
            option.addEventListener("mousedown", event => {
                event.preventDefault();
                choose(index);
            });
            return option;
        }));
        list.hidden = items.length === 0;
        input.setAttribute("aria-expanded", String(items.length > 0));
        input.removeAttribute("aria-activedescendant");
        say(items.length === 0 ? texts.none : texts.found.replace("{n}", String(items.length)));
    }

    async function search() {
        const query = input.value.trim();
        controller?.abort();
        if (query.length < MinimumLength) {
            results = [];
            close();
            return;
        }

        controller = new AbortController();
        try {
            const response = await fetch(`${texts.url}?q=${encodeURIComponent(query)}&limit=${Shown}`, {
                headers: { Accept: "application/json" }, credentials: "same-origin", signal: controller.signal,
            });
            if (!response.ok) {
                close();
                say(texts.failed);
                return;
            }

            show(await response.json());
        } catch (error) {
            if (error.name !== "AbortError") {
                close();
                say(texts.failed);
            }
        }
    }

    function move(step) {
        if (results.length === 0) {
            return;
        }

        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = (active + step + results.length) % results.length;
        for (const [index, option] of [...list.children].entries()) {
            option.setAttribute("aria-selected", String(index === active));
        }

        input.setAttribute("aria-activedescendant", `${id}-${active}`);
        list.children[active].scrollIntoView({ block: "nearest" });
    }

    function choose(index) {
        const item = results[index];
        let option = [...select.options].find(o => o.value === item.id);
        if (!option) {
            option = new Option(item.label, item.id);
            select.add(option);
        }

        option.selected = true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        input.value = "";
        results = [];
        close();
        say(texts.chosen.replace("{label}", item.label));
    }

    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(search, 250);
    });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", event => {
        switch (event.key) {
            case "ArrowDown":
                event.preventDefault();
                move(1);
                break;
            case "ArrowUp":
                event.preventDefault();
                move(-1);
                break;
            case "Enter":
                // Enter chooses; it never submits the form from the search field.
                event.preventDefault();
                if (active >= 0) {
                    choose(active);
                }

                break;
            case "Escape":
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                } else {
                    input.value = "";
                }

                break;
            default:
                break;
        }
    });
}
