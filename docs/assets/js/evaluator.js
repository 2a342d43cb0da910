/* Account Path: the interview evaluator page (tools/evaluator.md).
   A hiring manager picks the role and level, every interviewer rates the role's competencies
   (or their JSON scorecards are imported), and the panel result is computed in the browser
   by evaluate.js, the same method as `accountpath evaluate`. Exports the filled scorecards
   and the result as JSON the CLI reads and prints, and a print view of the debrief.
   Privacy: nothing is sent anywhere; localStorage is used only after "save on this device". */

import {
  checkScorecard, evaluate, findLevel, findRole, normaliseName, panelProblems, resultJson, squash, verdictLabel,
} from "./evaluate.js";
import { radarChart, updateRadar } from "./radar.js";
import {
  competencyIndex, download, h, loadModel, num, percent, scaleName, slug, store, tabKeys,
} from "./ui.js";

const STORE_KEY = "accountpath:evaluator";
const NOT_ASSESSED = "na";

let model = null;
let comps = new Map();
let state = null;
let nextId = 1;
let ui = {};
let version = 0;
let lastStatus = "";

function freshInterviewer(name) {
  return { id: nextId++, name, ratings: {}, notes: {}, overall: "" };
}

function blankState() {
  const role = model.roles[0];
  return {
    role: role.id, level: role.levels[0].id, candidate: "", date: "",
    interviewers: [freshInterviewer("Интервьюер 1")], active: 0, save: false,
  };
}

function role() {
  return findRole(model, state.role);
}

function level() {
  return findLevel(role(), state.level);
}

function hasInput(iv) {
  return Object.keys(iv.ratings).length > 0 || Object.values(iv.notes).some((t) => t.trim()) || iv.overall.trim() !== "";
}

// ------------------------------------------------------------------ state <-> storage

function snapshot() {
  return {
    version: 1, role: state.role, level: state.level, candidate: state.candidate, date: state.date,
    active: state.active,
    interviewers: state.interviewers.map((iv) => ({ name: iv.name, ratings: iv.ratings, notes: iv.notes, overall: iv.overall })),
  };
}

function restore(saved) {
  if (!saved || saved.version !== 1 || !Array.isArray(saved.interviewers) || !saved.interviewers.length) return null;
  const r = findRole(model, saved.role);
  if (!r || !findLevel(r, saved.level)) return null;
  const str = (v) => (typeof v === "string" ? v : "");
  const interviewers = saved.interviewers.map((iv) => {
    const out = freshInterviewer(str(iv && iv.name));
    for (const [cid, v] of Object.entries((iv && iv.ratings) || {})) {
      if (v === null || (Number.isInteger(v) && v >= 1 && v <= 5)) out.ratings[cid] = v;
    }
    for (const [cid, t] of Object.entries((iv && iv.notes) || {})) if (typeof t === "string") out.notes[cid] = t;
    out.overall = str(iv && iv.overall);
    return out;
  });
  const active = Number.isInteger(saved.active) && saved.active < interviewers.length ? saved.active : 0;
  return {
    role: r.id, level: saved.level, candidate: str(saved.candidate), date: str(saved.date),
    interviewers, active, save: true,
  };
}

function persist() {
  if (state.save && !store.set(STORE_KEY, snapshot())) {
    say("Браузер не дал сохранить данные на этом устройстве (хранилище отключено или переполнено).", "error");
  }
}

/** Something changed: update what depends on it and save when asked to. */
function changed({ tabs = true } = {}) {
  if (tabs) renderTabs();
  renderResult();
  persist();
}

// ------------------------------------------------------------------ messages

function say(text, kind = "info", details = []) {
  ui.messages.replaceChildren(
    h("p", { class: `ap-msg ap-msg--${kind}`, text }),
    details.length ? h("ul", { class: "ap-msg__list" }, details.map((d) => h("li", { text: d }))) : null,
  );
}

// ------------------------------------------------------------------ the shell

