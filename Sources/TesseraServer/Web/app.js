// Tessera's web page: plain JavaScript over the JSON API of the same origin (Docs/SERVICE.md,
// "Web page"). No framework, no build step. Text from the server is only ever set as text
// (textContent, text nodes), never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY_STORAGE = "tessera.apiKey";

/** What the page knows: the key, the memories, the languages and the choices made. */
const state = {
  key: localStorage.getItem(KEY_STORAGE) || "",
  memoriesAPI: false, // whether the server has GET /api/v1/memories (else one memory, "default")
  memories: [], // [{name, units, variants, languages: [{language, variants}]}]
  order: [], // [{name, on, penalty}] in priority order
  languages: [],
  source: "",
  targets: new Set(),
  retry: null, // the action a 401 interrupted, run again once a key is given
};

// ---------------------------------------------------------------- the API

/** An error to show in words: the API's `{"error": ...}` message or what went wrong. */
class APIError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The headers of every request: the key, when there is one. */
function authHeaders() {
  return state.key ? { Authorization: "Bearer " + state.key } : {};
}

/** The message of an error body, or a sentence naming the status. */
function messageOf(text, status, statusText) {
  try {
    const body = JSON.parse(text);
    if (body && typeof body.error === "string" && body.error) return body.error;
  } catch (_) {
    // not JSON: fall through
  }
  return "The server answered " + status + (statusText ? " " + statusText : "") + ".";
}

/** Whether an error says that the server has no such route (an older server). */
function routeMissing(error) {
  return error.status === 404 && /^not found\.?$/i.test(error.message);
}

/** fetch with the key; a non-2xx answer or a network failure is an APIError. */
async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: { ...authHeaders(), ...(options.headers || {}) } });
  } catch (error) {
    throw new APIError("The server cannot be reached (" + error.message + "). Is tessera serve running?", 0);
  }
  if (response.ok) return response;
  const error = new APIError(messageOf(await response.text(), response.status, response.statusText), response.status);
  if (response.status === 401) askForKey(error.message);
  throw error;
}

async function getJSON(path) {
  return (await api(path)).json();
}

function query(fields) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  return params.toString();
}

// ---------------------------------------------------------------- building the page

/** An element with attributes and children (strings become text nodes). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" });
  } catch (_) {
    return null;
  }
})();

/** "German (de)", or the code alone. */
function languageName(code) {
  let name = null;
  try {
    name = languageNames && languageNames.of(code);
  } catch (_) {
    name = null;
  }
  return name && name !== code ? name + " (" + code + ")" : code;
}

/** `text` with the UTF-16 ranges `[start, end]` in <mark>; overlapping ranges are merged. */
function marked(text, ranges) {
  const sorted = ranges.filter((r) => r[0] < r[1]).slice().sort((a, b) => a[0] - b[0]);
  const parts = [];
  let cursor = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(start, cursor);
    if (from >= end) continue;
    if (from > cursor) parts.push(text.slice(cursor, from));
    parts.push(el("mark", {}, text.slice(from, end)));
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return parts;
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

/** The ranges of `words` in `text`, in order, each a whole word. */
function wordRanges(text, words) {
  const ranges = [];
  let cursor = 0;
  for (const word of words) {
    if (!word) continue;
    let at = text.indexOf(word, cursor);
    while (at >= 0) {
      const before = at > 0 ? text[at - 1] : "";
      const after = text[at + word.length] || "";
      if (!wordCharacter.test(before) && !wordCharacter.test(after)) break;
      at = text.indexOf(word, at + 1);
    }
    if (at < 0) continue;
    ranges.push([at, at + word.length]);
    cursor = at + word.length;
  }
  return ranges;
}

function setBusy(container, busy, message) {
  container.setAttribute("aria-busy", busy ? "true" : "false");
  if (busy) container.replaceChildren(el("p", { class: "muted" }, message || "Searching…"));
}

function clearError(view) {
  $(view + "-error").textContent = "";
}

/** Shows an error of `view` in words. */
function showError(view, error) {
  let message = error instanceof APIError ? error.message : "Something went wrong in the page: " + error.message;
  if (error.status === 401) message += " Enter an API key above.";
  $(view + "-error").textContent = message;
}

// ---------------------------------------------------------------- the API key

function askForKey(reason) {
  $("key-reason").textContent =
    "This server needs an API key (it answered: " + (reason || "no key") + "). The key is kept in this browser only.";
  $("key-form").hidden = false;
  $("key-input").focus();
}

function wireKeyForm() {
  $("key-button").addEventListener("click", () => {
    $("key-reason").textContent = state.key ? "A key is kept in this browser." : "No key is kept in this browser.";
    $("key-form").hidden = false;
    $("key-input").focus();
  });
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = $("key-input").value.trim();
    if (!key) return;
    state.key = key;
    localStorage.setItem(KEY_STORAGE, key);
    $("key-input").value = "";
    $("key-form").hidden = true;
    $("app-error").textContent = "";
    const retry = state.retry;
    state.retry = null;
    refresh().then(() => retry && retry());
  });
  $("key-forget").addEventListener("click", () => {
    state.key = "";
    localStorage.removeItem(KEY_STORAGE);
    $("key-reason").textContent = "The key was removed from this browser.";
  });
  $("key-cancel").addEventListener("click", () => {
    $("key-form").hidden = true;
    $("key-button").focus();
  });
}

