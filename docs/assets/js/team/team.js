/* Account Path: the team page (tools/team.md, issue 20). A manager loads the assessment files
   of their people (self-assessments and their own, JSON/YAML/xlsx, or a team workbook) and sees
   the same review as `accountpath team`: readiness by the promotion rule, ИПР, self vs manager,
   coverage and the heat map (core/team.js). The director switch removes every name and id
   from the screen and from every download. Nothing is sent or stored anywhere. */

import { parseText } from "../core/cardread.js";
import { render } from "../core/messages.js";
import { browserView, checkAssessment, director, review, xlsxAssessments } from "../core/team.js";
import { download, h, loadModel } from "../ui/ui.js";

let model = null;
let ui = {};
let loaded = { assessments: [], problems: [] };
let current = null;

const say = (text) => { ui.messages.textContent = text; };
const compName = (id) => (model.competencies.find((c) => c.id === id) || { name: id }).name;
const roleOf = (id) => model.roles.find((r) => r.id === id);
function levelName(roleId, levelId) {
  const role = roleOf(roleId);
  const lv = role ? role.levels.find((l) => l.id === levelId) : null;
  return lv ? lv.name || lv.id : `${roleId}/${levelId}`;
}
const readyText = (v) => (v === null ? "нет данных" : v ? "готов" : "не готов");
const signed = (x) => (x === null ? "—" : x > 0 ? `+${x}` : x < 0 ? `−${-x}` : "0");
const num = (x) => (x === null || x === undefined ? "—" : String(x).replace(".", ","));

function colour(diff) {
  if (diff === null || diff === undefined) return "";
  return diff >= 0 ? "ap-heat--good" : diff >= -1 ? "ap-heat--near" : "ap-heat--bad";
}

