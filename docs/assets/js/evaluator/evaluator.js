/* Account Path: the interview evaluator page (tools/evaluator.md).
   Import sits at the top: scorecards (JSON, YAML, xlsx card, round workbook) and the
   interview plan. Every interviewer rates in their own tab; until they mark their card
   done, the other tabs and the panel result stay hidden («показать всё» is there for the
   debrief chair). The panel result is computed in the browser by evaluate.js + debrief.js,
   the same method and JSON as `accountpath evaluate`. Export: one zip with every card the
   CLI reads plus the result, one card, or the result alone.
   Privacy: nothing is sent anywhere; localStorage is used only after "save on this device". */

import { debrief } from "../core/debrief.js";
import { competencyBlocks, NOT_ASSESSED, overallBlock } from "./ev-form.js";
import { exportAll, exportCard, exportResult } from "./ev-export.js";
import { fileSources, groupsOf, problemLine, readSources } from "./ev-import.js";
import { renderResult } from "./ev-result.js";
import { applyPlan, blankState, cardsOf, freshInterviewer, hasInput, restore, snapshot } from "./ev-state.js";
import { findLevel, findRole } from "../core/evaluate.js";
import { identity, nameKey, squashSpaces } from "../core/names.js";
import { competencyIndex, h, loadModel, num, percent, store, tabKeys, textareaClass } from "../ui/ui.js";
import { buildShell } from "./ev-shell.js";

const STORE_KEY = "accountpath:evaluator";

let model = null;
let comps = new Map();
let state = null;
let ui = {};
let version = 0;
let lastStatus = "";

const role = () => findRole(model, state.role);
const level = () => findLevel(role(), state.level);
const active = () => state.interviewers[state.active];
/** Hidden unless the chair opened everything (a chair code or a second confirmation): while a
    card waits for the next interviewer (hand-over) or any card is not done yet. Imported filled
    cards (all done) are the chair's own import. */
const locked = () => !state.showAll && (state.handover || state.interviewers.some((iv) => !iv.done));
const allIndices = () => state.interviewers.map((_, i) => i);
const compName = (cid) => (comps.get(cid) || { name: cid }).name;

function persist() {
  if (state.save && !store.set(STORE_KEY, snapshot(state))) {
    say("Браузер не дал сохранить данные на этом устройстве (хранилище отключено или переполнено).", "error");
  }
}

function changed({ tabs = true } = {}) {
  if (tabs) renderTabs();
  renderVisibility();
  renderResultNow();
  persist();
}

function say(text, kind = "info", details = []) {
  ui.messages.replaceChildren(
    h("p", { class: `ap-msg ap-msg--${kind}`, text }),
    details.length ? h("ul", { class: "ap-msg__list" }, details.map((d) => h("li", { text: d }))) : "");
}

// ------------------------------------------------------------------ setup, tabs, the form

function renderSetup() {
  ui.role.value = state.role;
  const r = role();
  ui.level.replaceChildren(...r.levels.map((lv) => h("option", { value: lv.id, text: lv.name || lv.id })));
  ui.level.value = state.level;
  ui.candidate.value = state.candidate;
  ui.date.value = state.date;
  ui.save.checked = state.save;
  ui.showAll.checked = state.showAll;
  ui.chairCode.value = state.chairCode || "";
  ui.chairCode.disabled = state.interviewers.some((iv) => iv.done) && !!state.chairCode && !state.showAll;
  const must = r.competencies.filter((rc) => rc.must_have).length;
  ui.levelInfo.textContent = `Компетенций у роли: ${r.competencies.length}, из них обязательных: ${must}. `
    + `Поставьте каждой оценку от 1 до 5 по наблюдаемому поведению или отметьте «${model.vocab.not_assessed}».`;
}

function tabLabel(iv, i) {
  const r = role();
  const rated = r.competencies.filter((rc) => iv.ratings[rc.id] !== undefined && iv.ratings[rc.id] !== null).length;
  return `${squashSpaces(iv.name) || `Интервьюер ${i + 1}`} · ${rated}/${r.competencies.length}${iv.done ? " ✓" : ""}`;
}