// ---------------------------------------------------------------- tabs

const views = ["lookup", "concordance", "terms", "memories"];

function selectTab(name, focus) {
  if (!views.includes(name)) name = "lookup";
  for (const view of views) {
    const selected = view === name;
    const tab = $("tab-" + view);
    tab.setAttribute("aria-selected", selected ? "true" : "false");
    tab.tabIndex = selected ? 0 : -1;
    $("view-" + view).hidden = !selected;
  }
  if (focus) $("tab-" + name).focus();
  if (location.hash !== "#" + name) history.replaceState(null, "", "#" + name);
}

function wireTabs() {
  for (const view of views) {
    $("tab-" + view).addEventListener("click", () => selectTab(view, true));
  }
  document.querySelector("[role=tablist]").addEventListener("keydown", (event) => {
    const current = views.findIndex((view) => $("tab-" + view).getAttribute("aria-selected") === "true");
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: views.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectTab(views[(moves[event.key] + views.length) % views.length], true);
  });
  window.addEventListener("hashchange", () => selectTab(location.hash.slice(1), false));
  selectTab(location.hash.slice(1), false);
}

// ---------------------------------------------------------------- memories and languages

/** Reads the memories (or, from a server without named memories, `default` and its stats). */
async function loadMemories() {
  try {
    const body = await getJSON("/api/v1/memories");
    state.memoriesAPI = true;
    state.memories = body.memories || [];
  } catch (error) {
    if (!routeMissing(error)) throw error;
    const stats = await getJSON("/api/v1/stats");
    state.memoriesAPI = false;
    state.memories = [{ name: "default", units: stats.units, variants: stats.variants, languages: stats.languages || [] }];
  }
  const previous = new Map(state.order.map((entry) => [entry.name, entry]));
  const kept = state.order.filter((entry) => state.memories.some((memory) => memory.name === entry.name));
  const added = state.memories
    .filter((memory) => !previous.has(memory.name))
    .map((memory) => ({ name: memory.name, on: true, penalty: 0 }));
  state.order = kept.concat(added);
  const languages = new Set();
  for (const memory of state.memories) for (const entry of memory.languages || []) languages.add(entry.language);
  const fresh = [...languages].sort().filter((language) => !state.languages.includes(language));
  state.languages = [...languages].sort();
  if (!state.languages.includes(state.source)) {
    state.source = state.languages.includes("en") ? "en" : state.languages.find((l) => l.startsWith("en")) || state.languages[0] || "";
  }
  for (const language of fresh) state.targets.add(language);
  for (const language of [...state.targets]) if (!languages.has(language)) state.targets.delete(language);
  renderSettings();
  renderMemories();
}