function buildShell(app) {
  ui.role = h("select", { id: "ev-role", onchange: onRole },
    model.roles.map((r) => h("option", { value: r.id, text: r.name || r.id })));
  ui.level = h("select", { id: "ev-level", onchange: onLevel });
  ui.candidate = h("input", {
    id: "ev-candidate", type: "text", autocomplete: "off", placeholder: "Имя и фамилия",
    oninput: () => { state.candidate = ui.candidate.value; changed({ tabs: false }); },
  });
  ui.date = h("input", {
    id: "ev-date", type: "date",
    oninput: () => { state.date = ui.date.value; changed({ tabs: false }); },
  });
  ui.levelInfo = h("p", { class: "ap-hint", id: "ev-level-info" });
  const setup = h("fieldset", { class: "ap-card ap-setup" },
    h("legend", { text: "Вакансия и кандидат" }),
    h("div", { class: "ap-grid" },
      h("label", { class: "ap-field" }, h("span", { text: "Роль" }), ui.role),
      h("label", { class: "ap-field" }, h("span", { text: "Уровень" }), ui.level),
      h("label", { class: "ap-field" }, h("span", { text: "Кандидат" }), ui.candidate),
      h("label", { class: "ap-field" }, h("span", { text: "Дата собеседования" }), ui.date)),
    ui.levelInfo);

  ui.save = h("input", { id: "ev-save", type: "checkbox", onchange: onSave });
  ui.clear = h("button", { id: "ev-clear", type: "button", class: "md-button ap-button", text: "Очистить всё", onclick: onClear });
  const privacy = h("div", { class: "ap-privacy ap-noprint" },
    h("label", { class: "ap-check" }, ui.save, " Сохранять на этом устройстве"),
    ui.clear,
    h("p", { class: "ap-hint", text: "Данные кандидата не покидают браузер. Без галочки они исчезнут при закрытии страницы; с галочкой хранятся только в этом браузере, пока вы не нажмёте «Очистить всё»." }));

  ui.tablist = h("div", { role: "tablist", "aria-label": "Интервьюеры", class: "ap-tabs", id: "ev-tabs" });
  tabKeys(ui.tablist, (i, focus) => selectTab(i, focus));
  ui.add = h("button", { id: "ev-add-interviewer", type: "button", class: "md-button ap-button", text: "+ Добавить интервьюера", onclick: onAdd });
  ui.panel = h("div", { id: "ev-panel", role: "tabpanel", class: "ap-panel" });

  ui.file = h("input", { id: "ev-import", type: "file", multiple: true, accept: ".json,application/json", onchange: onFiles });
  ui.paste = h("textarea", { id: "ev-paste", rows: "4", spellcheck: "false", placeholder: '{"scorecard": 1, "role": "…", …}' });
  const importBox = h("details", { class: "ap-card ap-import ap-noprint", id: "ev-import-box" },
    h("summary", { text: "Импорт оценочных листов (JSON)" }),
    h("p", { class: "ap-hint", text: "Листы, заполненные другими интервьюерами в этом оценщике или сконвертированные командой accountpath из YAML и Excel. Можно выбрать несколько файлов сразу." }),
    h("label", { class: "ap-field" }, h("span", { text: "Файлы JSON" }), ui.file),
    h("label", { class: "ap-field" }, h("span", { text: "…или вставьте текст листа (один объект или список)" }), ui.paste),
    h("button", { id: "ev-paste-import", type: "button", class: "md-button ap-button", text: "Импортировать вставленное", onclick: onPaste }));

  ui.liveVerdict = h("span", { class: "ap-verdict ap-verdict--small", id: "ev-live-verdict" });
  ui.liveFacts = h("span", { class: "ap-live__facts", id: "ev-live-facts" });
  ui.live = h("div", { class: "ap-live ap-noprint", id: "ev-live" },
    h("span", { class: "ap-live__title", text: "Итог сейчас:" }), ui.liveVerdict, ui.liveFacts,
    h("button", { type: "button", class: "ap-linkbutton", text: "Подробно ↓", onclick: toResult }));
  ui.messages = h("div", { id: "ev-messages", class: "ap-messages ap-noprint", role: "status", "aria-live": "polite" });
  ui.status = h("p", { id: "ev-status", class: "ap-visually-hidden", role: "status", "aria-live": "polite" });
  ui.parts = {
    head: h("div"), verdict: h("div"), notes: h("div"), chart: h("div", { class: "ap-result__chart" }),
    table: h("div", { class: "ap-table-wrap" }), debrief: h("div"),
  };
  ui.radarKey = null;
  ui.result = h("section", { id: "ev-result", class: "ap-result", "aria-labelledby": "ev-result-title" },
    ui.parts.head, ui.parts.verdict, ui.parts.notes, ui.parts.chart, ui.parts.table, ui.parts.debrief);

  ui.exportCards = h("button", { id: "ev-export-cards", type: "button", class: "md-button md-button--primary ap-button", text: "Скачать оценочные листы (JSON)", onclick: onExportCards });
  ui.exportResult = h("button", { id: "ev-export-result", type: "button", class: "md-button ap-button", text: "Скачать итог (JSON)", onclick: onExportResult });
  ui.print = h("button", { id: "ev-print", type: "button", class: "md-button ap-button", text: "Печать итога", onclick: () => window.print() });
  const exportBar = h("div", { class: "ap-actions ap-noprint", id: "ev-export" }, ui.exportCards, ui.exportResult, ui.print);

  app.replaceChildren(
    setup,
    privacy,
    h("section", { class: "ap-interviewers ap-noprint", "aria-labelledby": "ev-iv-title" },
      h("h2", { id: "ev-iv-title", text: "Оценки интервьюеров" }),
      h("div", { class: "ap-tabbar" }, ui.tablist, ui.add),
      ui.panel,
      ui.live),
    importBox,
    ui.messages,
    ui.status,
    ui.result,
    exportBar);
}