function renderTabs() {
  const hide = locked();
  ui.tablist.replaceChildren(...state.interviewers.map((iv, i) => {
    const selected = i === state.active;
    return h("button", {
      type: "button", role: "tab", id: `ev-tab-${iv.id}`, "aria-selected": selected ? "true" : "false",
      "aria-controls": "ev-panel", tabindex: selected ? "0" : "-1", class: "ap-tab", "data-testid": `ev-tab-${i}`,
      hidden: hide && !selected, text: tabLabel(iv, i), onclick: () => selectTab(i, false),
    });
  }));
}

function selectTab(i, focus) {
  state.active = i;
  renderTabs();
  renderPanel();
  changed({ tabs: false });
  if (focus) ui.tablist.querySelectorAll('[role="tab"]')[i].focus();
}

function doneBar(iv) {
  const bar = h("div", { class: "ap-donebar", id: "ev-donebar" });
  if (iv.done) {
    bar.append(h("p", { class: "ap-hint", text: "Лист отмечен готовым." }),
      h("button", { type: "button", id: "ev-undone", class: "md-button ap-button", text: "Вернуть лист в работу", onclick: () => setDone(false) }));
  } else {
    bar.append(h("p", { class: "ap-hint", text: "Оценивайте самостоятельно. Закончив, нажмите «Мой лист готов»: лист спрячется, и устройство можно передать следующему интервьюеру." }),
      h("button", { type: "button", id: "ev-done", class: "md-button md-button--primary ap-button", text: "Мой лист готов", onclick: () => setDone(true) }));
  }
  return bar;
}

function renderPanel() {
  const iv = active();
  ui.panel.setAttribute("aria-labelledby", `ev-tab-${iv.id}`);
  const name = h("input", { id: "ev-interviewer", type: "text", autocomplete: "off", value: iv.name });
  name.addEventListener("input", () => { iv.name = name.value; changed(); });
  const remove = state.interviewers.length > 1
    ? h("button", { type: "button", id: "ev-remove-interviewer", class: "md-button ap-button ap-button--quiet", text: "Удалить этого интервьюера", onclick: onRemove })
    : null;
  const exportOne = h("button", { type: "button", id: "ev-export-card", class: "md-button ap-button", text: "Скачать лист этого интервьюера (файл для оценщика)", onclick: () => exportCard(exportContext(), state.active) });
  const form = h("div", { class: "ap-comps" }, competencyBlocks(model, comps, role(), level(), iv));
  form.addEventListener("change", onRatingChange);
  form.addEventListener("input", onNotesInput);
  const overall = overallBlock(model, iv);
  overall.addEventListener("change", (e) => { if (e.target.name === "ev-recommendation") { iv.recommendation = e.target.value; changed({ tabs: false }); } });
  overall.addEventListener("input", (e) => {
    if (e.target.id === "ev-takeaways") iv.takeaways = e.target.value;
    else if (e.target.id === "ev-overall") iv.overall = e.target.value;
    else return;
    changed({ tabs: false });
  });
  const focusNote = iv.focus.length
    ? h("p", { class: "ap-hint", id: "ev-focus", text: `По плану ваш фокус: ${iv.focus.map(compName).join(", ")}. Вопросы и ориентиры ответа — рядом с оценкой.` })
    : null;
  const parts = [
    h("div", { class: "ap-grid" }, h("label", { class: "ap-field" }, h("span", { text: "Имя интервьюера" }), name)),
    focusNote, form, overall, doneBar(iv),
    h("div", { class: "ap-actions" }, exportOne, remove)];
  ui.panel.replaceChildren(...parts.filter(Boolean));
}

function setDone(done) {
  active().done = done;
  state.handover = done && !state.showAll;
  renderPanel();
  changed();
  if (done && state.handover) say(`Лист «${squashSpaces(active().name)}» готов и спрятан. Передайте устройство следующему интервьюеру.`);
  else if (done) say(`Лист «${squashSpaces(active().name)}» готов.`);
}

/** The next interviewer starts: the first card not done yet (from a plan), else a new one. */
function onNext() {
  state.handover = false;
  const open = state.interviewers.findIndex((iv) => !iv.done);
  if (open >= 0) {
    state.active = open;
    renderAll();
  } else {
    onAdd();
  }
  say("Новый лист: оценивайте самостоятельно, листы коллег скрыты.");
}