async function refresh() {
  document.body.dataset.ready = "false";
  try {
    await loadMemories();
    $("app-error").textContent = "";
  } catch (error) {
    $("app-error").textContent = "The memories could not be read: " + error.message;
  } finally {
    document.body.dataset.ready = "true";
  }
}

function renderSettings() {
  const source = $("source");
  source.replaceChildren(
    ...state.languages.map((language) => el("option", { value: language, selected: language === state.source }, languageName(language))),
  );
  const targets = state.languages.filter((language) => language !== state.source);
  $("target-list").replaceChildren(
    ...targets.map((language) => {
      const id = "target-" + language;
      return el(
        "span",
        { class: "check" },
        el("input", { type: "checkbox", id, value: language, checked: state.targets.has(language) }),
        el("label", { for: id }, languageName(language)),
      );
    }),
  );
  if (targets.length === 0) $("target-list").replaceChildren(el("p", { class: "muted" }, "The memory holds no other language."));
  const list = $("memory-list");
  if (!state.memoriesAPI) {
    const memory = state.memories[0] || { name: "default", units: 0 };
    list.replaceChildren(
      el("li", { "data-memory": memory.name }, memory.name + " ", el("span", { class: "muted" }, "(" + memory.units + " units; this server serves one memory)")),
    );
  } else list.replaceChildren(
    ...state.order.map((entry, index) => {
      const memory = state.memories.find((m) => m.name === entry.name) || { units: 0 };
      const id = "memory-on-" + entry.name;
      return el(
        "li",
        { "data-memory": entry.name },
        el("input", { type: "checkbox", id, checked: entry.on, "data-index": index, class: "memory-on" }),
        el("label", { for: id }, entry.name + " ", el("span", { class: "muted" }, "(" + memory.units + " units)")),
        el("input", {
          type: "number", min: 0, max: 100, value: entry.penalty, class: "penalty", "data-index": index,
          "aria-label": "Penalty for " + entry.name, inputmode: "numeric",
        }),
        el("button", { type: "button", class: "icon", "data-move": -1, "data-index": index, "aria-label": "Move " + entry.name + " up", disabled: index === 0 }, "↑"),
        el("button", { type: "button", class: "icon", "data-move": 1, "data-index": index, "aria-label": "Move " + entry.name + " down", disabled: index === state.order.length - 1 }, "↓"),
      );
    }),
  );
  $("upload-memory").replaceChildren(...state.memories.map((memory) => el("option", { value: memory.name }, memory.name)));
}

function wireSettings() {
  $("source").addEventListener("change", () => {
    state.source = $("source").value;
    renderSettings();
    renderMemories();
  });
  $("target-list").addEventListener("change", (event) => {
    if (event.target.checked) state.targets.add(event.target.value);
    else state.targets.delete(event.target.value);
    renderMemories();
  });
  const list = $("memory-list");
  list.addEventListener("change", (event) => {
    const entry = state.order[Number(event.target.dataset.index)];
    if (!entry) return;
    if (event.target.classList.contains("memory-on")) entry.on = event.target.checked;
    if (event.target.classList.contains("penalty")) entry.penalty = Math.max(0, Math.min(100, Number(event.target.value) || 0));
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    const index = Number(button.dataset.index);
    const to = index + Number(button.dataset.move);
    if (to < 0 || to >= state.order.length) return;
    const [entry] = state.order.splice(index, 1);
    state.order.splice(to, 0, entry);
    renderSettings();
    const again = list.querySelector(`button[data-index="${to}"][data-move="${button.dataset.move}"]`);
    (again && !again.disabled ? again : list.querySelector(`input[data-index="${to}"]`)).focus();
  });
  if (window.matchMedia("(max-width: 600px)").matches) $("settings").open = false;
}

/** The chosen target languages; all of them when every box is ticked. */
function chosenTargets() {
  return state.languages.filter((language) => language !== state.source && state.targets.has(language));
}

/** `memory=a,b:5` for the lookup (nothing for a server without named memories). */
function memoryList() {
  if (!state.memoriesAPI) return undefined;
  const on = state.order.filter((entry) => entry.on);
  if (on.length === 0) throw new APIError("Choose at least one memory under “Memories and languages”.", 0);
  return on.map((entry) => (entry.penalty ? entry.name + ":" + entry.penalty : entry.name)).join(",");
}

