/* Account Path: a radar (spider) chart of ratings on the 1-5 scale, built as SVG with DOM
   calls (createElementNS, textContent: nothing is parsed as HTML), plus a data table that
   carries the same numbers for screen readers and print. No library, deterministic. */

const SVG = "http://www.w3.org/2000/svg";

/** Two geometries: wide, with the names at the axes (kept inside the viewBox), and compact
    for phones (SVG drawn at 320-360 px): the axes carry numbers of 15 user units (12 px or
    more) and the names follow in a numbered list under the chart, in the page's own font. */
const WIDE = { width: 760, height: 540, radius: 185, font: 15, wrap: 16, line: 17 };
const COMPACT = { width: 400, height: 380, radius: 150, font: 15, wrap: 12, line: 16, numbered: true };

function geometry() {
  const narrow = typeof window !== "undefined" && window.matchMedia && window.matchMedia("(max-width: 37.5em)").matches;
  const g = narrow ? COMPACT : WIDE;
  return { ...g, cx: g.width / 2, cy: g.height / 2 };
}

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(x) {
  return (Math.round(x * 10) / 10).toFixed(1);
}

function point(g, i, n, value, max) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (g.radius * Math.max(0, Math.min(value, max))) / max;
  return [g.cx + r * Math.cos(angle), g.cy + r * Math.sin(angle)];
}

/** Runs of consecutive rated axes (cyclic), so an unrated axis is a gap, never a spike to 0. */
export function runs(values) {
  const n = values.length;
  const rated = values.map((v) => v !== null && v !== undefined);
  if (rated.every(Boolean)) return [{ closed: true, idx: values.map((_, i) => i) }];
  const start = rated.indexOf(false);
  const out = [];
  let cur = [];
  for (let k = 1; k <= n; k += 1) {
    const i = (start + k) % n;
    if (rated[i]) cur.push(i);
    else if (cur.length) {
      out.push({ closed: false, idx: cur });
      cur = [];
    }
  }
  if (cur.length) out.push({ closed: false, idx: cur });
  return out;
}

/** Split a label into lines of about `width` characters at spaces (at most 3 lines). */
export function wrapLabel(text, width = 16) {
  const words = String(text).split(/\s+/u).filter(Boolean);
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && (line + " " + w).length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? line + " " + w : w;
    }
  }
  if (line) lines.push(line);
  if (lines.length > 4) return [...lines.slice(0, 3), lines.slice(3).join(" ").slice(0, width - 1) + "…"];
  return lines;
}

function formatValue(v) {
  if (v === null || v === undefined) return "—";
  return String(Math.round(v * 100) / 100).replace(".", ",");
}

function seriesGroup(g, s, n, max) {
  const grp = el("g", { class: `ap-radar__series ap-radar__series--${s.kind}`, "aria-hidden": "true" });
  const pts = s.values.map((v, i) => (v === null || v === undefined ? null : point(g, i, n, v, max)));
  for (const run of runs(s.values)) {
    const shape = run.closed && n >= 3 ? "polygon" : "polyline";
    const cls = run.closed ? "ap-radar__shape" : "ap-radar__shape ap-radar__shape--open";
    grp.appendChild(el(shape, { points: run.idx.map((i) => pts[i].map(fmt).join(",")).join(" "), class: cls }));
  }
  pts.forEach((p) => {
    if (p) grp.appendChild(el("circle", { cx: fmt(p[0]), cy: fmt(p[1]), r: 4, class: "ap-radar__dot" }));
  });
  return grp;
}

function tableBody(tbody, axes, series) {
  tbody.replaceChildren();
  axes.forEach((axis, i) => {
    const tr = tbody.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = axis.label;
    tr.appendChild(th);
    series.forEach((s) => {
      tr.insertCell().textContent = formatValue(s.values[i]);
    });
  });
}

/**
 * Replace the data series of a chart made by radarChart (same axes and series names),
 * leaving the grid and the labels alone: a cheap update while the user types.
 */
export function updateRadar(figure, series) {
  const svg = figure.querySelector("svg");
  const old = svg.querySelectorAll(".ap-radar__series");
  const labels = svg.querySelector(".ap-radar__labels");
  const n = Number(figure.dataset.axes);
  const max = Number(figure.dataset.max);
  const g = figure.dataset.compact === "true" ? { ...COMPACT, cx: COMPACT.width / 2, cy: COMPACT.height / 2 } : { ...WIDE, cx: WIDE.width / 2, cy: WIDE.height / 2 };
  old.forEach((x) => x.remove());
  series.forEach((s) => svg.insertBefore(seriesGroup(g, s, n, max), labels));
  const axes = Array.from(figure.querySelectorAll("tbody th")).map((th) => ({ label: th.textContent }));
  tableBody(figure.querySelector("tbody"), axes, series);
}

