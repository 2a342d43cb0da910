/* Account Path: the plan builder page (tools/plan.md). Reads the form «План собеседования»,
   makes the plan with core/planmake.js (the same plan and notes as `accountpath plan`), shows
   the schedule and each interviewer's focus, and offers: plan.yml (byte for byte the CLI's
   file), a printable schedule (one A4 page), each interviewer's printable focused card (at most
   two A4 pages) and the card as YAML and JSON that the evaluator and `accountpath evaluate`
   read. Every text goes into the page through textContent (ui.js h). */

import { h, download, loadModel, competencyIndex, scaleName } from "../ui/ui.js";
import * as pm from "../core/planmake.js";

const app = document.getElementById("planner-app");
const $ = (id) => document.getElementById(id);

const FOCUSED_INSTRUCTION =
  "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. " +
  "На этом листе только ваши компетенции. Задайте вопросы и сравните ответ с ориентирами: слабый, хороший, сильный. " +
  "Ставьте 1–5 или «не оценивалось»; в заметки — факты и цитаты. В конце — рекомендация и ключевые выводы.";

/** What the sheets print beside the questions: model.json `vocab.card_texts` (the Python cards' texts). */
const texts = (model) => (model.vocab && model.vocab.card_texts) || {};

/** The label of a competency's first (situational) question on a level that takes graduates, or "". */
function graduateLabel(model, graduate, cid, qs, k) {
  if (k !== 0 || !graduate.has(cid)) return "";
  return qs.some((q) => q.kind === "behavioral") ? texts(model).graduate_first : texts(model).graduate_lead;
}