/** The first chosen memory, for the single-memory endpoints. */
function firstMemory() {
  if (!state.memoriesAPI) return undefined;
  const entry = state.order.find((e) => e.on);
  return entry ? entry.name : undefined;
}

function requireSource() {
  if (!state.source) throw new APIError("The memory holds no language yet: upload a file under Memories first.", 0);
  return state.source;
}

function requireTargets() {
  const targets = chosenTargets();
  if (targets.length === 0) throw new APIError("Choose at least one target language under “Memories and languages”.", 0);
  return targets;
}

/**
 * Runs a search of `view` from its field `field`: clears the view's error, shows its results busy
 * while `work(text, results)` runs, and shows a failure in words (a 401 keeps `again` to run once
 * a key is given).
 */
async function runSearch(view, field, again, work) {
  const results = $(view + "-results");
  clearError(view);
  const text = $(field).value.trim();
  if (!text) return;
  try {
    await work(text, results);
  } catch (error) {
    results.replaceChildren();
    if (error.status === 401) state.retry = again;
    showError(view, error);
  } finally {
    setBusy(results, false);
  }
}

// ---------------------------------------------------------------- lookup

function scoreClass(score) {
  return score >= 100 ? "exact" : score >= 85 ? "high" : "fuzzy";
}

function lookup() {
  return runSearch("lookup", "lookup-q", lookup, async (text, results) => {
    const source = requireSource();
    const targets = requireTargets();
    const all = targets.length === state.languages.length - 1;
    setBusy(results, true);
    const body = await getJSON(
      "/api/v1/lookup?" +
        query({
          q: text, source, target: all ? undefined : targets.join(","), min: $("lookup-min").value,
          limit: $("lookup-limit").value, memory: memoryList(),
        }),
    );
    renderMatches(body);
  });
}

function renderMatches(body) {
  const matches = body.matches || [];
  const heading = el(
    "p",
    { class: "summary" },
    matches.length === 0
      ? "No match of " + $("lookup-min").value + "% or more."
      : matches.length + (matches.length === 1 ? " match" : " matches") + " for “" + body.query + "”",
  );
  const list = el(
    "ol",
    { class: "cards" },
    matches.map((match) => {
      const facts = [match.origin, "unit " + match.unit];
      if (match.memory) facts.unshift("memory " + match.memory);
      const rows = [];
      if (match.differingWords && match.differingWords.length > 0) {
        rows.push(
          el("dt", {}, "Your sentence (differing words marked)"),
          el("dd", { class: "query", lang: match.sourceLanguage }, marked(body.query, wordRanges(body.query, match.differingWords))),
        );
      }
      rows.push(
        el("dt", {}, "Source, " + languageName(match.sourceLanguage)),
        el("dd", { class: "source", lang: match.sourceLanguage }, match.source),
        el("dt", {}, "Translation, " + languageName(match.targetLanguage)),
        el("dd", { class: "target", lang: match.targetLanguage }, match.target),
      );
      return el(
        "li",
        { class: "card match" },
        el(
          "p",
          { class: "card-head" },
          el("span", { class: "score " + scoreClass(match.score), "aria-label": match.score + " percent match" }, match.score + "%"),
          el("span", { class: "pair" }, match.sourceLanguage + " → " + match.targetLanguage),
          el("span", { class: "muted" }, facts.join(" · ")),
        ),
        el("dl", {}, rows),
      );
    }),
  );
  $("lookup-results").replaceChildren(heading, list);
}

// ---------------------------------------------------------------- concordance

function concordance() {
  return runSearch("concordance", "concordance-q", concordance, async (text, results) => {
    const source = requireSource();
    const targets = chosenTargets();
    setBusy(results, true);
    const body = await getJSON(
      "/api/v1/concordance?" +
        query({
          q: text, lang: source, other: targets.length === 1 ? targets[0] : undefined, mode: $("concordance-mode").value,
          limit: $("concordance-limit").value, memory: firstMemory(),
        }),
    );
    renderConcordance(body, new Set(targets));
  });
}