/** The chair's deliberate step: the chair code set at the start, or a second confirmation. */
function chairBox() {
  const box = h("div", { class: "ap-card ap-chair ap-noprint", id: "ev-chair-box", role: "group", "aria-label": "Открыть всё для ведущего дебрифа" });
  const cancel = h("button", { type: "button", class: "md-button ap-button ap-button--quiet", id: "ev-chair-cancel", text: "Отмена", onclick: () => { box.remove(); ui.showAll.checked = false; } });
  if (state.chairCode) {
    const code = h("input", { id: "ev-chair-code-check", type: "password", autocomplete: "off" });
    const open = () => {
      if (code.value === state.chairCode) { box.remove(); openAll(); }
      else say("Код ведущего не подошёл: итог и листы коллег остаются скрыты.", "error");
    };
    code.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    box.append(h("label", { class: "ap-field", for: "ev-chair-code-check" }, h("span", { text: "Код ведущего дебрифа" })), code,
      h("div", { class: "ap-actions" }, h("button", { type: "button", class: "md-button md-button--primary ap-button", id: "ev-chair-open", text: "Открыть итог и все листы", onclick: open }), cancel));
  } else {
    box.append(h("p", { text: "Итог панели и листы всех интервьюеров станут видны на этом экране. Продолжайте, только если вы ведущий дебрифа и все листы сданы." }),
      h("div", { class: "ap-actions" }, h("button", { type: "button", class: "md-button md-button--primary ap-button", id: "ev-chair-confirm", text: "Да, я ведущий: показать всё", onclick: () => { box.remove(); openAll(); } }), cancel));
  }
  return box;
}

function askChair() {
  const old = document.getElementById("ev-chair-box");
  if (old) old.remove();
  const box = chairBox();
  ui.handover.after(box);
  const first = box.querySelector("input, button");
  if (first) first.focus();
}

function openAll() {
  state.showAll = true;
  state.handover = false;
  ui.showAll.checked = true;
  renderAll();
  say("Открыто для ведущего дебрифа: итог панели и листы всех интервьюеров.");
}

function onRatingChange(event) {
  const input = event.target;
  if (input.type !== "radio" || !input.name.startsWith("rating-")) return;
  active().ratings[input.name.slice("rating-".length)] = input.value === NOT_ASSESSED ? null : Number(input.value);
  changed();
}

function onNotesInput(event) {
  const input = event.target;
  if (input.tagName !== "TEXTAREA" || !input.dataset.competency) return;
  input.className = textareaClass("ap-notes", input.value);
  if (input.value.trim()) active().notes[input.dataset.competency] = input.value;
  else delete active().notes[input.dataset.competency];
  changed({ tabs: false });
}

// ------------------------------------------------------------------ the panel result

function renderVisibility() {
  const hide = locked();
  const away = state.handover && !state.showAll;
  ui.handover.hidden = !away;
  ui.tablist.closest(".ap-tabbar").hidden = away;
  ui.panel.hidden = away;
  ui.handoverName.textContent = away ? squashSpaces(active().name) || `Интервьюер ${state.active + 1}` : "";
  ui.result.hidden = hide;
  ui.live.hidden = hide;
  ui.exportAll.hidden = hide;
  ui.hiddenNote.hidden = !hide;
  ui.app.dataset.locked = String(hide);
}

function renderResultNow() {
  if (locked()) return null;
  const cards = cardsOf(model, state, allIndices());
  const result = debrief(model, state.role, state.level, cards, state.others);
  version += 1;
  ui.result.dataset.recommendation = result.recommendation;
  ui.result.dataset.version = String(version);
  const label = renderResult(ui, {
    model, role: role(), level: level(), result, cards, date: state.date, compName,
    who: squashSpaces(state.candidate) || "кандидат не указан",
    levelName: (id) => (findLevel(role(), id) || { name: id }).name || id,
  });
  ui.liveVerdict.className = `ap-verdict ap-verdict--small ap-verdict--${result.recommendation}`;
  ui.liveVerdict.textContent = label;
  ui.liveFacts.textContent = `в среднем от цели ${num(result.gap, { signed: true })} · оценено ${percent(result.coverage)} веса роли`;
  if (`Итог: ${label}` !== lastStatus) ui.status.textContent = lastStatus = `Итог: ${label}`;
  return result;
}

// ------------------------------------------------------------------ events

