// The search page (/sok/): full text and filters over the Pagefind bundle that `fouweb build`
// writes to pagefind/ (or, in `fouweb serve` without a bundle, over /api/search). The state
// lives in the URL (q and one parameter per filter group), so every search is a link. Within a
// filter group values combine with OR, across groups with AND.
//
// The filter groups come from the page's configuration (`search::filters::page_config` in
// Rust), in its order: { key, label, values: [[URL name, label]…], open, newest_first, facet,
// hit } per group.

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 150;

const config = JSON.parse(document.getElementById("search-config").textContent);
const app = document.getElementById("search-app");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const groupsBox = document.getElementById("search-filter-groups");
const clear = document.getElementById("search-clear");

// Per group: URL name → label (what the bundle filters by) and back.
const groups = config.groups.map((g) => {
  const bySlug = new Map(g.values.map(([slug, label]) => [slug, label]));
  const byLabel = new Map(g.values.map(([slug, label]) => [label, slug]));
  const byLowerLabel = new Map(g.values.map(([slug, label]) => [label.toLowerCase(), label]));
  return {
    key: g.key,
    title: g.label,
    bySlug,
    byLabel,
    byLowerLabel,
    order: g.values.map((v) => v[1]),
    // Open when the page loads.
    open: Boolean(g.open),
    // Values listed newest first (years) instead of in the vocabulary's order.
    newestFirst: Boolean(g.newest_first),
    // The dev server's answer: the facet that counts the group, and the hit field that lists
    // its values (those groups are shown on each result).
    facet: g.facet ?? null,
    hit: g.hit ?? null,
  };
});

/** The label a URL value names: a URL name (`bra`), or the label itself in any case. */
function labelOf(group, value) {
  if (group.bySlug.size === 0) return value; // years: the value is the label
  return group.bySlug.get(value) ?? group.byLowerLabel.get(value.toLowerCase()) ?? null;
}

function slugOf(group, label) {
  return group.byLabel.get(label) ?? label;
}

/** Reads q and the filters from the URL: repeated (`metod=a&metod=b`) or comma-separated. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const selected = {};
  for (const group of groups) {
    const labels = new Set();
    for (const raw of params.getAll(group.key)) {
      for (const part of raw.split(",")) {
        const value = part.trim();
        if (!value) continue;
        const label = labelOf(group, value);
        if (label !== null) labels.add(label);
      }
    }
    selected[group.key] = labels;
  }
  return { q: params.get("q") ?? "", selected };
}

function writeUrl(state, push) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const group of groups) {
    for (const label of state.selected[group.key]) params.append(group.key, slugOf(group, label));
  }
  const query = params.toString();
  const url = location.pathname + (query ? "?" + query : "");
  if (url !== location.pathname + location.search) {
    history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

function filtersFor(state, except) {
  const filters = {};
  for (const group of groups) {
    if (group.key === except) continue;
    const labels = [...state.selected[group.key]];
    if (labels.length) filters[group.key] = { any: labels };
  }
  return filters;
}

function hasFilters(state) {
  return groups.some((g) => state.selected[g.key].size > 0);
}

// ---------- Rendering ----------

function element(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") el.textContent = value;
    else if (name === "class") el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** The excerpt with only its <mark> highlights kept: every other tag is dropped, so nothing
 * from a report's text can become markup. */
function safeExcerpt(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const out = element("p", { class: "hit-excerpt" });
  const walk = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === "MARK") {
          const mark = element("mark");
          walk(child, mark);
          into.append(mark);
        } else if (!["SCRIPT", "STYLE", "TEMPLATE"].includes(child.tagName)) {
          walk(child, into);
        }
      }
    }
  };
  walk(doc.body.firstChild ?? doc.body, out);
  return out;
}

