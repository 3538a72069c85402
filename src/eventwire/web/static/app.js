// eventwire page: map, timeline, table, review, add-an-article. Plain JS over the REST API.
// Every stored string reaches the page through textContent (el() below), never as markup.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0",
  "Riots": "#ad1457",
  "Strategic developments": "#546e7a",
};
const COUNT_KINDS = ["fatalities", "injured", "hostages", "arrested"];
const REVIEW_FIELDS = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "location",
  "fatalities", "injured", "hostages", "arrested", "claims", "gtd_attack_type"];
const EDITABLE = new Set(["event_type", "sub_event_type", "event_date", "actor1", "actor2", "location",
  "fatalities", "injured", "hostages", "arrested"]);
const PAGE = 25;

const state = {
  config: { writes: false, token_required: false }, facets: null,
  filters: {}, brush: null, offset: 0, list: [], map: null, layer: null, ready: false,
  review: null, sel: 0, editing: false,
};

// ---- small helpers -------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function colour(type) { return TYPE_COLOURS[type] || "#37474f"; }
function enc(id) { return encodeURIComponent(id); }

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (opts.body && typeof opts.body !== "string") {
    opts.body = JSON.stringify(opts.body);
    opts.headers["content-type"] = "application/json";
  }
  const token = sessionStorage.getItem("eventwire-token");
  if (token && opts.method && opts.method !== "GET") opts.headers["authorization"] = "Bearer " + token;
  const res = await fetch(path, opts);
  if (!res.ok) {
    let detail = res.statusText;
    try { const j = await res.json(); detail = typeof j.detail === "string" ? j.detail : JSON.stringify(j.detail); } catch (e) { /* not JSON */ }
    if (res.status === 401) $("#token-box").hidden = false;
    throw new Error(res.status + ": " + detail);
  }
  return res.json();
}

function query(extra) {
  const p = new URLSearchParams();
  const f = Object.assign({}, state.filters, extra || {});
  if (state.brush && !f.since && !f.until) { f.since = state.brush[0]; f.until = state.brush[1]; }
  for (const [k, v] of Object.entries(f)) if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  return p;
}

function countText(c) {
  if (!c) return "";
  if (c.low === c.high || c.high === null) return String(c.best ?? c.low ?? "");
  return (c.best ?? "") + " (" + (c.low ?? "?") + "–" + (c.high ?? "?") + ")";
}
function valueText(field, ev) {
  const v = ev[field] !== undefined ? ev[field] : (ev.codes || {})[field];
  if (v === null || v === undefined || v === "") return "—";
  if (COUNT_KINDS.includes(field)) return countText(v) + (v.status && v.status !== "unattributed" ? " [" + v.status + (v.reported_by ? " by " + v.reported_by : "") + "]" : "");
  if (field === "actor1" || field === "actor2") return v.name + (v.type ? " [" + v.type + "]" : "");
  if (field === "location") return [v.name, v.admin2, v.admin1, v.country].filter(Boolean).join(", ") + " (precision " + v.geo_precision + ")";
  if (field === "claims") return v.map((c) => c.actor + (c.channel ? " via " + c.channel : "")).join("; ") || "—";
  if (field === "event_date") return v + (ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : "");
  return String(v);
}
function editValue(field, ev) {
  const v = ev[field];
  if (v === null || v === undefined) return "";
  if (COUNT_KINDS.includes(field)) return v.best ?? v.low ?? "";
  if (typeof v === "object") return v.name || "";
  return v;
}

// ---- routing -------------------------------------------------------------
function route() {
  const hash = location.hash || "#/";
  const views = { events: $("#view-events"), review: $("#view-review"), new: $("#view-new") };
  let name = "events";
  if (hash.startsWith("#/review/")) name = "review";
  else if (hash.startsWith("#/doc/")) name = "review";
  else if (hash === "#/new") name = "new";
  for (const [k, v] of Object.entries(views)) v.hidden = k !== name;
  if (name === "events") { if (state.map) state.map.invalidateSize(); }
  if (hash.startsWith("#/review/")) openReview(decodeURIComponent(hash.slice(9)), null);
  if (hash.startsWith("#/doc/")) openReview(null, decodeURIComponent(hash.slice(6)));
}