function renderConcordance(body, targets) {
  const lines = body.lines || [];
  const summary =
    body.total === 0
      ? "No segment holds it."
      : "Showing " + lines.length + " of " + body.total + (body.total === 1 ? " segment." : " segments.");
  const list = el(
    "ol",
    { class: "cards" },
    lines.map((line) => {
      const others = (line.others || []).filter((other) => targets.size === 0 || targets.has(other.language));
      return el(
        "li",
        { class: "card line" },
        el("p", { class: "hit", lang: line.language }, marked(line.text, line.hits || [])),
        el(
          "dl",
          {},
          others.map((other) => [el("dt", {}, languageName(other.language)), el("dd", { lang: other.language }, other.text)]),
        ),
        el("p", { class: "muted" }, "unit " + line.unit),
      );
    }),
  );
  $("concordance-results").replaceChildren(el("p", { class: "summary" }, summary), list);
}

// ---------------------------------------------------------------- terms

function statusBadge(term) {
  const status = term.status || "no status";
  return el("span", { class: "status status-" + (term.status || "none") }, status);
}

function termLine(term) {
  return el(
    "li",
    { class: "term" },
    el("span", { class: "term-text", lang: term.language }, term.text),
    " ",
    el("span", { class: "muted" }, term.language + (term.partOfSpeech ? ", " + term.partOfSpeech : "")),
    " ",
    statusBadge(term),
    term.note ? el("span", { class: "note" }, term.note) : null,
  );
}

function hitCard(hit) {
  const facts = ["glossary " + hit.glossary, "concept " + hit.conceptID, hit.match + " match"];
  if (hit.subject) facts.push(hit.subject);
  return el(
    "li",
    { class: "card concept" },
    el(
      "p",
      { class: "card-head" },
      el("span", { class: "term-text", lang: hit.source.language }, hit.source.text),
      statusBadge(hit.source),
      el("span", { class: "muted" }, facts.join(" · ")),
    ),
    hit.definition ? el("p", { class: "definition" }, el("strong", {}, "Definition: "), hit.definition) : null,
    hit.note ? el("p", { class: "note" }, hit.note) : null,
    el("ul", { class: "terms" }, (hit.targets || []).map(termLine)),
  );
}

// One glossary search of the Terms view: `path` asked with the sentence or term, the source and
// the ticked targets; `render(body, text, source)` gives the result's elements.
function glossarySearch(inputId, again, path, render) {
  return runSearch("terms", inputId, again, async (text, results) => {
    const source = requireSource();
    const targets = requireTargets();
    setBusy(results, true);
    const body = await getJSON(path + "?" + query({ q: text, source, target: targets.join(",") }));
    results.replaceChildren(...render(body, text, source));
  });
}

function termLookup() {
  return glossarySearch("term-q", termLookup, "/api/v1/term", (body, text) => {
    const hits = body.hits || [];
    return [
      el("p", { class: "summary" }, hits.length === 0 ? "No concept for “" + text + "”." : hits.length + (hits.length === 1 ? " concept" : " concepts") + " for “" + text + "”"),
      el("ol", { class: "cards" }, hits.map(hitCard)),
    ];
  });
}

function termsIn() {
  return glossarySearch("terms-in-q", termsIn, "/api/v1/terms-in", (body, text, source) => {
    const occurrences = body.occurrences || [];
    return [
      el("p", { class: "summary" }, occurrences.length === 0 ? "No glossary term in the sentence." : occurrences.length + (occurrences.length === 1 ? " term" : " terms") + " in the sentence"),
      el("p", { class: "sentence", lang: source }, marked(text, occurrences.map((o) => [o.start, o.end]))),
      el(
        "ol",
        { class: "occurrences" },
        occurrences.map((occurrence) =>
          el("li", { class: "occurrence" }, el("h3", {}, "“" + occurrence.text + "”"), el("ol", { class: "cards" }, (occurrence.hits || []).map(hitCard))),
        ),
      ),
    ];
  });
}