function hitElement(data) {
  const meta = data.meta ?? {};
  const listed = (key) => (data.filters?.[key] ?? []).join(", ");
  const parts = [
    ...groups
      .filter((g) => g.hit && listed(g.key))
      .map((g) => element("span", { class: `hit-${g.hit}`, text: listed(g.key) })),
    meta.period && element("span", { class: "hit-period", text: meta.period }),
    meta.organisation && element("span", { class: "hit-organisation", text: meta.organisation }),
  ];
  return element("li", { class: "hit card" }, [
    element("h2", { class: "card-title" }, [element("a", { href: data.url, text: meta.title ?? data.url })]),
    element("p", { class: "card-meta" }, parts),
    safeExcerpt(data.excerpt ?? ""),
  ]);
}

function plural(n, one, many) {
  return `${n.toLocaleString("sv-SE")} ${n === 1 ? one : many}`;
}

const openedByUser = new Map();

/** The filter groups with their counts; values with no hits are left out unless chosen. */
function renderFilters(state, counts) {
  groupsBox.replaceChildren();
  for (const group of groups) {
    const values = counts[group.key] ?? {};
    let labels = Object.keys(values).filter((l) => values[l] > 0 || state.selected[group.key].has(l));
    for (const l of state.selected[group.key]) if (!labels.includes(l)) labels.push(l);
    if (group.newestFirst) labels.sort((a, b) => b.localeCompare(a));
    else {
      const rank = new Map(group.order.map((l, i) => [l, i]));
      labels.sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a.localeCompare(b, "sv"));
    }
    if (!labels.length) continue;
    const chosen = state.selected[group.key].size;
    const details = element("details", { class: "filter-group", "data-group": group.key });
    // Groups start open or closed as configured; a group chosen from opens, and a group the
    // user opened or closed stays so.
    details.open = openedByUser.get(group.key) ?? (group.open || chosen > 0);
    details.addEventListener("toggle", () => openedByUser.set(group.key, details.open));
    details.append(
      element("summary", {}, [
        element("span", { class: "filter-title", text: group.title }),
        chosen ? element("span", { class: "filter-chosen", text: `${chosen} valda` }) : null,
      ]),
    );
    const ul = element("ul", { class: "filter-values" });
    for (const label of labels) {
      const checkbox = element("input", { type: "checkbox", name: group.key, value: slugOf(group, label) });
      checkbox.checked = state.selected[group.key].has(label);
      checkbox.addEventListener("change", () => {
        if (checkbox.checked) state.selected[group.key].add(label);
        else state.selected[group.key].delete(label);
        update(state, true);
      });
      const n = values[label] ?? 0;
      ul.append(
        element("li", {}, [
          element("label", { class: n === 0 ? "filter-value filter-empty" : "filter-value" }, [
            checkbox,
            element("span", { class: "filter-label", text: label }),
            element("span", { class: "count filter-count", text: String(n) }),
          ]),
        ]),
      );
    }
    details.append(ul);
    groupsBox.append(details);
  }
  clear.hidden = !hasFilters(state);
}

// ---------- Searching ----------

let pagefind;
let allCounts = {};
let generation = 0;
let shown = [];
let pending = [];

async function run(filters, term) {
  return pagefind.search(term, {
    filters,
    sort: term === null ? { year: "desc" } : undefined,
  });
}

async function update(state, push) {
  writeUrl(state, push);
  const mine = ++generation;
  const term = state.q.trim() || null;
  status.dataset.state = "loading";

  if (term === null && !hasFilters(state)) {
    renderFilters(state, allCounts);
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Skriv ett sökord eller välj ett filter.";
    status.dataset.state = "idle";
    status.dataset.total = "0";
    return;
  }

  const main = await run(filtersFor(state, null), term);
  if (mine !== generation || !main) return;
  // A group's own counts ignore its own choices (values in a group combine with OR), so each
  // group with choices is counted by a search without them.
  const counts = { ...main.filters };
  for (const group of groups) {
    if (!state.selected[group.key].size) continue;
    const others = filtersFor(state, group.key);
    const result =
      term === null && Object.keys(others).length === 0
        ? { filters: allCounts }
        : await run(others, term);
    if (mine !== generation || !result) return;
    counts[group.key] = result.filters[group.key] ?? {};
  }
  renderFilters(state, counts);

  pending = main.results;
  shown = [];
  list.replaceChildren();
  await showMore(mine);
  if (mine !== generation) return;
  // The dev server's answer lists at most 1 000 hits but counts them all.
  const total = main.total ?? main.results.length;
  status.textContent =
    total === 0
      ? "Inga rapporter matchar sökningen."
      : `${plural(total, "rapport", "rapporter")}${term === null ? " matchar filtren" : ""}.`;
  status.dataset.total = String(total);
  status.dataset.state = "done";
}