// ---- events view: filters, map, timeline, table -----------------------------
function readFilters() {
  const form = $("#filters");
  const f = {};
  for (const name of ["since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "incident", "q", "min_confidence"]) {
    const v = form.elements[name].value.trim();
    if (v) f[name] = v;
  }
  if (form.elements.in_view.checked && state.map) f.bbox = boundsParam();
  state.filters = f;
  state.offset = 0;
}

function boundsParam() {
  const b = state.map.getBounds();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map((v) => v.toFixed(4)).join(",");
}

function fillFacets() {
  const form = $("#filters");
  const types = form.elements.event_type;
  for (const t of state.facets.event_types) types.append(el("option", { value: t }, t));
  for (const c of state.facets.countries) form.elements.country.append(el("option", { value: c }, c));
  const subs = new Set(Object.values(state.facets.sub_event_types).flat());
  for (const s of [...subs].sort()) form.elements.sub_event_type.append(el("option", { value: s }, s));
  const legend = clear($("#legend"));
  legend.append(el("strong", {}, "Event type"));
  for (const [t, c] of Object.entries(TYPE_COLOURS)) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = c;
    legend.append(el("div", {}, sw, t));
  }
  legend.append(el("p", {}, "Circle size: fatalities. A number: events in that area (click to list them, or to zoom in where there are many)."));
}