// ---------------------------------------------------------------- memories, export, upload

function renderMemories() {
  const rows = state.memories.map((memory) => {
    const languages = (memory.languages || []).map((entry) => entry.language + " " + entry.variants.toLocaleString("en")).join(", ");
    const targets = chosenTargets();
    const pair = targets.length > 0 && state.source ? [state.source, targets[0]] : null;
    return el(
      "tr",
      { "data-memory": memory.name },
      el("th", { scope: "row" }, memory.name),
      el("td", { class: "number", "data-label": "Units" }, (memory.units || 0).toLocaleString("en")),
      el("td", { class: "number", "data-label": "Variants" }, (memory.variants || 0).toLocaleString("en")),
      el("td", { "data-label": "Languages" }, languages || "none"),
      el(
        "td",
        { "data-label": "Export" },
        el("button", { type: "button", class: "secondary export", "data-memory": memory.name, "data-format": "tmx" }, "TMX"),
        pair
          ? el(
              "button",
              { type: "button", class: "secondary export", "data-memory": memory.name, "data-format": "tsv", "data-source": pair[0], "data-target": pair[1] },
              "TSV " + pair[0] + "→" + pair[1],
            )
          : null,
      ),
    );
  });
  const table = el(
    "table",
    { class: "memories" },
    el("caption", {}, state.memoriesAPI ? "The memories of this server" : "This server serves one memory"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Memory"), el("th", { scope: "col" }, "Units"), el("th", { scope: "col" }, "Variants"), el("th", { scope: "col" }, "Languages"), el("th", { scope: "col" }, "Export"))),
    el("tbody", {}, rows),
  );
  $("memories-results").replaceChildren(table);
  $("create-form").hidden = !state.memoriesAPI;
}

/** The file name of a `Content-Disposition: attachment; filename="x.tmx"` header. */
function fileName(disposition, fallback) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || "");
  return match ? match[1] : fallback;
}

async function exportMemory(button) {
  const status = $("export-status");
  clearError("memories");
  const { memory, format, source, target } = button.dataset;
  status.textContent = "Exporting " + memory + "…";
  try {
    const response = await api(
      "/api/v1/export?" + query({ format, memory, source, target }),
    );
    const blob = await response.blob();
    const name = fileName(response.headers.get("Content-Disposition"), memory + "." + format);
    const link = el("a", { href: URL.createObjectURL(blob), download: name, class: "download" }, "Save " + name + " again");
    link.dataset.bytes = String(blob.size);
    link.click();
    status.replaceChildren("Downloaded " + name + " (" + blob.size.toLocaleString("en") + " bytes). ", link);
  } catch (error) {
    status.textContent = "";
    if (routeMissing(error)) error.message = "This server cannot export yet (it has no /api/v1/export).";
    showError("memories", error);
  }
}

async function createMemory() {
  clearError("memories");
  const name = $("create-name").value.trim();
  try {
    await api("/api/v1/memories", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name }) });
    $("create-name").value = "";
    $("export-status").textContent = "Created the memory " + name + ".";
    await loadMemories();
  } catch (error) {
    showError("memories", error);
  }
}

function formatOf(file) {
  const name = file.name.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".tmx") || name.endsWith(".xml")) return "tmx";
  if (name.endsWith(".tbx")) return "tbx";
  if (name.endsWith(".csv")) return "csv";
  return "";
}

function bytes(count) {
  if (count < 1024) return count + " bytes";
  if (count < 1024 * 1024) return (count / 1024).toFixed(1) + " KB";
  return (count / 1024 / 1024).toFixed(1) + " MB";
}