async function showMore(mine) {
  const next = pending.slice(shown.length, shown.length + PAGE_SIZE);
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return;
  for (const d of data) list.append(hitElement(d));
  shown = shown.concat(next);
  more.hidden = shown.length >= pending.length;
}

// ---------- The dev server's search ----------

// `fouweb serve` makes the browser bundle only for small sites; for the others it answers
// from its search index at /api/search. This object answers like Pagefind's API from there.
// (Kommun counts are not part of that answer, so the kommun group shows only chosen values.)
const DEV_SERVER_API = "/api/search";

const devServerSearch = {
  async filters() {
    return (await this.search(null, { filters: {} })).filters;
  },

  async search(term, { filters }) {
    const params = new URLSearchParams({ limit: "1000" });
    if (term) params.set("q", term);
    for (const [key, { any }] of Object.entries(filters ?? {})) {
      for (const label of any) params.append(key, label);
    }
    const response = await fetch(`${DEV_SERVER_API}?${params}`);
    if (!response.ok) return { results: [], total: 0, filters: {} };
    const answer = await response.json();
    // The answer names methods by id (a URL name) and counties by name (a label).
    const label = (group, value) => group.bySlug.get(value) ?? value;
    const relabel = (group, counts) =>
      Object.fromEntries(Object.entries(counts ?? {}).map(([value, n]) => [label(group, value), n]));
    const results = answer.hits.map((hit) => ({
      data: async () => ({
        url: hit.url,
        meta: { title: hit.title, period: hit.period },
        filters: Object.fromEntries(
          groups.filter((g) => g.hit).map((g) => [g.key, (hit[g.hit] ?? []).map((v) => label(g, v))]),
        ),
        // The snippet marks words with <b>; only <mark> survives safeExcerpt.
        excerpt: hit.snippet.replaceAll("<b>", "<mark>").replaceAll("</b>", "</mark>"),
      }),
    }));
    const facets = answer.facets ?? {};
    return {
      results,
      total: answer.total,
      filters: Object.fromEntries(groups.filter((g) => g.facet).map((g) => [g.key, relabel(g, facets[g.facet])])),
    };
  },
};

async function devServerAnswers() {
  try {
    return (await fetch(`${DEV_SERVER_API}?limit=1`)).ok;
  } catch {
    return false;
  }
}

// ---------- Start ----------

async function start() {
  try {
    pagefind = await import(config.bundle + "pagefind.js");
    await pagefind.options({ excerptLength: 30 });
    pagefind.init();
    // Loads every filter index: searches count only the filters already loaded.
    allCounts = await pagefind.filters();
  } catch (err) {
    if (await devServerAnswers()) {
      pagefind = devServerSearch;
      allCounts = await pagefind.filters();
    } else {
      console.error("fouweb search:", err);
      status.textContent = "Sökindexet kunde inte laddas. Bygg webbplatsen med `fouweb build` och försök igen.";
      status.dataset.state = "error";
      app.hidden = false;
      return;
    }
  }
  app.hidden = false;
  const state = readUrl();
  input.value = state.q;

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.q = input.value;
      update(state, false);
    }, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    update(state, true);
  });
  more.addEventListener("click", () => showMore(generation));
  clear.addEventListener("click", () => {
    for (const group of groups) state.selected[group.key].clear();
    update(state, true);
  });
  window.addEventListener("popstate", () => {
    const next = readUrl();
    state.q = next.q;
    state.selected = next.selected;
    input.value = state.q;
    update(state, false);
  });
  await update(state, false);
}

start();