function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, preferCanvas: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");
  map.setView([25, 30], 2);
  state.map = map;
  state.layer = L.layerGroup().addTo(map);
  fetch("/static/vendor/natural-earth/countries-110m.geojson").then((r) => r.json()).then((geo) => {
    L.geoJSON(geo, { interactive: false, style: { color: "#8d9ba3", weight: 0.7, fillColor: "#fbfbf7", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  map.on("moveend", () => {
    if ($("#filters").elements.in_view.checked) { readFilters(); loadTable(); }
    loadMap();
  });
}

let mapSeq = 0;
async function loadMap() {
  if (!state.map) return;
  const seq = ++mapSeq;
  const zoom = state.map.getZoom();
  const cell = Math.min(45, 360 / (256 * Math.pow(2, zoom)) * 40);
  const p = query({ bbox: boundsParam() });
  p.set("cell", cell.toFixed(5));
  const data = await api("/api/map?" + p.toString());
  if (seq !== mapSeq) return;
  state.layer.clearLayers();
  for (const c of data.cells) state.layer.addLayer(cellMarker(c));
  $("#map").dataset.markers = String(data.cells.length);
}

function cellMarker(c) {
  const size = Math.round(Math.min(46, 14 + 5 * Math.sqrt(c.fatalities)));
  const box = el("div", { class: "ew-marker", "data-type": c.event_type, title: c.n + " events, " + c.fatalities + " killed" }, c.n > 1 ? String(c.n) : "");
  box.style.background = colour(c.event_type);
  box.style.width = box.style.height = size + "px";
  const marker = L.marker([c.lat, c.lon], { icon: L.divIcon({ html: box, className: "", iconSize: [size, size] }) });
  marker.on("click", () => {
    if (c.event_id) return showCard(marker, c.event_id);
    if (c.n <= 20 || state.map.getZoom() >= state.map.getMaxZoom()) return showList(marker, c.bbox.join(","));
    return state.map.setView([c.lat, c.lon], Math.min(state.map.getMaxZoom(), state.map.getZoom() + 2));
  });
  return marker;
}

async function showCard(marker, eventId) {
  const data = await api("/api/events/" + enc(eventId));
  const ev = data.event;
  const doc = data.documents.find((d) => (ev.doc_ids || []).includes(d.doc_id)) || data.documents[0] || {};
  const card = el("div", { class: "card" },
    el("h3", {}, ev.event_type + " / " + (ev.sub_event_type || "")),
    el("p", {}, (ev.event_date || "undated") + " · " + valueText("location", ev)),
    el("p", {}, "Actors: " + valueText("actor1", ev) + " → " + valueText("actor2", ev)),
    el("p", {}, "Fatalities: " + (countText(ev.fatalities) || "none reported")),
    el("p", {}, "Source: " + (doc.outlet || doc.title || doc.doc_id || "")),
    el("p", {}, el("a", { href: "#/review/" + enc(ev.event_id) }, "Review this event")));
  marker.bindPopup(card, { maxWidth: 320 }).openPopup();
}

async function showList(marker, bbox) {
  const data = await api("/api/events?" + query({ bbox: bbox, limit: 20 }).toString());
  const list = el("div", { class: "card" }, el("h3", {}, data.total + " events here"),
    ...data.items.map((ev) => el("p", {}, el("a", { href: "#/review/" + enc(ev.event_id) }, (ev.event_date || "") + " " + ev.event_type + " · " + valueText("location", ev)))));
  marker.bindPopup(list, { maxWidth: 340 }).openPopup();
}

async function loadTable() {
  const p = query({ offset: state.offset, limit: PAGE });
  const data = await api("/api/events?" + p.toString());
  state.list = data.items.map((ev) => ev.event_id);
  const body = clear($("#events tbody"));
  for (const ev of data.items) {
    const tr = el("tr", { "data-event-id": ev.event_id, "data-date": ev.event_date || "" },
      el("td", {}, ev.event_date || ""), el("td", {}, ev.event_type), el("td", {}, ev.sub_event_type || ""),
      el("td", {}, ev.actor1 ? ev.actor1.name : ""), el("td", {}, ev.actor2 ? ev.actor2.name : ""),
      el("td", {}, ev.location ? [ev.location.name, ev.location.admin1, ev.location.country].filter(Boolean).join(", ") : ""),
      el("td", {}, countText(ev.fatalities)), el("td", {}, (ev.confidence ?? 0).toFixed(2)));
    tr.addEventListener("click", () => { location.hash = "#/review/" + enc(ev.event_id); });
    body.append(tr);
  }
  const end = Math.min(data.total, state.offset + data.items.length);
  $("#count").textContent = data.total ? (state.offset + 1) + "–" + end + " of " + data.total + " events" : "no events";
  $("#count").dataset.total = String(data.total);
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = end >= data.total;
  const exp = query({ format: "acled-csv", level: "events" });
  $("#export-link").href = "/api/export?" + exp.toString();
}

// Timeline: bars per period over the filtered events (dates themselves not filtered),
// a drag across it sets the date range of the map and the table.
const TL = { bins: [], start: 0, dayPx: 1, width: 0, left: 30 };
const DAY = 86400000;

async function loadTimeline() {
  const p = query();
  p.delete("since"); p.delete("until");
  const data = await api("/api/timeline?" + p.toString());
  drawTimeline(data.days);
}

function drawTimeline(days) {
  const svg = $("#timeline");
  clear(svg);
  const width = svg.getBoundingClientRect().width || 800;
  const height = 90, bottom = 16, left = TL.left;
  TL.width = width;
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  if (!days.length) { TL.bins = []; return; }
  const first = Date.parse(days[0].date), lastDay = Date.parse(days[days.length - 1].date);
  const spanDays = Math.max(30, Math.round((lastDay - first) / DAY) + 1);  // a month at least: bars stay bars
  const last = first + spanDays * DAY;
  const binDays = Math.max(1, Math.ceil(spanDays / 150));
  const nbins = Math.ceil(spanDays / binDays);
  const bins = Array.from({ length: nbins }, () => ({ n: 0, dead: 0 }));
  for (const d of days) {
    const i = Math.min(nbins - 1, Math.floor((Date.parse(d.date) - first) / DAY / binDays));
    bins[i].n += d.n; bins[i].dead += d.fatalities;
  }
  TL.bins = bins; TL.start = first; TL.binDays = binDays; TL.last = lastDay;
  TL.dayPx = (width - left - 4) / (nbins * binDays);
  const max = Math.max(...bins.map((b) => b.n));
  const ns = "http://www.w3.org/2000/svg";
  const bw = Math.max(1, binDays * TL.dayPx - 1);
  bins.forEach((b, i) => {
    if (!b.n) return;
    const h = Math.max(2, (height - bottom - 4) * b.n / max);
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("class", "bar" + (b.dead ? " dead" : ""));
    r.setAttribute("x", left + i * binDays * TL.dayPx); r.setAttribute("y", height - bottom - h);
    r.setAttribute("width", bw); r.setAttribute("height", h);
    const t = document.createElementNS(ns, "title");
    t.textContent = isoDay(first + i * binDays * DAY) + ": " + b.n + " events, " + b.dead + " killed";
    r.append(t);
    svg.append(r);
  });
  const ticks = Math.min(8, nbins);
  for (let k = 0; k <= ticks; k++) {
    const ms = first + (last - first) * k / ticks;
    const t = document.createElementNS(ns, "text");
    t.setAttribute("class", "axis"); t.setAttribute("x", left + (ms - first) / DAY * TL.dayPx); t.setAttribute("y", height - 3);
    t.setAttribute("text-anchor", k === 0 ? "start" : k === ticks ? "end" : "middle");
    t.textContent = isoDay(ms).slice(0, binDays > 60 ? 4 : binDays > 2 ? 7 : 10);
    svg.append(t);
  }
  const yl = document.createElementNS(ns, "text");
  yl.setAttribute("class", "axis"); yl.setAttribute("x", 0); yl.setAttribute("y", 10); yl.textContent = String(max);
  svg.append(yl);
  drawBrush();
}

function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
// The brush snaps to whole bars: from the first bar touched to the end of the last.
function binAt(x) {
  const i = Math.floor((x - TL.left) / (TL.binDays * TL.dayPx));
  return Math.max(0, Math.min(TL.bins.length - 1, i));
}
function brushDates(x0, x1) {
  const a = binAt(Math.min(x0, x1)), b = binAt(Math.max(x0, x1));
  const end = Math.min(TL.last, TL.start + ((b + 1) * TL.binDays - 1) * DAY);
  return [isoDay(TL.start + a * TL.binDays * DAY), isoDay(end)];
}

function drawBrush() {
  const svg = $("#timeline");
  const old = svg.querySelector(".brush");
  if (old) old.remove();
  $("#tl-range").textContent = state.brush ? state.brush[0] + " to " + state.brush[1] : "";
  if (!state.brush || !TL.bins.length) return;
  const x0 = TL.left + (Date.parse(state.brush[0]) - TL.start) / DAY * TL.dayPx;
  const x1 = TL.left + ((Date.parse(state.brush[1]) - TL.start) / DAY + 1) * TL.dayPx;
  const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  r.setAttribute("class", "brush"); r.setAttribute("x", Math.min(x0, x1)); r.setAttribute("y", 0);
  r.setAttribute("width", Math.max(2, Math.abs(x1 - x0))); r.setAttribute("height", 74);
  svg.append(r);
}

function initBrush() {
  const svg = $("#timeline");
  let from = null;
  // In the drawing's own units: the page may have narrowed the timeline since it was drawn.
  const xOf = (e) => { const r = svg.getBoundingClientRect(); return (e.clientX - r.left) * (TL.width / r.width); };
  svg.addEventListener("mousedown", (e) => { from = xOf(e); e.preventDefault(); });
  window.addEventListener("mousemove", (e) => {
    if (from === null || !TL.bins.length) return;
    state.brush = brushDates(from, xOf(e));
    drawBrush();
  });
  window.addEventListener("mouseup", (e) => {
    if (from === null) return;
    const moved = Math.abs(xOf(e) - from) > 3;
    from = null;
    if (!moved) state.brush = null;
    drawBrush();
    state.offset = 0;
    loadTable(); loadMap();
  });
  $("#tl-clear").addEventListener("click", () => { state.brush = null; drawBrush(); state.offset = 0; loadTable(); loadMap(); });
}

let filterTimer = null;
function onFilters() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => { readFilters(); refreshAll(); }, 250);
}
async function refreshAll() { await Promise.all([loadTable(), loadMap(), loadTimeline()]); }

// ---- review ------------------------------------------------------------------
async function openReview(eventId, docId) {
  state.editing = false;
  const data = eventId ? await api("/api/events/" + enc(eventId)) : null;
  const ev = data ? data.event : null;
  const theDoc = docId || (ev && ev.doc_ids && ev.doc_ids[0]) || (data && data.documents[0] && data.documents[0].doc_id);
  const doc = await api("/api/documents/" + enc(theDoc));
  state.review = { ev: ev, data: data, doc: doc, siblings: doc.events.map((e) => e.event_id) };
  $("#review-title").textContent = ev ? ev.event_type + " / " + (ev.sub_event_type || "") + " · " + (ev.event_date || "undated")
    : "No event was coded in this article";
  renderArticle();
  renderFields();
  renderIncident();
  state.sel = Math.min(state.sel, Math.max(0, REVIEW_FIELDS.length - 1));
  select(0);
  document.body.dataset.review = ev ? ev.event_id : "";
}

function renderArticle() {
  const { doc, ev } = state.review;
  const d = doc.document;
  $("#doc-title").textContent = d.title || d.id;
  $("#doc-meta").textContent = [d.outlet, d.published, d.url].filter(Boolean).join(" · ");
  const text = d.text;
  const spans = ev ? doc.spans.filter((s) => s.event_id === ev.event_id && s.end > s.start) : [];
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = clear($("#doc-text"));
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const fields = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    if (!fields.length) { box.append(document.createTextNode(piece)); continue; }
    const rules = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field + ": " + s.rule);
    box.append(el("mark", { class: "ev", "data-fields": fields.join(" "), title: rules.join("\n") }, piece));
  }
}

