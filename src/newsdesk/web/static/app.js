// The newsdesk dashboard: map, timeline and tables over the REST API, with every row
// opening the article at the sentence that says it. Plain DOM and SVG, no framework.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLOURS = ["#4e79a7", "#59a14f", "#8cd17d", "#b6992d", "#76b7b2", "#86bcb6", "#f1ce63", "#a0cbe8",
  "#f28e2b", "#ffbe7d", "#e15759", "#ff9d9a", "#d37295", "#b07aa1", "#9d7660", "#b3261e"];
const colourOf = (type) => COLOURS[Math.max(0, PLOVER.indexOf(type))];
const SVG = "http://www.w3.org/2000/svg";

const state = { tab: "events", filters: {}, events: [] };

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.addEventListener("click", value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== undefined && v !== null));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`);
  if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
  return response.json();
}

// --- map: equirectangular projection of the countryinfo outlines -------------------------
const project = ([lon, lat]) => [(lon + 180) * 2, (90 - lat) * 2];

async function drawBasemap() {
  const svg = document.getElementById("map");
  for (let lon = -150; lon < 180; lon += 30) svg.append(el("svg:line", { class: "grid", x1: (lon + 180) * 2, x2: (lon + 180) * 2, y1: 0, y2: 360 }));
  for (let lat = -60; lat < 90; lat += 30) svg.append(el("svg:line", { class: "grid", x1: 0, x2: 720, y1: (90 - lat) * 2, y2: (90 - lat) * 2 }));
  const world = await api("basemap");
  const land = el("svg:g", { id: "land" });
  for (const feature of world.features) {
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const d = polygons.flatMap((rings) => rings.map((ring) => "M" + ring.map((p) => project(p).map((v) => v.toFixed(1)).join(",")).join("L") + "Z")).join("");
    land.append(el("svg:path", { class: "land", d }, el("svg:title", {}, feature.properties.name)));
  }
  svg.prepend(land);
}

function drawPoints(events, places) {
  const svg = document.getElementById("map");
  svg.querySelector("#points")?.remove();
  const layer = el("svg:g", { id: "points" });
  const byPlace = new Map();
  for (const event of events) {
    if (event.place_lat == null) continue;
    const key = event.place_geonames_id;
    const entry = byPlace.get(key) || { lat: event.place_lat, lon: event.place_lon, name: event.place_name, id: key, events: [] };
    entry.events.push(event);
    byPlace.set(key, entry);
  }
  if (!hasFilters()) {
    for (const place of places) {
      if (byPlace.has(place.geonames_id) || place.lat == null) continue;
      const [x, y] = project([place.lon, place.lat]);
      layer.append(el("svg:circle", { class: "point place", cx: x, cy: y, r: 1.5 + Math.sqrt(place.mentions),
        onclick: () => setFilter("place", String(place.geonames_id)) },
      el("svg:title", {}, `${place.name}: named ${place.mentions} times in ${place.articles} articles`)));
    }
  }
  for (const place of byPlace.values()) {
    const [x, y] = project([place.lon, place.lat]);
    layer.append(el("svg:circle", { class: "point", cx: x, cy: y, r: 2.5 + 2 * Math.sqrt(place.events.length),
      onclick: () => setFilter("place", String(place.id)) },
    el("svg:title", {}, `${place.name} (GeoNames ${place.id}): ${place.events.length} events`)));
  }
  svg.append(layer);
  const located = events.filter((e) => e.place_lat != null).length;
  document.getElementById("map-note").textContent = `${located} of ${events.length} events placed` + (hasFilters() ? "" : "; blue: places named");
}

// --- timeline: stacked bars per day ---------------------------------------------------------
function drawTimeline(rows) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  if (!rows.length) { svg.append(el("svg:text", { x: 10, y: 20 }, "no dated events")); return; }
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const totals = new Map(days.map((d) => [d, 0]));
  rows.forEach((r) => totals.set(r.day, totals.get(r.day) + r.events));
  const max = Math.max(...totals.values());
  const width = 700 / days.length, height = 110;
  const stacked = new Map(days.map((d) => [d, 0]));
  for (const row of rows) {
    const i = days.indexOf(row.day), h = (row.events / max) * height, below = stacked.get(row.day);
    stacked.set(row.day, below + h);
    svg.append(el("svg:rect", { x: 10 + i * width, y: 120 - below - h, width: Math.max(1, width - 1), height: h, fill: colourOf(row.plover),
      onclick: () => { setFilter("since", row.day, false); setFilter("until", row.day); } },
    el("svg:title", {}, `${row.day}: ${row.events} ${row.plover}`)));
  }
  svg.append(el("svg:text", { x: 10, y: 134 }, days[0]), el("svg:text", { x: 710, y: 134, "text-anchor": "end" }, days[days.length - 1]));
  for (const type of PLOVER.filter((t) => rows.some((r) => r.plover === t))) {
    legend.append(el("span", {}, el("i", { style: `background:${colourOf(type)}` }), type));
  }
}

// --- tables -----------------------------------------------------------------------------------
const TABLES = {
  events: {
    load: async () => state.events.slice(0, 500),  // the map's rows: fetched once per filter
    columns: ["date", "source", "event", "target", "place", "conf.", "evidence"],
    row: (e) => [String(e.event_date || e.published || "—"), e.source_name || "—",
      el("span", {}, el("span", { class: "tag", style: `border-left:4px solid ${colourOf(e.plover)}` }, e.plover), " ",
        el("span", { class: "code", title: "CAMEO" }, e.cameo), e.mode ? ` ${e.mode}` : "", e.speaker_name ? ` · says ${e.speaker_name}` : ""),
      e.target_name || "—", e.place_name || "—", e.confidence.toFixed(2), e.evidence],
    span: (e) => ({ start: e.start_char, end: e.end_char, field: "text" }),
  },
  quotes: {
    load: () => api("quotes", { speaker: state.filters.actor, limit: 500 }),
    columns: ["speaker", "cue", "kind", "says"],
    row: (q) => [q.speaker || q.speaker_text || "—", q.cue_lemma || "—", q.kind, q.content],
    span: (q) => ({ start: q.start_char, end: q.end_char, field: q.field }),
  },
  claims: {
    load: () => api("claims", { about: state.filters.actor, limit: 500 }),
    columns: ["figure", "counts", "of", "where", "claimed by"],
    row: (n) => [n.text, n.counted || n.unit || "—", n.of_name || n.of_actor || "—", n.place_name || n.place || "—", n.claimed_by_name || n.claimed_by || "—"],
    span: (n) => ({ start: n.start_char, end: n.end_char, field: "text" }),
  },
  stories: {
    load: () => api("stories", { contains: state.filters.actor, limit: 200 }),
    columns: ["first", "articles", "outlets", "least similar", "title"],
    row: (s) => [String(s.first_published || "—"), String(s.articles), (s.sites || []).join(", ") || "—",
      s.min_similarity.toFixed(2), s.title || "—"],
    click: (s) => showEvidence(s.article_ids[0], { start: 0, end: 0, field: "title" }),
  },
  alerts: {
    load: () => api("alerts", { limit: 500 }),
    columns: ["rule", "alert", "article", "evidence"],
    row: (a) => [a.rule, a.summary, a.title || a.article_id, a.evidence],
    span: (a) => ({ start: a.start_char, end: a.end_char, field: "text" }),
  },
  actors: {
    load: () => api("actors", { limit: 200 }),
    columns: ["actor", "type", "code", "mentions", "articles"],
    row: (a) => [a.name, a.type || "—", a.code || "—", String(a.mentions), String(a.articles)],
    click: (a) => setFilter("actor", a.name),
  },
};

async function drawTable() {
  const spec = TABLES[state.tab];
  const holder = document.getElementById("table");
  let rows;
  try { rows = await spec.load(); } catch (error) { holder.textContent = error.message; return; }
  if (!rows.length) { holder.textContent = "nothing matches"; return; }
  const body = rows.map((row) => el("tr", { class: "clickable",
    onclick: () => (spec.click ? spec.click(row) : showEvidence(row.article_id, spec.span(row))) },
  spec.row(row).map((cell) => el("td", {}, cell))));
  holder.replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, spec.columns.map((c) => el("th", {}, c)))), el("tbody", {}, body)));
}

// --- evidence: the article, its sentence and span highlighted ---------------------------------
async function showEvidence(articleId, span) {
  const article = await api(`articles/${articleId}`);
  const panel = document.getElementById("evidence");
  panel.hidden = false;
  document.getElementById("evidence-title").textContent = article.title || articleId;
  document.getElementById("evidence-meta").textContent =
    [article.site_name, article.published, article.dateline, `id ${article.article_id}`, article.url].filter(Boolean).join(" · ");
  const body = document.getElementById("evidence-text");
  const text = span.field === "title" ? article.title : article.text;
  const sentence = span.field === "title" ? [0, text.length]
    : (article.sentences.find(([s, e]) => s <= span.start && span.start < e) || [span.start, span.end]);
  const [s0, s1] = [Math.min(sentence[0], span.start), Math.max(sentence[1], span.end)];
  body.replaceChildren(text.slice(0, s0),
    el("mark", { class: "sentence" }, text.slice(s0, span.start), el("mark", { id: "hit" }, text.slice(span.start, span.end)), text.slice(span.end, s1)),
    text.slice(s1));
  panel.scrollIntoView({ behavior: "smooth" });
  document.getElementById("hit").scrollIntoView({ block: "center" });
}

// --- filters and start-up -------------------------------------------------------------------
const hasFilters = () => Object.values(state.filters).some(Boolean);

function setFilter(name, value, refresh = true) {
  document.querySelector(`#filters [name=${name}]`).value = value;
  if (refresh) document.getElementById("filters").requestSubmit();
}

async function refresh() {
  const [events, timeline, places] = await Promise.all([
    api("events", { ...state.filters, limit: 5000 }), api("timeline", state.filters), api("places", { limit: 500 })]);
  state.events = events;
  drawPoints(events, places);
  drawTimeline(timeline);
  await drawTable();
}

async function start() {
  const select = document.querySelector("#filters [name=type]");
  PLOVER.forEach((type) => select.append(el("option", { value: type }, type)));
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.filters = Object.fromEntries([...new FormData(form)].filter(([, v]) => v));
    refresh();
  });
  form.addEventListener("reset", () => setTimeout(() => { state.filters = {}; refresh(); }));
  document.querySelectorAll("#tabs button").forEach((button) => button.addEventListener("click", () => {
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b === button));
    state.tab = button.dataset.tab;
    drawTable();
  }));
  const stats = await api("stats");
  document.getElementById("counts").textContent =
    `${stats.articles} articles · ${stats.events} events · ${stats.quotes} quotes · ${stats.quantities} numeric claims · ${stats.places} places`;
  await drawBasemap();
  await refresh();
}

start().catch((error) => { document.getElementById("counts").textContent = `error: ${error.message}`; });