function table(id, caption, heads, rows) {
  return h("div", { class: "ap-table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    h("table", { class: "ap-table", id },
      h("caption", { text: caption }),
      h("thead", {}, h("tr", {}, heads.map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, rows)));
}

function peopleTable(result) {
  return table("tm-people", "Сотрудники: готовность и ИПР", ["Сотрудник", "Уровень", "Следующий шаг", "Руководитель", "Самооценка", "Мешает", "ИПР", "Расхождения"],
    result.people.map((p) => h("tr", { "data-ready": String(p.ready) },
      h("th", { scope: "row", text: p.person }),
      h("td", { text: levelName(p.role, p.level) }),
      h("td", { text: p.next ? levelName(p.next.role, p.next.level) : "—" }),
      h("td", { class: "tm-ready", text: readyText(p.ready) }),
      h("td", { text: readyText(p.ready_self) }),
      h("td", { class: "tm-blocking", text: p.blocking.map((b) => `${compName(b.competency)} (${num(b.rating)} при цели ${b.target})`).join("; ") || "—" }),
      h("td", {}, p.idp.length ? h("ul", {}, p.idp.map((i) => h("li", {}, h("strong", { text: `${compName(i.competency)} ${num(i.rating)} → ${i.target}: ` }), i.develop.join(" ")))) : "—"),
      h("td", { text: p.self_vs_manager.map((d) => `${compName(d.competency)}: сам ${d.self}, руководитель ${d.manager}`).join("; ") || "—" }))));
}

function groupsTable(result) {
  return table("tm-groups", "По ролям и уровням (без имён)", ["Роль и уровень", "Человек", "Готовы", "Мешает", "В ИПР", "Расхождений"],
    result.groups.map((g) => h("tr", {},
      h("th", { scope: "row", text: levelName(g.role, g.level) }),
      h("td", { text: String(g.count) }),
      h("td", { text: String(g.ready) }),
      h("td", { text: Object.entries(g.blocking).map(([c, n]) => `${compName(c)} (${n})`).join(", ") || "—" }),
      h("td", { text: Object.entries(g.idp).map(([c, n]) => `${compName(c)} (${n})`).join(", ") || "—" }),
      h("td", { text: String(g.self_vs_manager) }))));
}

function coverageTable(result, withNames) {
  const heads = withNames ? ["Компетенция", "На цели", "Кто", "Риск"] : ["Компетенция", "На цели", "Риск"];
  return table("tm-coverage", "Кто закрывает компетенции", heads,
    result.coverage.map((c) => h("tr", { "data-competency": c.competency, "data-single": String(c.single_point), "data-gap": String(c.gap) },
      h("th", { scope: "row", text: compName(c.competency) }),
      h("td", { text: String(c.at_target) }),
      withNames ? h("td", { text: c.people.join(", ") || "—" }) : null,
      h("td", { text: c.gap ? "никого на цели" : c.single_point ? "держится на одном человеке" : "—" }))));
}

function heatTable(result, dir) {
  const ids = dir ? result.coverage.map((c) => c.competency) : result.heatmap.competencies;
  const rows = dir
    ? result.groups.map((g) => h("tr", {}, h("th", { scope: "row", text: `${levelName(g.role, g.level)} (${g.count})` }),
      ids.map((cid) => {
        const d = g.averages ? g.averages[cid] : null;
        return h("td", { class: colour(d), text: g.averages ? signed(d === null ? null : Number(d.toFixed(2))).replace(".", ",") : "·" });
      })))
    : result.heatmap.rows.map((r) => h("tr", {}, h("th", { scope: "row", text: r.person }),
      r.cells.map((c) => h("td", { class: colour(c.diff), "data-diff": c.diff === null ? "" : String(c.diff), text: c.rating === null ? "—" : `${c.rating} (${signed(c.diff)})` }))));
  return table("tm-heat", dir ? "Тепловая карта: средняя разница с целью (группы от 4 человек)" : "Тепловая карта: оценка минус цель своего уровня",
    ["", ...ids.map(compName)], rows);
}

function view() {
  if (!current) return null;
  return ui.director.checked ? director(current) : current;
}

function renderResult() {
  const result = view();
  ui.result.dataset.audience = ui.director.checked ? "director" : "manager";
  if (!result) {
    ui.result.replaceChildren(h("p", { class: "ap-hint", text: "Загрузите файлы оценок: обзор появится здесь." }));
    return;
  }
  const dir = result.audience === "director";
  const warnings = result.warnings.map((w) => render(model.messages, w.code, w.params));
  const problems = dir ? (loaded.problems.length ? [`файлов с ошибками: ${loaded.problems.length}`] : []) : loaded.problems;
  ui.result.replaceChildren(...[
    h("h2", { text: dir ? "Команда без имён" : "Команда" }),
    problems.length ? h("div", { class: "ap-alert ap-alert--bad", id: "tm-problems" }, h("ul", {}, problems.map((p) => h("li", { text: p })))) : null,
    dir ? groupsTable(result) : peopleTable(result),
    coverageTable(result, !dir),
    heatTable(result, dir),
    warnings.length ? h("div", { class: "ap-alert ap-alert--warn", id: "tm-warnings" }, h("ul", {}, warnings.map((t) => h("li", { text: t })))) : null,
  ].filter(Boolean));
}

async function readFile(file) {
  if (file.name.toLowerCase().endsWith(".xlsx")) {
    return xlsxAssessments(model, file.name, await file.arrayBuffer());
  }
  const parsed = await parseText(await file.text());
  // a file that does not read (syntax, a tag, an alias, two documents...): FILE:LINE:COL as the CLI says it
  if (parsed.problems) return { items: [], problems: parsed.problems.map((p) => `${file.name}:${p.at[0]}:${p.at[1]}: ${render(model.messages, p.code, p.params)}`) };
  const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return { items: list.map((data) => ({ where: file.name, data })), problems: [] };
}

async function onFiles() {
  const files = [...ui.files.files];
  const found = [];
  const problems = [];
  for (const file of files) {
    const { items, problems: trouble } = await readFile(file);
    problems.push(...trouble);
    for (const item of items) {
      const checked = checkAssessment(model, item.data, item.where);
      if (checked.problems) {
        for (const p of checked.problems) problems.push(`${item.where}${p.path.length ? ` (${p.path.join(".")})` : ""}: ${render(model.messages, p.code, p.params)}`);
      } else found.push(checked.assessment);
    }
  }
  loaded = { assessments: [...loaded.assessments, ...found], problems };
  const { result, problems: teamProblems } = review(model, loaded.assessments);
  for (const p of teamProblems) problems.push(`${p.source}: ${render(model.messages, p.code, p.params)}`);
  current = result;
  renderResult();
  ui.files.value = "";
  // each refusal as the CLI prints it (FILE:LINE:COL or FILE:Sheet!Cell, then the sentence)
  say(`Прочитано оценок: ${found.length}${problems.length ? `, с ошибками: ${problems.length}. ${problems.join("; ")}` : "."}`);
  ui.app.dataset.count = String(loaded.assessments.length);
}

function markdown(result) {
  const dir = result.audience === "director";
  const lines = [`# ${dir ? "Команда без имён" : "Команда"}`, ""];
  if (dir) {
    for (const g of result.groups) {
      lines.push(`## ${levelName(g.role, g.level)}: ${g.count}`, "", `- готовы к следующему шагу: ${g.ready}`);
      lines.push(`- мешает: ${Object.entries(g.blocking).map(([c, n]) => `${compName(c)} (${n})`).join(", ") || "—"}`, "");
    }
  } else {
    for (const p of result.people) {
      lines.push(`## ${p.person} — ${levelName(p.role, p.level)}`, "", `- по оценке руководителя: ${readyText(p.ready)}; по самооценке: ${readyText(p.ready_self)}`);
      if (p.blocking.length) lines.push(`- мешает: ${p.blocking.map((b) => `${compName(b.competency)} (${num(b.rating)} при цели ${b.target})`).join("; ")}`);
      for (const i of p.idp) lines.push(`- ИПР: ${compName(i.competency)} (${num(i.rating)} → ${i.target}): ${i.develop.join(" ")}`);
      lines.push("");
    }
  }
  lines.push("## Кто закрывает компетенции", "");
  for (const c of result.coverage) {
    const who = !dir && c.people.length ? ` (${c.people.join(", ")})` : "";
    lines.push(`- ${compName(c.competency)}: на цели ${c.at_target}${who}${c.gap ? " — никого на цели" : c.single_point ? " — держится на одном человеке" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

function onDownload(kind) {
  const result = view();
  if (!result) {
    say("Сначала загрузите файлы оценок.");
    return;
  }
  const suffix = result.audience === "director" ? "-director" : "";
  if (kind === "json") {
    const data = { audience: result.audience, ...browserView(result), managers: result.managers, warnings: result.warnings };
    download(`team-review${suffix}.json`, `${JSON.stringify(data, null, 2)}\n`);
  } else {
    download(`team-review${suffix}.md`, markdown(result), "text/markdown");
  }
  say("Файл сохранён.");
}

function onClear() {
  loaded = { assessments: [], problems: [] };
  current = null;
  ui.files.value = "";
  renderResult();
  ui.app.dataset.count = "0";
  say("Всё очищено.");
}

async function start() {
  const app = document.getElementById("team-app");
  if (!app) return;
  try {
    model = await loadModel(app);
  } catch (e) {
    app.replaceChildren(h("p", { class: "ap-alert ap-alert--bad", text: `Не удалось загрузить модель компетенций (${e.message}).` }));
    return;
  }
  const $ = (id) => app.querySelector(`#${id}`);
  ui = { app, files: $("tm-files"), director: $("tm-director"), result: $("tm-result"), messages: $("tm-messages") };
  ui.files.addEventListener("change", onFiles);
  ui.director.addEventListener("change", renderResult);
  $("tm-clear").addEventListener("click", onClear);
  $("tm-json").addEventListener("click", () => onDownload("json"));
  $("tm-md").addEventListener("click", () => onDownload("md"));
  renderResult();
  app.dataset.ready = "true";
}

start();