function onRole() {
  state.role = ui.role.value;
  state.level = role().levels[0].id;
  renderAll();
}

function onLevel() {
  state.level = ui.level.value;
  renderAll();
}

function onAdd() {
  const taken = new Set(state.interviewers.map((iv) => nameKey(iv.name)));
  let n = state.interviewers.length + 1;
  while (taken.has(nameKey(`Интервьюер ${n}`))) n += 1;
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
  const iv = active();
  if (hasInput(iv) && !window.confirm(`Удалить оценки интервьюера «${squashSpaces(iv.name) || "без имени"}»?`)) return;
  state.interviewers.splice(state.active, 1);
  state.active = Math.max(0, state.active - 1);
  renderAll();
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

function onShowAll() {
  if (ui.showAll.checked && !state.showAll) {
    ui.showAll.checked = false;  // a deliberate step first: the chair code or a second confirmation
    askChair();
    return;
  }
  state.showAll = ui.showAll.checked;
  renderTabs();
  changed({ tabs: false });
}

function onChairCode() {
  state.chairCode = ui.chairCode.value;
  persist();
}

function onClear() {
  if (!window.confirm("Удалить всех интервьюеров, оценки и заметки из оценщика и с этого устройства?")) return;
  store.remove(STORE_KEY);
  state = blankState(model);
  ui.file.value = "";
  ui.paste.value = "";
  renderAll();
  say("Всё очищено: на этом устройстве ничего не сохранено.");
  ui.role.focus();
}

function exportContext() {
  return { model, state, say, all: allIndices };
}

// ------------------------------------------------------------------ import

async function onFiles() {
  const files = Array.from(ui.file.files || []);
  if (!files.length) return;
  await importSources(await fileSources(files, model.read_limits.max_bytes));
  ui.file.value = "";
}

async function onPaste() {
  if (!ui.paste.value.trim()) return say("Вставьте текст оценочного листа или плана в поле импорта.", "error");
  if (await importSources([{ label: "вставленный текст", text: ui.paste.value }])) ui.paste.value = "";
  return null;
}

function chooseCandidate(groups, problems) {
  ui.chooser.replaceChildren(
    h("p", { text: `В книге раунда ${groups.length} кандидатов. Выберите, чью панель свести:` }),
    h("div", { class: "ap-actions" }, groups.map((g, k) => h("button", {
      type: "button", class: "md-button ap-button", "data-testid": `ev-candidate-${k}`,
      text: `${g[0].card.candidate} (интервьюеров: ${g.length})`,
      onclick: () => {
        ui.chooser.replaceChildren();
        state.others = groups.filter((x) => x !== g).map((x) => x[0].card.candidate);
        acceptCards(g, problems, true);
      },
    }))));
  ui.chooser.hidden = false;
  say("Книга раунда прочитана. Выберите кандидата.", problems.length ? "error" : "info", problems);
}

/** Put checked cards into the panel (same role, level, candidate; one card per interviewer). */
function acceptCards(valid, problems, replace) {
  ui.chooser.hidden = true;
  const blank = replace || !state.interviewers.some(hasInput);
  const first = valid[0].card;
  // the level most of the candidate's cards give (Python: rounds._level_of): one card at another
  // level is that card's problem, not a reason to refuse the rest
  const counts = new Map();
  valid.filter(({ card }) => card.role === first.role).forEach(({ card }) => counts.set(card.level, (counts.get(card.level) || 0) + 1));
  const usual = [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best), [first.level, 0])[0];
  const ctx = blank ? { role: first.role, level: usual, candidate: first.candidate, candidate_id: first.candidate_id }
    : { role: state.role, level: state.level, candidate: squashSpaces(state.candidate) || first.candidate };
  const kept = blank ? [] : state.interviewers.filter(hasInput);
  const names = new Set(kept.map((iv) => nameKey(iv.name)));
  const accepted = [];
  for (const { where, card } of valid) {
    const bad = [];
    if (card.role !== ctx.role) bad.push(`роль «${card.role}», а в оценщике — «${ctx.role}»`);
    else if (card.level !== ctx.level) bad.push(`уровень «${card.level}», а у остальных листов кандидата — «${ctx.level}»: лист не учтён`);
    if (identity(card.candidate, card.candidate_id && ctx.candidate_id ? card.candidate_id : null)
      !== identity(ctx.candidate, card.candidate_id && ctx.candidate_id ? ctx.candidate_id : null)) bad.push(`кандидат «${card.candidate}», а в оценщике — «${ctx.candidate}»`);
    if (names.has(nameKey(card.interviewer))) bad.push(`интервьюер «${card.interviewer}» уже есть в панели: один лист на интервьюера`);
    if (bad.length) bad.forEach((p) => problems.push(`${where}: ${p}`));
    else {
      names.add(nameKey(card.interviewer));
      accepted.push(card);
    }
  }
  if (accepted.length) {
    Object.assign(state, { role: ctx.role, level: ctx.level, candidate: blank ? ctx.candidate : state.candidate || ctx.candidate });
    if (!state.date && accepted[0].date) state.date = accepted[0].date;
    if (blank && !replace) state.others = [];
    const added = accepted.map((card) => freshInterviewer(card.interviewer, {
      ratings: { ...card.ratings }, notes: { ...card.notes }, overall: card.overall_notes || "",
      recommendation: card.recommendation, takeaways: card.takeaways || "", focus: card.focus.slice(), done: true,
    }));
    state.interviewers = [...kept, ...added];
    state.active = kept.length;
    renderAll();
  }
  const n = accepted.length;
  if (problems.length) say(n ? `Импортировано листов: ${n}. Не импортированы:` : "Ни один лист не импортирован:", "error", problems);
  else say(n ? `Импортировано листов: ${n}.` : "В файлах нет оценочных листов.", n ? "info" : "error");
  return n;
}