function reviewState(ev, field) {
  const entries = ((ev.codes || {}).corrections || []).filter((c) => c.field === field || c.field.startsWith(field + "."));
  if (!entries.length) return null;
  const changed = entries.some((c) => JSON.stringify(c.value) !== JSON.stringify(c.machine));
  return { kind: changed ? "corrected" : "accepted", entries: entries };
}

function renderFields() {
  const body = clear($("#fields tbody"));
  const { ev } = state.review;
  if (!ev) return;
  REVIEW_FIELDS.forEach((field, i) => {
    const seen = new Set();
    const evid = (ev.evidence || []).filter((e) => e.field === field && !seen.has(e.rule + "|" + e.text) && seen.add(e.rule + "|" + e.text));
    const st = reviewState(ev, field);
    const value = el("td", { class: "value" }, valueText(field, ev));
    if (st) {
      value.append(" ", el("span", { class: "state " + st.kind }, st.kind));
      if (st.kind === "corrected") {
        const m = st.entries[st.entries.length - 1];
        value.append(el("div", { class: "machine", title: "the machine's value" }, "machine: " + shortValue(m.machine)));
      }
    }
    const rule = el("td", { class: "rule" }, ...evid.map((e) => el("div", {}, e.rule, e.text ? el("q", {}, e.text) : null)));
    const actions = el("td", { class: "act" });
    if (EDITABLE.has(field) && state.config.writes) {
      actions.append(el("button", { type: "button", class: "accept", onclick: () => { select(i); accept(); } }, "Accept"),
        el("button", { type: "button", class: "edit-btn", onclick: () => { select(i); edit(); } }, "Edit"));
    }
    const tr = el("tr", { "data-field": field, onclick: () => select(i) }, el("th", {}, field), value, rule, actions);
    body.append(tr);
  });
}

