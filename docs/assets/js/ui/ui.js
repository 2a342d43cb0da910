/* Account Path: small DOM helpers shared by the evaluator and the self-assessment pages.
   Every piece of text goes in through textContent or setAttribute, never as HTML. */

/**
 * Create an element. attrs: `class`, `text` (textContent), `on<event>` handlers, booleans
 * (set as properties: checked, disabled, hidden, open, selected), anything else via setAttribute.
 * Children: nodes or strings (text nodes); null/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "checked" || k === "selected" || k === "value") node[k] = v;
    else if (v === true) node.setAttribute(k, "");
    else node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** How many characters of a user's text a table or list shows before «показать полностью». */
export const SHOWN_CHARS = 400;

/**
 * A user's text for a table or a list: up to SHOWN_CHARS characters, and for a longer text a
 * button that shows the rest on demand (a 500k-character note must not be laid out at once).
 */
export function longText(text, cls = null) {
  const value = String(text);
  if (value.length <= SHOWN_CHARS) return h("span", { class: cls, text: value });
  const span = h("span", { class: cls ? `${cls} ap-long` : "ap-long", text: `${value.slice(0, SHOWN_CHARS)}… ` });
  const more = h("button", { type: "button", class: "ap-long__more", text: `Показать полностью (${value.length} знаков)` });
  more.addEventListener("click", () => { span.textContent = value; });
  span.append(more);
  return span;
}

/** The class a textarea gets when its text has an unbroken run of 200+ characters: such text is
    broken anywhere (CSS line-break), since the default wrapping lays a 500k-character word out for a minute. */
export function textareaClass(base, text) {
  return /\S{200}/.test(String(text || "")) ? `${base} ap-text--unbroken` : base;
}

/** Texts longer than this are not put into a live textarea until asked (layout of a long text takes seconds). */
export const EDIT_CHARS = 20000;

/**
 * A textarea for a user's text (`attrs` as for h()); a text over EDIT_CHARS characters is shown
 * first as a truncated preview with a button that opens the textarea on demand.
 */
export function textArea(attrs, text) {
  const value = String(text || "");
  const make = () => h("textarea", { ...attrs, class: textareaClass(attrs.class || "", value), value });
  if (value.length <= EDIT_CHARS) return make();
  const box = h("div", { class: "ap-long-edit" }, longText(value));
  const edit = h("button", { type: "button", class: "md-button ap-button ap-button--quiet", text: `Редактировать текст (${value.length} знаков)` });
  edit.addEventListener("click", () => {
    const area = make();
    box.replaceWith(area);
    area.focus();
  });
  box.append(" ", edit);
  return box;
}

const TRANSLIT = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** An ASCII file-name part of any text: Cyrillic transliterated, then [a-z0-9-] only. */
export function slug(text, fallback = "x") {
  const latin = Array.from(String(text).toLowerCase()).map((ch) => (ch in TRANSLIT ? TRANSLIT[ch] : ch)).join("");
  const s = latin.normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  return s || fallback;
}

/** Offer text as a file download (Blob + a[download]; nothing leaves the browser). */
export function download(name, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A number in Russian notation: decimal comma, real minus sign, optional plus. */
export function num(x, { signed = false } = {}) {
  if (x === null || x === undefined) return "—";
  const text = String(Math.abs(x)).replace(".", ",");
  if (x < 0) return "−" + text;
  return (signed && x > 0 ? "+" : "") + text;
}

/** Share 0..1 as a whole percent, «80 %» (Intl, as i18n.percent in Python). */
export { percentText as percent } from "../core/messages.js";

/** localStorage that never throws (private modes, disabled storage). */
export const store = {
  get(key) {
    try {
      const text = window.localStorage.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      /* nothing stored */
    }
  },
};

/** Load the site's model.json named by the app element's data-model (relative to the page). */
export async function loadModel(app) {
  const url = new URL(app.getAttribute("data-model") || "../../assets/data/model.json", document.baseURI);
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Competency records of the model by id. */
export function competencyIndex(model) {
  return new Map((model.competencies || []).map((c) => [c.id, c]));
}

/** Name of scale level n (1..5) from the model, e.g. «Уверенный». */
export function scaleName(model, n) {
  const s = (model.scale || []).find((x) => x.level === n);
  return s ? s.name : "";
}

/** Turn an element into the WAI-ARIA tabs pattern's keyboard: arrows, Home, End. */
export function tabKeys(tablist, select) {
  tablist.addEventListener("keydown", (event) => {
    const tabs = Array.from(tablist.querySelectorAll('[role="tab"]'));
    const current = tabs.indexOf(document.activeElement);
    if (current < 0) return;
    let next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (current + 1) % tabs.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    select(next, true);
  });
}