/** Import sources; returns the number of cards taken (a plan counts as 1). Never throws;
    the app's data-imports counts finished imports (for tests and assistive tooling). */
async function importSources(sources) {
  say("Читаю файлы…");
  try {
    return await importRead(await readSources(model, sources));
  } catch (e) {
    say("Ни один лист не импортирован:", "error", sources.map((src) => problemLine(model, { file: src.label, line: 0, col: 0, code: "read.failed", params: {} })));
    return 0;
  } finally {
    ui.app.dataset.imports = String(Number(ui.app.dataset.imports || 0) + 1);
  }
}

async function importRead(got) {
  if (got.plan) {
    applyPlan(state, got.plan);
    renderAll();
    const names = got.plan.interviewers.map((p) => p.name).join(", ");
    say(`План собеседования загружен: ${names}. Каждый оценивает в своей вкладке.`, got.problems.length ? "error" : "info", got.problems);
    return 1;
  }
  if (!got.cards.length) {
    say(got.problems.length ? "Ни один лист не импортирован:" : "В файлах нет оценочных листов.", "error", got.problems);
    return 0;
  }
  const groups = groupsOf(got.cards);
  if (got.round && groups.length > 1) {
    chooseCandidate(groups, got.problems);
    return got.cards.length;
  }
  return acceptCards(got.cards, got.problems, got.round);
}

// ------------------------------------------------------------------ start

function renderAll() {
  renderSetup();
  renderTabs();
  renderPanel();
  renderVisibility();
  renderResultNow();
  persist();
}

async function start() {
  const app = document.getElementById("evaluator-app");
  if (!app) return;
  try {
    model = await loadModel(app);
  } catch (e) {
    app.replaceChildren(h("p", { class: "ap-alert ap-alert--bad", text: `Не удалось загрузить модель компетенций (${e.message}). Откройте страницу с сайта по HTTP, а не как файл.` }));
    return;
  }
  comps = competencyIndex(model);
  state = restore(model, store.get(STORE_KEY)) || blankState(model);
  ui = buildShell(app, {
    onRole, onLevel, onSave, onClear, onShowAll, onAdd, onNext, onAskChair: askChair, onChairCode, onFiles, onPaste, onExportAll: () => exportAll(exportContext()), onExportResult: () => exportResult(exportContext()),
    onCandidate: (v) => { state.candidate = v; changed({ tabs: false }); },
    onDate: (v) => { state.date = v; changed({ tabs: false }); },
  });
  tabKeys(ui.tablist, (i, focus) => {
    const visible = Array.from(ui.tablist.querySelectorAll('[role="tab"]')).filter((t) => !t.hidden).length;
    if (visible > 1) selectTab(i, focus);
  });
  renderAll();
  app.dataset.ready = "true";
}

start();
