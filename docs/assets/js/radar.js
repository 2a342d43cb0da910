/* Account Path: a radar (spider) chart of ratings on the 1-5 scale, built as SVG with DOM
   calls (createElementNS, textContent: nothing is parsed as HTML), plus a data table that
   carries the same numbers for screen readers and print. No library, deterministic. */

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 760;
const HEIGHT = 540;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 185;

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(x) {
  return (Math.round(x * 10) / 10).toFixed(1);
}

function point(i, n, value, max) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (RADIUS * Math.max(0, Math.min(value, max))) / max;
  return [CX + r * Math.cos(angle), CY + r * Math.sin(angle)];
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
  if (lines.length > 3) return [...lines.slice(0, 2), lines.slice(2).join(" ").slice(0, width - 1) + "…"];
  return lines;
}

function formatValue(v) {
  if (v === null || v === undefined) return "—";
  return String(Math.round(v * 100) / 100).replace(".", ",");
}

function seriesGroup(s, n, max) {
  const g = el("g", { class: `ap-radar__series ap-radar__series--${s.kind}`, "aria-hidden": "true" });
  const pts = s.values.map((v, i) => point(i, n, v === null || v === undefined ? 0 : v, max));
  const shape = n >= 3 ? "polygon" : "polyline";
  g.appendChild(el(shape, { points: pts.map((p) => p.map(fmt).join(",")).join(" "), class: "ap-radar__shape" }));
  s.values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const [x, y] = pts[i];
    g.appendChild(el("circle", { cx: fmt(x), cy: fmt(y), r: 4, class: "ap-radar__dot" }));
  });
  return g;
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
  old.forEach((g) => g.remove());
  series.forEach((s) => svg.insertBefore(seriesGroup(s, n, max), labels));
  const axes = Array.from(figure.querySelectorAll("tbody th")).map((th) => ({ label: th.textContent }));
  tableBody(figure.querySelector("tbody"), axes, series);
}

/**
 * A figure with the radar SVG (role="img", aria-label) and a table alternative.
 * @param {object} opts
 * @param {string} opts.title  accessible name and caption
 * @param {{id: string, label: string}[]} opts.axes
 * @param {{name: string, values: (number|null)[], kind: string}[]} opts.series
 *   kind: "actual" (filled) or "target" / "level-N" (outlines); null values sit at the centre
 * @param {number} [opts.max=5]
 * @returns {HTMLElement}
 */
export function radarChart({ title, axes, series, max = 5, id = "" }) {
  const figure = document.createElement("figure");
  figure.className = "ap-radar";
  if (id) figure.id = id;
  const n = axes.length;
  figure.dataset.axes = String(n);
  figure.dataset.max = String(max);
  const svg = el("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": title, class: "ap-radar__svg",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.appendChild(el("title", {}, title));
  const grid = el("g", { class: "ap-radar__grid", "aria-hidden": "true" });
  for (let level = 1; level <= max; level += 1) {
    const pts = [];
    for (let i = 0; i < n; i += 1) pts.push(point(i, n, level, max).map(fmt).join(","));
    grid.appendChild(el("polygon", { points: pts.join(" "), class: "ap-radar__ring" }));
    const [, y] = point(0, n, level, max);
    grid.appendChild(el("text", { x: fmt(CX + 4), y: fmt(y + 12), class: "ap-radar__tick" }, String(level)));
  }
  for (let i = 0; i < n; i += 1) {
    const [x, y] = point(i, n, max, max);
    grid.appendChild(el("line", { x1: CX, y1: CY, x2: fmt(x), y2: fmt(y), class: "ap-radar__spoke" }));
  }
  svg.appendChild(grid);
  series.forEach((s) => svg.appendChild(seriesGroup(s, n, max)));
  const labels = el("g", { class: "ap-radar__labels", "aria-hidden": "true" });
  axes.forEach((axis, i) => {
    const [x, y] = point(i, n, max + 0.3, max);
    const anchor = Math.abs(x - CX) < 8 ? "middle" : x > CX ? "start" : "end";
    const lines = wrapLabel(axis.label);
    const lineHeight = 17;
    const top = y < CY - 8 ? y - (lines.length - 1) * lineHeight : Math.abs(y - CY) <= 8 ? y - ((lines.length - 1) * lineHeight) / 2 + 5 : y + 12;
    const text = el("text", { x: fmt(x), y: fmt(top), "text-anchor": anchor, class: "ap-radar__label" });
    lines.forEach((line, k) => {
      text.appendChild(el("tspan", { x: fmt(x), y: fmt(top + k * lineHeight) }, line));
    });
    labels.appendChild(text);
  });
  svg.appendChild(labels);
  figure.appendChild(svg);

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
  figure.appendChild(legend);

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
  const th0 = document.createElement("th");
  th0.scope = "col";
  th0.textContent = "Компетенция";
  thead.appendChild(th0);
  series.forEach((s) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = s.name;
    thead.appendChild(th);
  });
  tableBody(table.createTBody(), axes, series);
  details.appendChild(table);
  figure.appendChild(details);
  return figure;
}