function clock(m) {
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

function cardFileName(plan, n, ext) {
  return `${plan.role}-${plan.level}-interviewer-${n}.${ext}`;
}

/** The blank focused card as JSON (render_json's keys: what the evaluator imports). */
export function cardJson(model, plan, person) {
  const data = {
    scorecard: (model.vocab && model.vocab.card_version) || 1,
    role: plan.role,
    level: plan.level,
    candidate: plan.candidate || "",
    interviewer: person.name,
    date: null,
    focus: [...person.focus],
    ratings: Object.fromEntries(person.focus.map((cid) => [cid, null])),
    notes: Object.fromEntries(person.focus.map((cid) => [cid, ""])),
    recommendation: null,
    takeaways: "",
    overall_notes: "",
  };
  if (pm.personOpenQuestions(model, plan, person).length) data.open_note = "";
  return JSON.stringify(data, null, 2) + "\n";
}

/** The blank focused card as fillable YAML with the questions and anchors as comments. */
export function cardYaml(model, plan, person) {
  const comps = competencyIndex(model);
  const { role, level } = pm.resolve(model, plan.role, plan.level);
  const vocab = model.vocab || {};
  const kinds = vocab.question_kind_labels || {};
  const anchors = vocab.anchor_labels || { weak: "Слабый ответ", solid: "Хороший ответ", strong: "Сильный ответ" };
  const c = (text, indent = "") => `${indent}# ${pm.squash(text)}`;
  const lines = [
    "# Account Path: оценочный лист интервьюера",
    c(`${pm.cardTitle(role, level)} (роль ${role.id}, уровень ${level.id})`),
    c(FOCUSED_INSTRUCTION),
    "# Шкала: " + (model.scale || []).map((s) => `${s.level} — ${s.name}`).join("; "),
    "# Заполненный лист передайте ведущему интервью — он загрузит его в онлайн-оценщик.",
    `scorecard: ${vocab.card_version || 1}`,
    `role: ${role.id}`,
    `level: ${level.id}`,
    `candidate: ${pm.yamlScalar(plan.candidate || "")}  # ФИО кандидата`,
    `interviewer: ${pm.yamlScalar(person.name)}  # ваше имя`,
    "date: null  # ГГГГ-ММ-ДД",
    `focus: [${person.focus.join(", ")}]  # компетенции этого листа; не меняйте`,
    "ratings:  # целое 1..5 или null, если компетенцию не оценивали",
  ];
  const { placed, graduate } = pm.sheetQuestions(model, plan, person);
  for (const cid of person.focus) {
    const comp = comps.get(cid);
    const target = level.targets[cid];
    lines.push("");
    lines.push(c(`${comp.name}: цель — ${target} (${scaleName(model, target)})`, "  "));
    const qs = placed.get(cid) || [];
    for (const [k, q] of qs.entries()) {
      const label = graduateLabel(model, graduate, cid, qs, k);
      lines.push(c(`вопрос (${kinds[q.kind] || q.kind}${label ? "; " + label : ""}): ${q.text}`, "  "));
      for (const key of ["weak", "solid", "strong"]) lines.push(c(`${anchors[key].toLowerCase()}: ${q.anchors[key]}`, "    "));
    }
    lines.push(`  ${cid}: null`);
  }
  lines.push("notes:  # факты и цитаты по каждой компетенции");
  for (const cid of person.focus) lines.push(`  ${cid}: ""`);
  const labels = vocab.recommendation_labels || {};
  const codes = (vocab.recommendations || []).map((code) => `${code} — ${labels[code] || code}`).join("; ");
  lines.push(`recommendation: null  # ваша общая рекомендация: ${codes}; нейтральной нет`);
  lines.push('takeaways: ""  # ключевые выводы: что подтвердилось, что под вопросом');
  lines.push('overall_notes: ""  # общее впечатление, сильные стороны, риски');
  const open = pm.personOpenQuestions(model, plan, person);
  if (open.length) {
    lines.push("");
    lines.push(c(`${texts(model).open_block}. ${texts(model).open_note}.`));
    for (const q of open) {
      lines.push(c(`${q.text} (компетенция «${comps.get(q.competency).name}»)`));
      for (const key of ["weak", "solid", "strong"]) lines.push(c(`${anchors[key].toLowerCase()}: ${q.anchors[key]}`, "  "));
    }
    lines.push('open_note: ""  # заметка по ответу; балла за него нет');
  }
  return lines.join("\n") + "\n";
}

function readForm() {
  const minutesText = $("pl-minutes").value.trim();
  const minutes = /^\d+$/.test(minutesText) ? Number(minutesText) : NaN;
  return {
    role: $("pl-role").value,
    level: $("pl-level").value,
    candidate: $("pl-candidate").value || null,
    interviewers: $("pl-interviewers").value.split("\n"),
    minutes,
  };
}

function fillLevels(model) {
  const role = model.roles.find((r) => r.id === $("pl-role").value) || model.roles[0];
  const select = $("pl-level");
  const keep = select.value;
  select.replaceChildren(...role.levels.map((lv) => h("option", { value: lv.id, text: lv.name })));
  if (role.levels.some((lv) => lv.id === keep)) select.value = keep;
}

function showNotes(items, kind = "warn") {
  const box = $("pl-notes");
  box.replaceChildren(...items.map((text) => h("p", { class: kind === "error" ? "ap-alert ap-alert--error" : "ap-alert", text })));
}

function schedule(model, plan) {
  const { role, level } = pm.resolve(model, plan.role, plan.level);
  const comps = competencyIndex(model);
  const kinds = (model.vocab && model.vocab.question_kind_labels) || {};
  const dense = plan.interviewers.reduce((n, p) => n + p.questions.length, 0) > 26;
  const people = plan.interviewers.map((person) => {
    const placed = pm.placement(model, person);
    const rows = pm.timeSlots(model, plan, person).map(([start, end, cid]) => {
      const open = cid === pm.OPEN_SLOT;
      const label = cid === null ? (start === 0 ? "Знакомство, как пройдёт интервью" : "Вопросы кандидата, следующие шаги") : open ? texts(model).open_block : comps.get(cid).name;
      const qs = cid === null ? [] : open ? pm.personOpenQuestions(model, plan, person) : placed.get(cid) || [];
      return h(
        "tr",
        {},
        h("td", { class: "ap-plan__time", text: `${clock(start)}–${clock(end)}` }),
        h("td", {}, h("strong", { text: label }), qs.length ? h("ul", {}, qs.map((q) => h("li", {}, h("em", { text: `${kinds[q.kind] || q.kind}. ` }), q.text))) : null),
      );
    });
    return h("div", { class: "ap-plan__person" }, h("h3", { text: person.name }), h("table", { class: "ap-plan__table" }, h("tbody", {}, rows)));
  });
  return h(
    "div",
    { class: dense ? "ap-plan ap-plan--dense" : "ap-plan" },
    h("h2", { text: `Расписание интервью: ${pm.cardTitle(role, level)}` }),
    h("p", { class: "ap-plan__meta", text: `Кандидат: ${plan.candidate ? pm.squash(plan.candidate) : "—"} · ${plan.minutes} мин у каждого интервьюера · вопросы по цели уровня` }),
    h("div", { class: "ap-plan__people" }, people),
  );
}

function sheet(model, plan, person) {
  const { role, level } = pm.resolve(model, plan.role, plan.level);
  const comps = competencyIndex(model);
  const vocab = model.vocab || {};
  const kinds = vocab.question_kind_labels || {};
  const anchors = vocab.anchor_labels || {};
  const { placed, graduate } = pm.sheetQuestions(model, plan, person);
  const box = (label) => h("span", { class: "ap-sheet__box" }, "☐ " + label);
  const question = (q, label) =>
    h(
      "div",
      { class: "ap-sheet__q" },
      h("p", {}, h("strong", { text: `${kinds[q.kind] || q.kind}. ` }), q.text, label ? h("em", { text: ` (${label})` }) : null),
      h("div", { class: "ap-sheet__anchors" }, ["weak", "solid", "strong"].map((k) => h("p", {}, h("em", { text: `${anchors[k] || k}: ` }), q.anchors[k]))),
    );
  const blocks = person.focus.map((cid) => {
    const comp = comps.get(cid);
    const rc = role.competencies.find((x) => x.id === cid);
    const target = level.targets[cid];
    return h(
      "section",
      { class: "ap-sheet__comp" },
      h("h3", {}, comp.name, h("span", { class: "ap-sheet__meta", text: ` · вес ${rc.weight}${rc.must_have ? ", обязательная" : ""} · цель ${target} — ${scaleName(model, target)}` })),
      h("p", { class: "ap-sheet__at", text: `На цели: ${(comp.levels[String(target)] || []).join(" ")}` }),
      (placed.get(cid) || []).map((q, k, qs) => question(q, graduateLabel(model, graduate, cid, qs, k))),
      h("p", { class: "ap-sheet__rate" }, "Оценка: ", [1, 2, 3, 4, 5].map((n) => box(String(n))), box("не оценивалось")),
      h("div", { class: "ap-sheet__notes", text: "Заметки:" }),
    );
  });
  const labels = vocab.recommendation_labels || {};
  return h(
    "div",
    { class: "ap-sheet" },
    h("h2", { text: `Оценочный лист: ${pm.cardTitle(role, level)}` }),
    h("p", { class: "ap-sheet__head", text: `Кандидат: ${plan.candidate ? pm.squash(plan.candidate) : "________________"} · Интервьюер: ${person.name} · Дата: ________` }),
    h("p", { class: "ap-sheet__hint", text: FOCUSED_INSTRUCTION }),
    h("p", { class: "ap-sheet__hint", text: "Шкала: " + (model.scale || []).map((s) => `${s.level} — ${s.name}`).join("; ") }),
    blocks,
    h("p", { class: "ap-sheet__rate" }, "Рекомендация: ", (vocab.recommendations || []).map((code) => box(labels[code] || code))),
    h("div", { class: "ap-sheet__notes", text: "Ключевые выводы:" }),
    openBlock(model, plan, person, question),
  );
}

/** The sheet's last block: the open questions, a note and no rating (only where the card has them). */
function openBlock(model, plan, person, question) {
  const open = pm.personOpenQuestions(model, plan, person);
  if (!open.length) return null;
  const comps = competencyIndex(model);
  return h(
    "section",
    { class: "ap-sheet__comp ap-sheet__open", "data-testid": "pl-open-block" },
    h("h3", { text: texts(model).open_block }),
    h("p", { class: "ap-sheet__hint", text: `${texts(model).open_note}.` }),
    open.map((q) => question(q, `компетенция «${comps.get(q.competency).name}»`)),
    h("div", { class: "ap-sheet__notes", text: "Заметка:" }),
  );
}

function printTarget(target) {
  document.body.setAttribute("data-ap-print", target);
  window.print();
}

function cards(model, plan) {
  const comps = competencyIndex(model);
  return [
    h("h2", { class: "ap-noprint", text: "Листы интервьюеров" }),
    ...plan.interviewers.map((person, i) => {
      const n = i + 1;
      return h(
        "article",
        { class: "ap-card ap-plan-card", "data-card": String(n) },
        h(
          "div",
          { class: "ap-noprint" },
          h("h3", { text: `${n}. ${person.name}` }),
          h("p", { class: "ap-hint", text: "Фокус: " + person.focus.map((cid) => comps.get(cid).name).join(", ") }),
          h(
            "div",
            { class: "ap-actions" },
            h("button", { type: "button", class: "md-button ap-button", "data-testid": `pl-print-card-${n}`, onclick: () => printTarget(`card-${n}`), text: "Печать листа" }),
            h("button", { type: "button", class: "md-button ap-button", "data-testid": `pl-card-yaml-${n}`, onclick: () => download(cardFileName(plan, n, "yml"), cardYaml(model, plan, person), "application/yaml"), text: "Лист с пояснениями для заполнения" }),
            h("button", { type: "button", class: "md-button ap-button", "data-testid": `pl-card-json-${n}`, onclick: () => download(cardFileName(plan, n, "json"), cardJson(model, plan, person)), text: "Лист для оценщика" }),
          ),
        ),
        sheet(model, plan, person),
      );
    }),
  ];
}

let current = null;

function update(model) {
  const form = readForm();
  if (!Number.isInteger(form.minutes) || form.minutes < pm.MIN_MINUTES || form.minutes > pm.MAX_MINUTES) {
    current = null;
    showNotes([`Минут на интервью: нужно целое число от ${pm.MIN_MINUTES} до ${pm.MAX_MINUTES}.`], "error");
    $("pl-download").disabled = true;
    return;
  }
  try {
    const { plan, notes } = pm.makePlan(model, form.role, form.level, form.interviewers, form.candidate, form.minutes);
    current = { plan, notes };
    showNotes(notes.map((note) => `Внимание: ${note}`));
    $("pl-schedule").replaceChildren(schedule(model, plan));
    $("pl-cards").replaceChildren(...cards(model, plan));
    $("pl-download").disabled = false;
  } catch (err) {
    if (!(err instanceof pm.PlanError)) throw err;
    current = null;
    showNotes([err.message.replace(" (--interviewer ИМЯ)", ": впишите имена в поле «Интервьюеры», по одному на строку")], "error");
    $("pl-schedule").replaceChildren();
    $("pl-cards").replaceChildren();
    $("pl-download").disabled = true;
  }
}

/* The level's panel as defaults (pm.panelSize: the junior's two interviewers at 45 minutes): the minutes and
   the example names follow the chosen level until the user edits that field. */
const edited = new Set();
let exampleNames = [];

/* «Кого позвать интервьюерами ◇: 1 — …; 2 — …» from the level's interview.panel (tool_plan.panel_hint), or "". */
function panelHint(level) {
  const seats = (level.interview && level.interview.panel) || [];
  return seats.length ? "Кого позвать интервьюерами ◇: " + seats.map((seat, k) => `${k + 1} — ${seat}`).join("; ") : "";
}

function levelDefaults(model) {
  const role = model.roles.find((r) => r.id === $("pl-role").value);
  const level = role && role.levels.find((lv) => lv.id === $("pl-level").value);
  if (!level) return;
  $("pl-panel-hint").textContent = panelHint(level);
  const [count, minutes] = pm.panelSize(role, level);
  if (!edited.has("pl-minutes")) $("pl-minutes").value = String(minutes);
  if (!edited.has("pl-interviewers")) {
    const names = Array.from({ length: count }, (_x, k) => exampleNames[k] || `Интервьюер ${k + 1}`);
    $("pl-interviewers").value = names.join("\n");
  }
}

async function start() {
  if (!app) return;
  const model = await loadModel(app);
  exampleNames = $("pl-interviewers").value.split("\n").filter((n) => n.trim());
  fillLevels(model);
  levelDefaults(model);
  $("pl-role").addEventListener("change", () => {
    fillLevels(model);
    levelDefaults(model);
    update(model);
  });
  for (const id of ["pl-minutes", "pl-interviewers"]) $(id).addEventListener("input", () => edited.add(id));
  $("pl-level").addEventListener("input", () => levelDefaults(model));
  for (const id of ["pl-level", "pl-candidate", "pl-interviewers", "pl-minutes"]) $(id).addEventListener("input", () => update(model));
  $("pl-download").addEventListener("click", () => {
    if (current) download("plan.yml", pm.planYaml(model, current.plan, current.notes), "application/yaml");
  });
  $("pl-print-schedule").addEventListener("click", () => printTarget("schedule"));
  window.addEventListener("afterprint", () => document.body.removeAttribute("data-ap-print"));
  update(model);
  app.dataset.ready = "true";
}

start().catch((err) => showNotes([`Не удалось загрузить модель: ${err.message}`], "error"));