function renderSetup() {
  ui.role.value = state.role;
  const r = role();
  ui.level.replaceChildren(...r.levels.map((lv) => h("option", { value: lv.id, text: lv.name || lv.id })));
  ui.level.value = state.level;
  ui.candidate.value = state.candidate;
  ui.date.value = state.date;
  ui.save.checked = state.save;
  const must = r.competencies.filter((rc) => rc.must_have).length;
  ui.levelInfo.textContent = `Компетенций у роли: ${r.competencies.length}, из них обязательных: ${must}. `
    + `Поставьте каждой оценку от 1 до 5 по наблюдаемому поведению или отметьте «${model.vocab.not_assessed}».`;
}

// ------------------------------------------------------------------ tabs and the rating form

function tabLabel(iv, i) {
  const r = role();
  const rated = r.competencies.filter((rc) => iv.ratings[rc.id] !== undefined && iv.ratings[rc.id] !== null).length;
  return `${squash(iv.name) || `Интервьюер ${i + 1}`} · ${rated}/${r.competencies.length}`;
}

function renderTabs() {
  ui.tablist.replaceChildren(...state.interviewers.map((iv, i) => {
    const selected = i === state.active;
    return h("button", {
      type: "button", role: "tab", id: `ev-tab-${iv.id}`, "aria-selected": selected ? "true" : "false",
      "aria-controls": "ev-panel", tabindex: selected ? "0" : "-1", class: "ap-tab", "data-testid": `ev-tab-${i}`,
      text: tabLabel(iv, i), onclick: () => selectTab(i, false),
    });
  }));
}

function selectTab(i, focus) {
  state.active = i;
  renderTabs();
  renderPanel();
  persist();
  if (focus) ui.tablist.querySelectorAll('[role="tab"]')[i].focus();
}

function behaviours(comp, n, target) {
  const list = (comp && comp.levels && comp.levels[String(n)]) || [];
  const title = `${n} · ${scaleName(model, n)}` + (n === target ? " — цель" : n < target ? " — ниже цели" : " — выше цели");
  return h("div", { class: `ap-ladder__step${n === target ? " ap-ladder__step--target" : ""}` },
    h("p", { class: "ap-ladder__title", text: title }),
    h("ul", {}, list.map((b) => h("li", { text: b }))));
}