function shortValue(v) {
  if (v === null || v === undefined) return "none";
  if (typeof v === "object") return String(v.best ?? v.name ?? v.low ?? JSON.stringify(v));
  return String(v);
}

function renderIncident() {
  const box = clear($("#incident"));
  const { data, ev } = state.review;
  if (!data) return;
  const inc = data.incident;
  box.append(el("h3", {}, inc ? "Incident " + inc.incident_id + ": " + data.reports.length + " report(s)" : "Not linked to an incident"));
  if (inc) {
    const figs = ((inc.codes || {}).reconciliation || {}).figures || {};
    const line = COUNT_KINDS.filter((k) => inc[k]).map((k) => k + " " + countText(inc[k]));
    box.append(el("p", {}, "Reconciled: " + (line.join(", ") || "no counts")));
    for (const [kind, list] of Object.entries(figs)) {
      box.append(el("p", {}, kind + " by source: " + list.map((f) => (f.outlet || f.doc_id || "?") + " " + (f.best ?? f.low ?? "?")).join("; ")));
    }
  }
  const docs = Object.fromEntries(data.documents.map((d) => [d.doc_id, d]));
  const table = el("table", { class: "reports" }, el("tr", {}, el("th", {}, "Report"), el("th", {}, "Date"), ...COUNT_KINDS.map((k) => el("th", {}, k))));
  for (const r of data.reports) {
    const d = docs[(r.doc_ids || [])[0]] || {};
    const name = (d.outlet ? d.outlet + ": " : "") + (d.title || d.doc_id || r.event_id);
    const link = r.event_id === ev.event_id ? el("strong", {}, name + " (this one)") : el("a", { href: "#/review/" + enc(r.event_id) }, name);
    table.append(el("tr", {}, el("td", {}, link), el("td", {}, r.event_date || ""), ...COUNT_KINDS.map((k) => el("td", {}, countText(r[k])))));
  }
  box.append(table);
}

