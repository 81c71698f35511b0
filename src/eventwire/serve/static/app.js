/* eventwire web map: filters, clustered event markers, a weekly timeline with a brush, and an
 * evidence panel. Talks only to this server's API; every piece of data is inserted as text
 * (textContent / createTextNode), never as HTML. */
(function () {
  "use strict";

  // ACLED's six event types, in ACLED's order; the colour index is the marker class ew-t<i>.
  var TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
  ];
  var STATUSES = [
    { value: "asserted", label: "asserted (filled)" },
    { value: "reported", label: "reported (ringed)" },
    { value: "claimed", label: "claimed (hollow)" },
    { value: "intended", label: "intended (dashed)" },
    { value: "denied", label: "denied (grey ×)" },
    { value: "negated", label: "negated (grey ×)" },
    { value: "hypothetical", label: "hypothetical (grey ×)" },
  ];
  var PRECISION = { 1: "the town or site", 2: "near it, or part of a region", 3: "region or country only" };
  var DAY_MS = 86400000;

  var state = {
    config: null,
    filters: {},
    range: null, // {from: "YYYY-MM-DD", to: "YYYY-MM-DD"} chosen with the timeline brush
    weeks: [], // [{start: Date, count: n}] continuous, zero-filled
    loadToken: 0,
  };
  var map, clusters;

  // --- small DOM helpers (text only) -------------------------------------------------------

  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, String(attrs[k]));
    });
    return node;
  }

  function showMessage(text) {
    var box = document.getElementById("message");
    box.textContent = text || "";
    box.hidden = !text;
  }

  function fmt(n) {
    return Number(n).toLocaleString("en-US");
  }

  function isoDay(d) {
    return d.toISOString().slice(0, 10);
  }

  // --- API -----------------------------------------------------------------------------------

  function apiGet(path, params) {
    var url = new URL(path, window.location.origin);
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (Array.isArray(v)) v.forEach(function (x) { url.searchParams.append(k, x); });
      else if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    });
    return fetch(url.toString(), { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var msg = body && body.error ? body.error.code + ": " + body.error.message : "HTTP " + r.status;
          if (body && Array.isArray(body.detail)) {
            msg = body.detail.map(function (d) { return d.loc.join(".") + ": " + d.msg; }).join("; ");
          }
          throw new Error(msg);
        }
        return body;
      });
    });
  }

  function filterParams(withRange) {
    var f = state.filters;
    var p = { type: f.type, status: f.status, country: f.country, q: f.q };
    if (f.anonymous) p.anonymous = "true";
    if (withRange && state.range) {
      p.date_from = state.range.from;
      p.date_to = state.range.to;
    }
    return p;
  }

  // --- filters panel -------------------------------------------------------------------------

  function typeIndex(type) {
    var i = TYPES.indexOf(type);
    return i < 0 ? "x" : String(i);
  }

  function markerClass(type, status) {
    return "ew-mk ew-t" + typeIndex(type) + " ew-s-" + (STATUSES.some(function (s) { return s.value === status; }) ? status : "x");
  }

  function swatch(type, status) {
    return el("span", markerClass(type, status));
  }

  function buildFilterPanel(countries) {
    var typeSel = document.getElementById("f-type");
    TYPES.forEach(function (t) {
      var opt = el("option", null, t);
      opt.value = t;
      typeSel.appendChild(opt);
    });
    var statusBox = document.getElementById("f-status");
    STATUSES.forEach(function (s) {
      var box = el("input");
      box.type = "checkbox";
      box.name = "status";
      box.value = s.value;
      statusBox.appendChild(el("label", "check", box, " ", s.value));
    });
    var countrySel = document.getElementById("f-country");
    Object.keys(countries).filter(function (c) { return c; }).sort().forEach(function (c) {
      var opt = el("option", null, c + " (" + fmt(countries[c]) + ")");
      opt.value = c;
      countrySel.appendChild(opt);
    });
    var lt = document.getElementById("legend-types");
    TYPES.forEach(function (t) {
      lt.appendChild(el("li", null, swatch(t, "asserted"), t));
    });
    var ls = document.getElementById("legend-status");
    STATUSES.forEach(function (s) {
      ls.appendChild(el("li", null, swatch("Battles", s.value), s.label));
    });
  }

  function readFilters() {
    var statuses = Array.prototype.slice
      .call(document.querySelectorAll("#f-status input:checked"))
      .map(function (b) { return b.value; });
    state.filters = {
      type: document.getElementById("f-type").value,
      country: document.getElementById("f-country").value,
      status: statuses,
      anonymous: document.getElementById("f-anonymous").checked,
      q: document.getElementById("f-q").value.trim(),
    };
  }

  function updateExportLinks() {
    var qs = new URL("/x", window.location.origin);
    var p = filterParams(true);
    Object.keys(p).forEach(function (k) {
      var v = p[k];
      if (Array.isArray(v)) v.forEach(function (x) { qs.searchParams.append(k, x); });
      else if (v) qs.searchParams.set(k, v);
    });
    document.getElementById("export-link").href = "/export.csv" + qs.search;
    document.getElementById("export-geojson").href = "/export.geojson" + qs.search;
  }

  // --- map -----------------------------------------------------------------------------------

  function initMap(topo) {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([20, 20], 2);
    map.attributionControl.setPrefix("");
    if (state.config.tile_url) {
      L.tileLayer(state.config.tile_url, { maxZoom: 18, attribution: "tiles: " + state.config.tile_url }).addTo(map);
    }
    if (topo && window.topojson) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: {
          color: "#8d99a6",
          weight: 0.7,
          fillColor: "#f4f1ea",
          fillOpacity: state.config.tile_url ? 0 : 1,
        },
      }).addTo(map);
      map.attributionControl.addAttribution("Natural Earth (public domain)");
    }
    clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
    map.addLayer(clusters);
  }

  function markerFor(stored) {
    var ev = stored.mention;
    var loc = ev.location;
    if (!loc || loc.lat === null || loc.lon === null) return null;
    var icon = L.divIcon({ className: markerClass(ev.type, ev.status), iconSize: [14, 14] });
    var m = L.marker([loc.lat, loc.lon], { icon: icon, keyboard: true, title: ev.type + " · " + ev.status });
    m.on("click", function () { openDetail(ev.id); });
    return m;
  }

  function loadEvents() {
    var token = ++state.loadToken;
    var max = state.config.max_map_events;
    var params = filterParams(true);
    params.limit = Math.min(state.config.page_size, max);
    var all = [];
    document.getElementById("event-count").textContent = "loading…";
    function page(cursor) {
      if (cursor) params.cursor = cursor;
      return apiGet("/events", params).then(function (body) {
        if (token !== state.loadToken) return null; // a newer request replaced this one
        Array.prototype.push.apply(all, body.items);
        if (body.next_cursor && all.length < max) return page(body.next_cursor);
        return body.next_cursor;
      });
    }
    return page(null)
      .then(function (more) {
        if (token !== state.loadToken) return;
        var markers = all.map(markerFor).filter(function (m) { return m; });
        clusters.clearLayers();
        clusters.addLayers(markers);
        var text = fmt(all.length) + (more ? "+" : "") + " events · " + fmt(markers.length) + " on the map";
        if (more) text += " (first " + fmt(max) + "; filter to see the rest)";
        document.getElementById("event-count").textContent = text;
        document.body.setAttribute("data-shown", String(all.length));
        if (markers.length && hasFilters()) {
          map.fitBounds(clusters.getBounds(), { maxZoom: 7, padding: [30, 30] });
        }
        showMessage("");
      })
      .catch(function (err) {
        showMessage(err.message);
        document.getElementById("event-count").textContent = "0 events";
      });
  }

  function hasFilters() {
    var f = state.filters;
    return Boolean(f.type || f.country || f.q || f.anonymous || (f.status && f.status.length) || state.range);
  }

  // --- timeline with a brush -----------------------------------------------------------------

  function mondayOf(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  }

  function loadTimeline() {
    return apiGet("/stats", filterParams(false)).then(function (stats) {
      var counts = {};
      stats.by_week.forEach(function (pair) { counts[pair[0]] = pair[1]; });
      var keys = Object.keys(counts).sort();
      var weeks = [];
      if (keys.length) {
        var end = mondayOf(keys[keys.length - 1]).getTime();
        for (var t = mondayOf(keys[0]).getTime(); t <= end; t += 7 * DAY_MS) {
          var key = isoDay(new Date(t));
          weeks.push({ start: new Date(t), count: counts[key] || 0 });
        }
      }
      state.weeks = weeks;
      drawTimeline();
    }).catch(function (err) { showMessage(err.message); });
  }

  function drawTimeline() {
    var svg = document.getElementById("timeline");
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var width = svg.clientWidth || 800;
    var height = svg.clientHeight || 90;
    var axis = 16;
    var weeks = state.weeks;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (!weeks.length) {
      var empty = svgEl("text", { x: 8, y: height / 2, class: "tl-empty" });
      empty.textContent = "no dated events";
      svg.appendChild(empty);
      return;
    }
    var maxCount = Math.max.apply(null, weeks.map(function (w) { return w.count; })) || 1;
    var bw = width / weeks.length;
    var inRange = function (w) {
      return state.range && isoDay(w.start) >= mondayOf(state.range.from).toISOString().slice(0, 10) && isoDay(w.start) <= state.range.to;
    };
    weeks.forEach(function (w, i) {
      var h = w.count ? Math.max(2, (w.count / maxCount) * (height - axis - 4)) : 0;
      var bar = svgEl("rect", {
        x: i * bw + (bw > 3 ? 0.5 : 0),
        y: height - axis - h,
        width: Math.max(bw - (bw > 3 ? 1 : 0), 0.5),
        height: h,
        class: "tl-bar" + (inRange(w) ? " tl-in" : ""),
      });
      var tip = svgEl("title");
      tip.textContent = "week of " + isoDay(w.start) + ": " + fmt(w.count) + " events";
      bar.appendChild(tip);
      svg.appendChild(bar);
    });
    // Year ticks (or month ticks for short spans) along the bottom.
    var first = weeks[0].start, last = weeks[weeks.length - 1].start;
    var spanDays = (last - first) / DAY_MS;
    var lastLabel = "";
    weeks.forEach(function (w, i) {
      var label = spanDays > 500 ? String(w.start.getUTCFullYear()) : isoDay(w.start).slice(0, 7);
      if (label !== lastLabel) {
        var t = svgEl("text", { x: i * bw + 2, y: height - 3, class: "tl-tick" });
        t.textContent = label;
        svg.appendChild(t);
        svg.appendChild(svgEl("line", { x1: i * bw, x2: i * bw, y1: height - axis, y2: height, class: "tl-tickline" }));
        lastLabel = label;
      }
    });
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: 0, height: height - axis, class: "tl-brush", id: "tl-brush" }));
  }

  function initBrush() {
    var svg = document.getElementById("timeline");
    var startX = null;
    function weekAt(x) {
      var n = state.weeks.length;
      var i = Math.floor((x / (svg.clientWidth || 1)) * n);
      return Math.min(Math.max(i, 0), n - 1);
    }
    function localX(evt) {
      return evt.clientX - svg.getBoundingClientRect().left;
    }
    svg.addEventListener("mousedown", function (evt) {
      if (!state.weeks.length) return;
      startX = localX(evt);
      evt.preventDefault();
    });
    window.addEventListener("mousemove", function (evt) {
      if (startX === null) return;
      var x = localX(evt);
      var brush = document.getElementById("tl-brush");
      if (brush) {
        brush.setAttribute("x", String(Math.max(Math.min(startX, x), 0)));
        brush.setAttribute("width", String(Math.abs(x - startX)));
      }
    });
    window.addEventListener("mouseup", function (evt) {
      if (startX === null) return;
      var x = localX(evt);
      var a = weekAt(Math.min(startX, x)), b = weekAt(Math.max(startX, x));
      var dragged = Math.abs(x - startX) > 3;
      startX = null;
      if (!dragged) return;
      setRange(isoDay(state.weeks[a].start), isoDay(new Date(state.weeks[b].start.getTime() + 6 * DAY_MS)));
    });
  }

  function setRange(from, to, quiet) {
    state.range = from ? { from: from, to: to } : null;
    document.getElementById("range-label").textContent = state.range ? from + " to " + to : "drag to select dates";
    document.getElementById("range-clear").hidden = !state.range;
    drawTimeline();
    updateExportLinks();
    if (!quiet) loadEvents();
  }

  // --- detail panel --------------------------------------------------------------------------

  function actorText(a) {
    if (!a) return "—";
    var name = a.name && a.name !== a.text ? a.name + " (“" + a.text + "”)" : a.text;
    var extra = [a.country, a.kind && a.kind !== "unknown" ? a.kind.replace(/_/g, " ") : null].filter(Boolean);
    return extra.length ? name + " · " + extra.join(", ") : name;
  }

  function placeText(p) {
    if (!p) return "—";
    var parts = [p.name || p.text, p.admin1, p.country].filter(Boolean).join(", ");
    var prec = p.precision ? " · precision " + p.precision + " (" + PRECISION[p.precision] + ")" : "";
    var words = p.name && p.name !== p.text ? " · “" + p.text + "”" : "";
    return parts + words + prec;
  }

  function dateText(d) {
    if (!d) return "—";
    var v = d.value ? d.value + (d.precision ? " (" + d.precision + ")" : "") : "unresolved";
    return v + " · “" + d.text + "”";
  }

  function countText(f) {
    if (!f) return "—";
    var q = { exact: "", at_least: "at least ", at_most: "at most ", approx: "about " }[f.qualifier] || "";
    return (f.value === null ? "unknown" : q + f.value) + " · “" + f.text + "”";
  }

  function row(dl, term, value) {
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }

  function safeLink(url) {
    // Only http(s) links become anchors; anything else (javascript:, data:) stays plain text.
    if (!/^https?:\/\//i.test(url || "")) return url ? el("span", null, url) : null;
    var a = el("a", null, url);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  function evidenceSpan(text, evidence) {
    if (text.slice(evidence.start, evidence.end) === evidence.sentence) return [evidence.start, evidence.end];
    var at = text.indexOf(evidence.sentence); // offsets of an older store may be stale; find the words
    return at < 0 ? null : [at, at + evidence.sentence.length];
  }

  function articleNode(text, evidence) {
    var box = el("div", "article-text");
    var span = evidenceSpan(text, evidence);
    if (!span) {
      box.appendChild(document.createTextNode(text));
      return box;
    }
    box.appendChild(document.createTextNode(text.slice(0, span[0])));
    box.appendChild(el("mark", "evidence", text.slice(span[0], span[1])));
    box.appendChild(document.createTextNode(text.slice(span[1])));
    return box;
  }

  function claimNode(claim, article) {
    var box = el("section", "claim");
    box.appendChild(el("h3", null, "Claim chain"));
    var dl = el("dl");
    var sp = claim.speaker;
    row(dl, "Speaker", sp ? actorText(sp) : "unknown");
    row(dl, "Source", sp ? (sp.anonymous ? "anonymous" : "named") : "—");
    row(dl, "Cue", claim.cue + (claim.direct_quote ? " · direct quote" : ""));
    row(dl, "Channel", claim.channel || "—");
    row(dl, "Outlet", article.outlet || "—");
    if (claim.hedges && claim.hedges.length) row(dl, "Hedges", claim.hedges.join(", "));
    row(dl, "Says", "“" + claim.content.text + "”");
    box.appendChild(dl);
    return box;
  }

  function renderDetail(stored, view) {
    var ev = stored.mention;
    var body = document.getElementById("detail-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(el("p", "kicker", swatch(ev.type, ev.status), ev.status));
    body.appendChild(el("h2", null, ev.type));
    body.appendChild(el("p", "subtype", ev.sub_type));
    var dl = el("dl");
    row(dl, "Actor 1", actorText(ev.actor1));
    row(dl, "Actor 2", actorText(ev.actor2));
    row(dl, "Place", placeText(ev.location));
    row(dl, "Date", dateText(ev.date));
    row(dl, "Fatalities", countText(ev.fatalities));
    if (ev.injuries) row(dl, "Injured", countText(ev.injuries));
    row(dl, "Confidence", Number(ev.confidence).toFixed(2));
    body.appendChild(dl);
    if (stored.claim) body.appendChild(claimNode(stored.claim, stored.article));
    var art = stored.article;
    var meta = el("section", "article");
    meta.appendChild(el("h3", null, "Article"));
    meta.appendChild(el("p", "article-title", art.title || "(untitled)"));
    meta.appendChild(el("p", "article-meta", [art.outlet, art.published].filter(Boolean).join(" · ") || "—"));
    var link = safeLink(art.url);
    if (link) meta.appendChild(el("p", "article-url", link));
    meta.appendChild(view ? articleNode(view.article.text, ev.evidence) : el("p", null, ev.evidence.sentence));
    body.appendChild(meta);
    var panel = document.getElementById("detail");
    panel.hidden = false;
    document.body.classList.add("detail-open");
    map.invalidateSize();
    panel.scrollTop = 0;
    highlight(ev.location);
    var mark = body.querySelector("mark");
    var box = body.querySelector(".article-text");
    if (mark && box) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 24); // evidence at the top
  }

  var selected = null;

  function highlight(loc) {
    // A ring around the selected event's place, above the clusters.
    if (selected) map.removeLayer(selected);
    selected = null;
    if (!loc || loc.lat === null || loc.lon === null) return;
    selected = L.circleMarker([loc.lat, loc.lon], {
      radius: 13, color: "#1f2933", weight: 2, fill: false, interactive: false,
    }).addTo(map);
  }

  function openDetail(id) {
    apiGet("/events/" + encodeURIComponent(id))
      .then(function (stored) {
        return apiGet("/articles/" + encodeURIComponent(stored.article_id))
          .then(function (view) { renderDetail(stored, view); })
          .catch(function (err) { renderDetail(stored, null); showMessage(err.message); });
      })
      .catch(function (err) { showMessage(err.message); });
  }

  function closeDetail() {
    document.getElementById("detail").hidden = true;
    highlight(null);
    document.body.classList.remove("detail-open");
    map.invalidateSize();
  }

  // --- start ---------------------------------------------------------------------------------

  function applyFilters(evt) {
    if (evt) evt.preventDefault();
    readFilters();
    updateExportLinks();
    loadTimeline();
    loadEvents();
  }

  function start() {
    Promise.all([
      apiGet("/ui/config"),
      apiGet("/stats"),
      fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.ok ? r.json() : null; }),
    ]).then(function (res) {
      state.config = res[0];
      buildFilterPanel(res[1].by_country);
      initMap(res[2]);
      initBrush();
      document.getElementById("filter-form").addEventListener("submit", applyFilters);
      document.getElementById("reset").addEventListener("click", function () {
        document.getElementById("filter-form").reset();
        setRange(null, null, true);
        applyFilters();
        map.setView([20, 20], 2);
      });
      document.getElementById("range-clear").addEventListener("click", function () { setRange(null); });
      document.getElementById("detail-close").addEventListener("click", closeDetail);
      window.addEventListener("resize", drawTimeline);
      readFilters();
      loadTimeline();
      loadEvents();
    }).catch(function (err) { showMessage("cannot start the map: " + err.message); });
  }

  window.eventwireMap = { openDetail: openDetail }; // for debugging in the console
  document.addEventListener("DOMContentLoaded", start);
})();