/** Sends the file with XMLHttpRequest (for its upload progress); resolves with the 202's job. */
function send(file, path, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    for (const [name, value] of Object.entries(authHeaders())) request.setRequestHeader(name, value);
    request.upload.addEventListener("progress", (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    request.addEventListener("load", () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText).job);
        } catch (_) {
          reject(new APIError("The server's answer to the upload was not JSON.", request.status));
        }
        return;
      }
      const error = new APIError(messageOf(request.responseText, request.status, request.statusText), request.status);
      if (request.status === 401) askForKey(error.message);
      reject(error);
    });
    request.addEventListener("error", () => reject(new APIError("The upload failed: the server cannot be reached.", 0)));
    request.addEventListener("abort", () => reject(new APIError("The upload was stopped.", 0)));
    request.send(file);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function upload() {
  clearError("upload");
  const file = $("upload-file").files[0];
  const progress = $("upload-progress");
  const status = $("upload-status");
  const form = $("upload-form");
  if (!file) return;
  const format = $("upload-format").value || formatOf(file);
  if (!format) {
    $("upload-error").textContent = "Choose the format: the file name does not say whether it is TMX, TBX or CSV.";
    return;
  }
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  form.dataset.state = "uploading";
  $("upload-progress-label").textContent = "Upload";
  progress.value = 0;
  try {
    const params = query({
      format, memory: state.memoriesAPI ? $("upload-memory").value : undefined, policy: $("upload-policy").value,
      glossary: format === "tmx" ? undefined : $("upload-glossary").value.trim(),
    });
    let job = await send(file, "/api/v1/import?" + params, (loaded, total) => {
      progress.value = total > 0 ? Math.round((loaded / total) * 100) : 0;
      status.textContent = "Uploading " + file.name + ": " + bytes(loaded) + " of " + bytes(total) + ".";
    });
    progress.value = 100;
    $("upload-progress-label").textContent = "Import";
    form.dataset.state = "importing";
    while (job && job.status === "running") {
      progress.value = job.bytes > 0 ? Math.round((job.bytesDone / job.bytes) * 100) : progress.value;
      status.textContent = "Importing " + file.name + ": " + (job.units || 0).toLocaleString("en") + " units so far.";
      await sleep(400);
      job = (await getJSON("/api/v1/jobs/" + encodeURIComponent(job.id))).job;
    }
    if (!job) throw new APIError("The server's answer had no job.", 0);
    if (job.status === "done") {
      progress.value = 100;
      const units = job.units || 0;
      status.textContent = "Imported " + file.name + ": " + units.toLocaleString("en") + (units === 1 ? " unit." : " units.") + reportSummary(job.report);
      form.dataset.state = "done";
      await loadMemories();
    } else {
      form.dataset.state = "failed";
      throw new APIError(job.status === "cancelled" ? "The import was cancelled." : "The import failed: " + (job.error || "no reason given") + ".", 0);
    }
  } catch (error) {
    form.dataset.state = "failed";
    if (routeMissing(error)) error.message = "This server does not take uploads yet (it has no /api/v1/import).";
    status.textContent = "";
    showError("upload", error);
  } finally {
    submit.disabled = false;
  }
}

/** " added 3, duplicates 1" from the numbers of an import report. */
function reportSummary(report) {
  if (!report || typeof report !== "object") return "";
  const parts = Object.entries(report)
    .filter(([, value]) => typeof value === "number")
    .map(([name, value]) => name + " " + value.toLocaleString("en"));
  return parts.length ? " (" + parts.join(", ") + ")" : "";
}

// ---------------------------------------------------------------- start

function onSubmit(id, action) {
  $(id).addEventListener("submit", (event) => {
    event.preventDefault();
    action();
  });
}

async function showVersion() {
  try {
    const response = await fetch("/health");
    const body = await response.json();
    $("server-info").textContent = "version " + body.version;
  } catch (_) {
    $("app-error").textContent = "The server cannot be reached. Is tessera serve running?";
  }
}

function start() {
  wireKeyForm();
  wireTabs();
  wireSettings();
  onSubmit("lookup-form", lookup);
  onSubmit("concordance-form", concordance);
  onSubmit("term-form", termLookup);
  onSubmit("terms-in-form", termsIn);
  onSubmit("create-form", createMemory);
  onSubmit("upload-form", upload);
  $("memories-results").addEventListener("click", (event) => {
    const button = event.target.closest("button.export");
    if (button) exportMemory(button);
  });
  showVersion();
  refresh();
}

start();