function select(i) {
  const rows = document.querySelectorAll("#fields tbody tr");
  if (!rows.length) return;
  state.sel = Math.max(0, Math.min(rows.length - 1, i));
  rows.forEach((r, k) => r.classList.toggle("sel", k === state.sel));
  const field = REVIEW_FIELDS[state.sel];
  let first = null;
  document.querySelectorAll("#doc-text mark").forEach((m) => {
    const on = m.dataset.fields.split(" ").includes(field);
    m.classList.toggle("active", on);
    if (on && !first) first = m;
  });
  if (first && !state.editing) first.scrollIntoView({ block: "nearest" });
}

async function accept() {
  const field = REVIEW_FIELDS[state.sel];
  if (!EDITABLE.has(field)) return;
  await patch({ field: field, action: "accept" });
  select(Math.min(REVIEW_FIELDS.length - 1, state.sel + 1));
}

function edit() {
  const field = REVIEW_FIELDS[state.sel];
  if (!EDITABLE.has(field) || !state.config.writes) return;
  state.editing = true;
  const row = document.querySelectorAll("#fields tbody tr")[state.sel];
  const cell = row.querySelector("td.value");
  const ev = state.review.ev;
  let input;
  if (field === "event_type" || field === "sub_event_type") {
    const options = field === "event_type" ? state.facets.event_types.concat(Object.keys(TYPE_COLOURS))
      : Object.values(state.facets.sub_event_types).flat();
    input = el("select", { name: "value" }, ...[...new Set(options)].sort().map((o) => el("option", { value: o }, o)));
    input.value = ev[field];
  } else {
    input = el("input", { name: "value", type: field === "event_date" ? "date" : COUNT_KINDS.includes(field) ? "number" : "text", min: COUNT_KINDS.includes(field) ? 0 : null });
    input.value = editValue(field, ev);
  }
  const comment = el("input", { name: "comment", placeholder: "comment (optional)" });
  const save = el("button", { type: "submit" }, "Save");
  const cancel = el("button", { type: "button", onclick: () => { state.editing = false; renderFields(); select(state.sel); } }, "Cancel");
  const form = el("form", { class: "edit" }, input, comment, save, cancel);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    let value = input.value;
    if (COUNT_KINDS.includes(field)) value = value === "" ? null : Number(value);
    await patch({ field: field, value: value, comment: comment.value || null });
  });
  clear(cell).append(form);
  input.focus();
}