function competencyBlock(rc, iv, target) {
  const comp = comps.get(rc.id);
  const name = comp ? comp.name : rc.id;
  const value = iv.ratings[rc.id];
  const steps = [target - 1, target, target + 1].filter((n) => n >= 1 && n <= 5);
  const radios = [1, 2, 3, 4, 5].map((n) => h("label", { class: "ap-radio", title: scaleName(model, n) },
    h("input", {
      type: "radio", name: `rating-${rc.id}`, value: String(n), checked: value === n,
      "data-testid": `rating-${rc.id}-${n}`, class: "ap-radio__input",
    }),
    h("span", { class: "ap-radio__box" },
      h("span", { class: "ap-radio__num", text: String(n) }),
      h("span", { class: "ap-radio__name", text: scaleName(model, n) }))));
  radios.push(h("label", { class: "ap-radio ap-radio--na" },
    h("input", { type: "radio", name: `rating-${rc.id}`, value: NOT_ASSESSED, checked: value === null, "data-testid": `rating-${rc.id}-na`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" }, h("span", { class: "ap-radio__name", text: model.vocab.not_assessed }))));
  const notesId = `notes-${rc.id}`;
  const badges = [h("span", { class: "ap-badge", text: `вес ${rc.weight}` }), h("span", { class: "ap-badge", text: `цель ${target}` })];
  if (rc.must_have) badges.push(h("span", { class: "ap-badge ap-badge--must", text: "обязательная" }));
  return h("article", { class: "ap-comp", "data-competency": rc.id },
    h("h3", { class: "ap-comp__title" }, h("span", { text: name }), " ", badges),
    comp && comp.summary ? h("p", { class: "ap-hint", text: comp.summary }) : null,
    h("div", { class: "ap-ladder" }, steps.map((n) => behaviours(comp, n, target))),
    h("fieldset", { class: "ap-rating", "data-competency": rc.id },
      h("legend", { text: `Оценка: ${name}` }),
      h("div", { class: "ap-rating__options" }, radios)),
    h("label", { class: "ap-field", for: notesId }, h("span", { text: "Заметки: факты и примеры из ответа" })),
    h("textarea", { id: notesId, name: notesId, rows: "2", "data-competency": rc.id, class: "ap-notes", value: iv.notes[rc.id] || "" }));
}

function renderPanel() {
  const iv = state.interviewers[state.active];
  const r = role();
  const lv = level();
  const tab = state.interviewers[state.active];
  ui.panel.setAttribute("aria-labelledby", `ev-tab-${tab.id}`);
  const name = h("input", { id: "ev-interviewer", type: "text", autocomplete: "off", value: iv.name });
  name.addEventListener("input", () => { iv.name = name.value; changed(); });
  const overall = h("textarea", { id: "ev-overall", rows: "3", value: iv.overall });
  overall.addEventListener("input", () => { iv.overall = overall.value; changed({ tabs: false }); });
  const remove = state.interviewers.length > 1
    ? h("button", { type: "button", id: "ev-remove-interviewer", class: "md-button ap-button ap-button--quiet", text: "Удалить этого интервьюера", onclick: onRemove })
    : null;
  const exportOne = h("button", { type: "button", id: "ev-export-card", class: "md-button ap-button", text: "Скачать лист этого интервьюера", onclick: () => exportCards([state.active]) });
  const form = h("div", { class: "ap-comps" }, r.competencies.map((rc) => competencyBlock(rc, iv, lv.targets[rc.id])));
  form.addEventListener("change", onRatingChange);
  form.addEventListener("input", onNotesInput);
  ui.panel.replaceChildren(
    h("div", { class: "ap-grid" }, h("label", { class: "ap-field" }, h("span", { text: "Имя интервьюера" }), name)),
    form,
    h("label", { class: "ap-field" }, h("span", { text: "Общий вывод интервьюера" }), overall),
    h("div", { class: "ap-actions" }, exportOne, remove));
}

function onRatingChange(event) {
  const input = event.target;
  if (input.type !== "radio" || !input.name.startsWith("rating-")) return;
  const cid = input.name.slice("rating-".length);
  const iv = state.interviewers[state.active];
  iv.ratings[cid] = input.value === NOT_ASSESSED ? null : Number(input.value);
  changed();
}

function onNotesInput(event) {
  const input = event.target;
  if (input.tagName !== "TEXTAREA" || !input.dataset.competency) return;
  const iv = state.interviewers[state.active];
  if (input.value.trim()) iv.notes[input.dataset.competency] = input.value;
  else delete iv.notes[input.dataset.competency];
  changed({ tabs: false });
}

// ------------------------------------------------------------------ the panel result

/** The interviewers' scorecards as the CLI reads them (role competencies only, names squashed). */
function cardsOf(indices) {
  const r = role();
  return indices.map((i) => {
    const iv = state.interviewers[i];
    const ratings = {};
    const notes = {};
    for (const rc of r.competencies) {
      const v = iv.ratings[rc.id];
      ratings[rc.id] = v === undefined ? null : v;
      if (iv.notes[rc.id] && iv.notes[rc.id].trim()) notes[rc.id] = iv.notes[rc.id];
    }
    const card = {
      scorecard: model.vocab.card_version, role: r.id, level: state.level, candidate: squash(state.candidate),
      interviewer: squash(iv.name) || `Интервьюер ${i + 1}`,
    };
    if (state.date) card.date = state.date;
    card.ratings = ratings;
    card.notes = notes;
    if (iv.overall.trim()) card.overall_notes = iv.overall;
    return card;
  });
}

function allIndices() {
  return state.interviewers.map((_, i) => i);
}

function compName(cid) {
  const c = comps.get(cid);
  return c ? c.name : cid;
}

function levelName(id) {
  const lv = findLevel(role(), id);
  return lv ? lv.name || lv.id : id;
}

function renderResult() {
  const r = role();
  const lv = level();
  const cards = cardsOf(allIndices());
  const result = evaluate(model, r.id, lv.id, cards);
  version += 1;
  ui.result.dataset.recommendation = result.recommendation;
  ui.result.dataset.version = String(version);
  const label = verdictLabel(model, result.recommendation);

  const who = squash(state.candidate) || "кандидат не указан";
  const head = h("header", { class: "ap-result__head" },
    h("h2", { id: "ev-result-title", text: "Итог панели" }),
    h("p", { class: "ap-result__who", text: `${who} · ${r.name || r.id}, ${lv.name || lv.id}${state.date ? ` · ${state.date}` : ""}` }));

  const verdict = h("p", { class: `ap-verdict ap-verdict--${result.recommendation}`, id: "ev-verdict", "data-testid": "ev-verdict" },
    h("span", { class: "ap-verdict__label", text: label }));

  const facts = h("dl", { class: "ap-facts" },
    h("div", {}, h("dt", { text: "Разрыв с целью уровня" }), h("dd", { id: "ev-gap", text: num(result.gap, { signed: true }) })),
    h("div", {}, h("dt", { text: "Покрытие (доля веса с оценкой)" }), h("dd", { id: "ev-coverage", text: percent(result.coverage) })),
    h("div", {}, h("dt", { text: "Лучший подходящий уровень" }), h("dd", { id: "ev-best-fit", text: result.best_fit_level ? levelName(result.best_fit_level) : "нет" })),
    h("div", {}, h("dt", { text: "Интервьюеры" }), h("dd", { text: result.interviewers.join(", ") })));

  const notes = [];
  if (result.recommendation === "insufficient_data") {
    notes.push(h("p", { class: "ap-alert", text: `Оценено ${percent(result.coverage)} веса компетенций, а нужно не меньше ${percent(model.evaluation.min_coverage)}: оцените больше компетенций или добавьте интервьюера.` }));
  }
  if (result.failed_must_haves.length) {
    notes.push(h("div", { class: "ap-alert ap-alert--bad", id: "ev-failed" },
      h("p", { text: "Обязательные компетенции ниже цели (рекомендация не выше «Не нанимать»):" }),
      h("ul", {}, result.failed_must_haves.map((cid) => {
        const row = result.competencies.find((c) => c.id === cid);
        return h("li", { text: `${compName(cid)}: ${num(row.rating)} при цели ${row.target}` });
      }))));
  }
  const disagreements = result.competencies.filter((c) => c.disagreement);
  if (disagreements.length) {
    notes.push(h("div", { class: "ap-alert ap-alert--warn", id: "ev-disagreements" },
      h("p", { text: `Обсудите сначала — оценки разошлись на ${num(model.evaluation.disagreement_spread)} балла и больше:` }),
      h("ul", {}, disagreements.map((c) => {
        const by = cards.filter((card) => card.ratings[c.id] !== null).map((card) => `${card.interviewer} — ${card.ratings[c.id]}`);
        return h("li", { "data-competency": c.id, text: `${compName(c.id)}: ${by.join(", ")}` });
      }))));
  }

  const series = [
    { name: `Цель: ${lv.name || lv.id}`, kind: "target", values: result.competencies.map((c) => c.target) },
    { name: "Средняя оценка панели", kind: "actual", values: result.competencies.map((c) => c.rating) },
  ];
  const radarKey = `${r.id}/${lv.id}`;
  if (ui.radarKey === radarKey) {
    updateRadar(ui.radar, series);
  } else {
    ui.radarKey = radarKey;
    ui.radar = radarChart({
      id: "ev-radar",
      title: `Оценка панели и цель уровня «${lv.name || lv.id}»`,
      axes: result.competencies.map((c) => ({ id: c.id, label: compName(c.id) })),
      series,
    });
    ui.parts.chart.replaceChildren(ui.radar);
  }

  const table = h("table", { class: "ap-table", id: "ev-table" },
    h("caption", { text: "Оценки по компетенциям" }),
    h("thead", {}, h("tr", {},
      ["Компетенция", "Вес", "Цель", ...cards.map((c) => c.interviewer), "Среднее", "Разрыв", "Разброс"]
        .map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, result.competencies.map((c) => h("tr", { class: c.disagreement ? "ap-row--warn" : "" },
      h("th", { scope: "row" }, compName(c.id), c.must_have ? h("span", { class: "ap-badge ap-badge--must", text: "обяз." }) : null),
      h("td", { text: String(c.weight) }),
      h("td", { text: String(c.target) }),
      cards.map((card) => h("td", { text: card.ratings[c.id] === null ? "—" : String(card.ratings[c.id]) })),
      h("td", { text: num(c.rating) }),
      h("td", { class: c.gap !== null && c.gap < 0 ? "ap-neg" : "", text: num(c.gap, { signed: true }) }),
      h("td", { text: num(c.spread) })))));

  const noteItems = [];
  for (const c of result.competencies) {
    const lines = cards.filter((card) => card.notes[c.id]).map((card) => h("li", {}, h("strong", { text: `${card.interviewer}: ` }), card.notes[c.id]));
    if (lines.length) noteItems.push(h("div", { class: "ap-debrief__item" }, h("h4", { text: compName(c.id) }), h("ul", {}, lines)));
  }
  const overall = cards.filter((card) => card.overall_notes).map((card) => h("li", {}, h("strong", { text: `${card.interviewer}: ` }), card.overall_notes));
  if (overall.length) noteItems.push(h("div", { class: "ap-debrief__item" }, h("h4", { text: "Общие выводы" }), h("ul", {}, overall)));
  const debrief = noteItems.length ? h("section", { class: "ap-debrief" }, h("h3", { text: "Заметки интервьюеров" }), noteItems) : null;

  const parts = ui.parts;
  parts.head.replaceChildren(head);
  parts.verdict.replaceChildren(verdict, facts);
  parts.notes.replaceChildren(...notes);
  parts.table.replaceChildren(table);
  parts.debrief.replaceChildren(debrief || "");
  ui.liveVerdict.className = `ap-verdict ap-verdict--small ap-verdict--${result.recommendation}`;
  ui.liveVerdict.textContent = label;
  ui.liveFacts.textContent = `разрыв ${num(result.gap, { signed: true })} · покрытие ${percent(result.coverage)}`;
  const status = `Итог: ${label}`;
  if (status !== lastStatus) {
    ui.status.textContent = status;
    lastStatus = status;
  }
  return result;
}

// ------------------------------------------------------------------ events

function toResult() {
  const title = document.getElementById("ev-result-title");
  title.setAttribute("tabindex", "-1");
  title.focus();
  title.scrollIntoView({ block: "start" });
}

function onRole() {
  state.role = ui.role.value;
  state.level = role().levels[0].id;
  renderSetup();
  renderTabs();
  renderPanel();
  changed({ tabs: false });
}

function onLevel() {
  state.level = ui.level.value;
  renderSetup();
  renderPanel();
  changed();
}

function onAdd() {
  const taken = new Set(state.interviewers.map((iv) => normaliseName(iv.name)));
  let n = state.interviewers.length + 1;
  while (taken.has(normaliseName(`Интервьюер ${n}`))) n += 1;
  state.interviewers.push(freshInterviewer(`Интервьюер ${n}`));
  state.active = state.interviewers.length - 1;
  renderTabs();
  renderPanel();
  changed({ tabs: false });
  const name = document.getElementById("ev-interviewer");
  name.focus();
  name.select();
}

function onRemove() {
  const iv = state.interviewers[state.active];
  if (hasInput(iv) && !window.confirm(`Удалить оценки интервьюера «${squash(iv.name) || "без имени"}»?`)) return;
  state.interviewers.splice(state.active, 1);
  state.active = Math.max(0, state.active - 1);
  renderTabs();
  renderPanel();
  changed({ tabs: false });
  ui.tablist.querySelectorAll('[role="tab"]')[state.active].focus();
}

function onSave() {
  state.save = ui.save.checked;
  if (state.save) {
    persist();
    say("Оценки сохраняются в этом браузере. Кнопка «Очистить всё» удалит их.");
  } else {
    store.remove(STORE_KEY);
    say("Сохранение выключено, сохранённые данные удалены с этого устройства.");
  }
}

function onClear() {
  if (!window.confirm("Удалить всех интервьюеров, оценки и заметки из оценщика и с этого устройства?")) return;
  store.remove(STORE_KEY);
  state = blankState();
  ui.file.value = "";
  ui.paste.value = "";
  renderAll();
  say("Всё очищено: на этом устройстве ничего не сохранено.");
  ui.role.focus();
}

/** Check the panel before an export: a candidate, valid and distinct interviewers. */
function checkedCards(indices) {
  const problems = [];
  if (!squash(state.candidate)) problems.push("Укажите имя кандидата — оно есть в каждом листе.");
  const cards = cardsOf(indices);
  cards.forEach((card) => {
    const { problems: found } = checkScorecard(model, card);
    found.forEach((p) => problems.push(`${card.interviewer}: ${p}`));
  });
  panelProblems(cardsOf(allIndices())).forEach(({ index, message }) => problems.push(`Интервьюер ${index + 1}: ${message}`));
  return { cards, problems: [...new Set(problems)] };
}

function cardFileName(card, used) {
  let name = `${card.role}-${card.level}-${slug(card.interviewer, "interviewer")}`;
  let k = 2;
  const base = name;
  while (used.has(name)) name = `${base}-${k++}`;
  used.add(name);
  return `${name}.json`;
}

function exportCards(indices) {
  const { cards, problems } = checkedCards(indices);
  if (problems.length) {
    say("Не получилось скачать листы:", "error", problems);
    return;
  }
  const used = new Set();
  const names = cards.map((card) => {
    const file = cardFileName(card, used);
    download(file, JSON.stringify(card, null, 2) + "\n");
    return file;
  });
  say(`Скачано листов: ${names.length}. Итог по ним же даёт команда: accountpath evaluate ${names.join(" ")}`);
}

function onExportCards() {
  exportCards(allIndices());
}

function onExportResult() {
  const { problems } = checkedCards(allIndices());
  if (problems.length) {
    say("Не получилось скачать итог:", "error", problems);
    return;
  }
  const result = evaluate(model, state.role, state.level, cardsOf(allIndices()));
  const file = `${state.role}-${state.level}-${slug(result.candidate, "candidate")}-result.json`;
  download(file, resultJson(result));
  say(`Итог скачан: ${file}.`);
}

// ------------------------------------------------------------------ import

async function onFiles() {
  const files = Array.from(ui.file.files || []);
  if (!files.length) return;
  const sources = [];
  for (const f of files) {
    try {
      sources.push({ label: f.name, text: await f.text() });
    } catch (e) {
      sources.push({ label: f.name, text: null });
    }
  }
  importSources(sources);
  ui.file.value = "";
}

function onPaste() {
  if (!ui.paste.value.trim()) {
    say("Вставьте текст оценочного листа в поле импорта.", "error");
    return;
  }
  if (importSources([{ label: "вставленный текст", text: ui.paste.value }])) ui.paste.value = "";
}

/** Import scorecards from texts; returns the number of imported cards. Never throws. */
function importSources(sources) {
  const problems = [];
  const valid = [];
  for (const { label, text } of sources) {
    if (text === null) {
      problems.push(`${label}: файл не удалось прочитать`);
      continue;
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push(`${label}: это не JSON (${e.message}). Листы в YAML и Excel переведите в JSON командой accountpath.`);
      continue;
    }
    const items = Array.isArray(data) ? data : [data];
    items.forEach((item, k) => {
      const where = items.length > 1 ? `${label}, лист ${k + 1}` : label;
      const { card, problems: found } = checkScorecard(model, item);
      if (card) valid.push({ where, card });
      else found.forEach((p) => problems.push(`${where}: ${p}`));
    });
  }
  const blank = !state.interviewers.some(hasInput);
  let accepted = [];
  if (valid.length) {
    const first = valid[0].card;
    const ctx = blank
      ? { role: first.role, level: first.level, candidate: squash(state.candidate) || first.candidate }
      : { role: state.role, level: state.level, candidate: squash(state.candidate) || first.candidate };
    const names = new Set(state.interviewers.filter(hasInput).map((iv) => normaliseName(iv.name)));
    for (const { where, card } of valid) {
      const bad = [];
      if (card.role !== ctx.role) bad.push(`роль «${card.role}», а в оценщике — «${ctx.role}»`);
      else if (card.level !== ctx.level) bad.push(`уровень «${card.level}», а в оценщике — «${ctx.level}»`);
      if (normaliseName(card.candidate) !== normaliseName(ctx.candidate)) bad.push(`кандидат «${card.candidate}», а в оценщике — «${ctx.candidate}»`);
      if (names.has(normaliseName(card.interviewer))) bad.push(`интервьюер «${card.interviewer}» уже есть в панели: один лист на интервьюера`);
      if (bad.length) bad.forEach((p) => problems.push(`${where}: ${p}`));
      else {
        names.add(normaliseName(card.interviewer));
        accepted.push(card);
      }
    }
    if (accepted.length) {
      state.role = ctx.role;
      state.level = ctx.level;
      state.candidate = state.candidate.trim() ? state.candidate : ctx.candidate;
      if (!state.date && accepted[0].date) state.date = accepted[0].date;
      const kept = state.interviewers.filter(hasInput);
      const added = accepted.map((card) => {
        const iv = freshInterviewer(card.interviewer);
        iv.ratings = { ...card.ratings };
        iv.notes = { ...card.notes };
        iv.overall = card.overall_notes || "";
        return iv;
      });
      state.interviewers = [...kept, ...added];
      state.active = kept.length;
      renderAll();
    }
  }
  const n = accepted.length;
  if (problems.length) {
    say(n ? `Импортировано листов: ${n}. Не импортированы:` : "Ни один лист не импортирован:", "error", problems);
  } else if (n) {
    say(`Импортировано листов: ${n}.`);
  } else {
    say("В файлах нет оценочных листов.", "error");
  }
  return n;
}

// ------------------------------------------------------------------ start

function renderAll() {
  renderSetup();
  renderTabs();
  renderPanel();
  renderResult();
  persist();
}

async function start() {
  const app = document.getElementById("evaluator-app");
  if (!app) return;
  try {
    model = await loadModel(app);
  } catch (e) {
    app.replaceChildren(h("p", { class: "ap-alert ap-alert--bad", text: `Не удалось загрузить модель компетенций (${e.message}). Откройте страницу с сайта, а не как файл.` }));
    return;
  }
  comps = competencyIndex(model);
  state = restore(store.get(STORE_KEY)) || blankState();
  buildShell(app);
  renderAll();
  app.dataset.ready = "true";
}

start();