/** One axis label, wrapped, moved inward where it would cross the viewBox edge. */
function axisLabel(g, label, i, n, max) {
  const [x0, y] = point(g, i, n, max + 0.3, max);
  const anchor = Math.abs(x0 - g.cx) < 8 ? "middle" : x0 > g.cx ? "start" : "end";
  const lines = wrapLabel(label, g.wrap);
  const widest = Math.max(...lines.map((l) => l.length)) * g.font * 0.6;
  let x = x0;
  if (anchor === "start") x = Math.min(x0, g.width - 2 - widest);
  else if (anchor === "end") x = Math.max(x0, widest + 2);
  else x = Math.min(Math.max(x0, widest / 2 + 2), g.width - widest / 2 - 2);
  const h = (lines.length - 1) * g.line;
  let top = y < g.cy - 8 ? y - h : Math.abs(y - g.cy) <= 8 ? y - h / 2 + 5 : y + 12;
  top = Math.min(Math.max(top, g.font), g.height - 4 - h);
  const text = el("text", { x: fmt(x), y: fmt(top), "text-anchor": anchor, class: "ap-radar__label", "font-size": g.font });
  lines.forEach((line, k) => text.appendChild(el("tspan", { x: fmt(x), y: fmt(top + k * g.line) }, line)));
  return text;
}

/**
 * A figure with the radar SVG (role="img", aria-label) and a table alternative.
 * @param {object} opts
 * @param {string} opts.title  accessible name and caption
 * @param {{id: string, label: string}[]} opts.axes
 * @param {{name: string, values: (number|null)[], kind: string}[]} opts.series
 *   kind: "actual" (filled), "manager", or "target" / "level-N" (outlines); a null value is a gap
 * @param {number} [opts.max=5]
 * @returns {HTMLElement}
 */
export function radarChart({ title, axes, series, max = 5, id = "" }) {
  const figure = document.createElement("figure");
  figure.className = "ap-radar";
  if (id) figure.id = id;
  const g = geometry();
  figure.dataset.axes = String(axes.length);
  figure.dataset.max = String(max);
  figure.dataset.compact = String(g.width === COMPACT.width);
  figure.appendChild(chartSvg(g, title, axes, series, max));
  if (g.numbered) {
    const names = document.createElement("ol");
    names.className = "ap-radar__axes";
    axes.forEach((axis) => {
      const li = document.createElement("li");
      li.textContent = axis.label;
      names.appendChild(li);
    });
    figure.appendChild(names);
  }
  figure.appendChild(legendOf(series));
  figure.appendChild(dataTable(title, axes, series));
  return figure;
}

function chartSvg(g, title, axes, series, max) {
  const n = axes.length;
  const svg = el("svg", {
    viewBox: `0 0 ${g.width} ${g.height}`, role: "img", "aria-label": title, class: "ap-radar__svg",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.appendChild(el("title", {}, title));
  const grid = el("g", { class: "ap-radar__grid", "aria-hidden": "true" });
  for (let level = 1; level <= max; level += 1) {
    const pts = [];
    for (let i = 0; i < n; i += 1) pts.push(point(g, i, n, level, max).map(fmt).join(","));
    grid.appendChild(el("polygon", { points: pts.join(" "), class: "ap-radar__ring" }));
    const [, y] = point(g, 0, n, level, max);
    grid.appendChild(el("text", { x: fmt(g.cx + 4), y: fmt(y + 12), class: "ap-radar__tick" }, String(level)));
  }
  for (let i = 0; i < n; i += 1) {
    const [x, y] = point(g, i, n, max, max);
    grid.appendChild(el("line", { x1: g.cx, y1: g.cy, x2: fmt(x), y2: fmt(y), class: "ap-radar__spoke" }));
  }
  svg.appendChild(grid);
  series.forEach((s) => svg.appendChild(seriesGroup(g, s, n, max)));
  const labels = el("g", { class: "ap-radar__labels", "aria-hidden": "true" });
  axes.forEach((axis, i) => labels.appendChild(axisLabel(g, g.numbered ? String(i + 1) : axis.label, i, n, max)));
  svg.appendChild(labels);
  return svg;
}

function legendOf(series) {
  const legend = document.createElement("ul");
  legend.className = "ap-radar__legend";
  legend.setAttribute("aria-hidden", "true");
  series.forEach((s) => {
    const li = document.createElement("li");
    li.className = `ap-radar__key ap-radar__key--${s.kind}`;
    const swatch = document.createElement("span");
    swatch.className = "ap-radar__swatch";
    li.append(swatch, document.createTextNode(s.name));
    legend.appendChild(li);
  });
  return legend;
}

function dataTable(title, axes, series) {
  const details = document.createElement("details");
  details.className = "ap-radar__data";
  const summary = document.createElement("summary");
  summary.textContent = "Данные диаграммы таблицей";
  details.appendChild(summary);
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = title;
  table.appendChild(caption);
  const thead = table.createTHead().insertRow();
  for (const name of ["Компетенция", ...series.map((s) => s.name)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    thead.appendChild(th);
  }
  tableBody(table.createTBody(), axes, series);
  const wrap = document.createElement("div"); // a wide table scrolls in a region the keyboard can reach
  wrap.className = "ap-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", title);
  wrap.appendChild(table);
  details.appendChild(wrap);
  return details;
}