async function patch(body) {
  body.author = $("#reviewer").value || null;
  const ev = state.review.ev;
  try {
    const res = await api("/api/events/" + enc(ev.event_id), { method: "PATCH", body: body });
    state.review.ev = res.event;
    state.editing = false;
    const keep = state.sel;
    renderFields(); renderArticle(); select(keep);
  } catch (err) {
    const row = document.querySelectorAll("#fields tbody tr")[state.sel];
    row.querySelector("td.act").append(el("div", { class: "error" }, err.message));
  }
}

function step(delta) {
  const { ev } = state.review || {};
  if (!ev) return;
  const list = state.list.includes(ev.event_id) ? state.list : state.review.siblings;
  const i = list.indexOf(ev.event_id);
  const next = list[i + delta];
  if (next) location.hash = "#/review/" + enc(next);
}

function onKey(e) {
  if ($("#view-review").hidden) return;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
  if (e.key === "Escape" && state.editing) { state.editing = false; renderFields(); select(state.sel); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = { n: () => step(1), p: () => step(-1), j: () => select(state.sel + 1), ArrowDown: () => select(state.sel + 1),
    k: () => select(state.sel - 1), ArrowUp: () => select(state.sel - 1), a: accept, e: edit };
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
}

// ---- add an article ------------------------------------------------------------
async function submitArticle(e) {
  e.preventDefault();
  const f = e.target.elements;
  const body = { text: f.text.value, title: f.title.value || null, published: f.published.value || null,
    outlet: f.outlet.value || null, url: f.url.value || null };
  const status = $("#new-status");
  status.textContent = "coding…";
  try {
    const res = await api("/api/documents", { method: "POST", body: body });
    status.textContent = res.events.length + " event(s) coded";
    location.hash = res.events.length ? "#/review/" + enc(res.events[0].event_id) : "#/doc/" + enc(res.doc_id);
    loadFacetsLater();
  } catch (err) {
    status.textContent = err.message;
    status.className = "error";
  }
}
function loadFacetsLater() { refreshAll(); }

// ---- start ---------------------------------------------------------------------------
async function start() {
  $("#reviewer").value = localStorage.getItem("eventwire-reviewer") || "";
  $("#reviewer").addEventListener("change", (e) => localStorage.setItem("eventwire-reviewer", e.target.value));
  $("#token").addEventListener("change", (e) => sessionStorage.setItem("eventwire-token", e.target.value));
  [state.config, state.facets] = await Promise.all([api("/api/config"), api("/api/facets")]);
  $("#token-box").hidden = !state.config.token_required;
  $("#nav-new").hidden = !state.config.writes;
  fillFacets();
  initMap();
  initBrush();
  const form = $("#filters");
  form.addEventListener("input", onFilters);
  form.addEventListener("change", onFilters);
  form.addEventListener("reset", () => setTimeout(() => { state.brush = null; onFilters(); }, 0));
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
  $("#new-doc").addEventListener("submit", submitArticle);
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => loadTimeline());
  readFilters();
  route();
  await refreshAll();
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
}

window.addEventListener("DOMContentLoaded", () => {
  start().catch((err) => {
    document.body.prepend(el("p", { class: "error" }, "eventwire page failed to start: " + err.message));
  });
});
