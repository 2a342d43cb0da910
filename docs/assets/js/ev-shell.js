/* Account Path: the evaluator page's fixed frame. When the page was rendered at build time
   (tool_pages.py) the elements exist already and are only wired up; otherwise they are
   created here with the same ids, so the layout is the same either way. */

import { h } from "./ui.js";

function el(app, id, make) {
  return app.querySelector(`#${id}`) || make();
}

function on(node, event, fn) {
  node.addEventListener(event, fn);
  return node;
}

function importBox(app, on_) {
  const file = on(el(app, "ev-import", () => h("input", { id: "ev-import", type: "file", multiple: true,
    accept: ".json,.yml,.yaml,.xlsx,application/json,application/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })), "change", on_.onFiles);
  const paste = el(app, "ev-paste", () => h("textarea", { id: "ev-paste", rows: "3", spellcheck: "false", placeholder: "scorecard: 1\nrole: …" }));
  const pasteButton = on(el(app, "ev-paste-import", () => h("button", { id: "ev-paste-import", type: "button", class: "md-button ap-button", text: "Импортировать вставленное" })), "click", on_.onPaste);
  const chooser = el(app, "ev-chooser", () => h("div", { id: "ev-chooser", class: "ap-chooser", hidden: true }));
  const box = el(app, "ev-import-box", () => h("section", { class: "ap-card ap-import ap-noprint", id: "ev-import-box", "aria-labelledby": "ev-import-title" },
    h("h2", { id: "ev-import-title", text: "Импорт: оценочные листы и план собеседования" }),
    h("p", { class: "ap-hint", text: "Листы в JSON, YAML или Excel (бланк с сайта или книга раунда) и план собеседования plan.yml. Можно выбрать несколько файлов сразу. Файлы читаются в браузере и никуда не отправляются." }),
    h("label", { class: "ap-field" }, h("span", { text: "Файлы (.json, .yml, .yaml, .xlsx)" }), file),
    h("details", { class: "ap-paste" }, h("summary", { text: "…или вставьте текст листа или плана" }),
      h("label", { class: "ap-field" }, h("span", { text: "Текст JSON или YAML" }), paste), pasteButton),
    chooser));
  return { box, file, paste, chooser };
}

function setupBox(app, model, on_) {
  const role = on(el(app, "ev-role", () => h("select", { id: "ev-role" })), "change", on_.onRole);
  if (!role.options.length) role.replaceChildren(...model.roles.map((r) => h("option", { value: r.id, text: r.name || r.id })));
  const level = on(el(app, "ev-level", () => h("select", { id: "ev-level" })), "change", on_.onLevel);
  const candidate = el(app, "ev-candidate", () => h("input", { id: "ev-candidate", type: "text", autocomplete: "off", placeholder: "Имя и фамилия" }));
  candidate.addEventListener("input", () => on_.onCandidate(candidate.value));
  const date = el(app, "ev-date", () => h("input", { id: "ev-date", type: "date" }));
  date.addEventListener("input", () => on_.onDate(date.value));
  const levelInfo = el(app, "ev-level-info", () => h("p", { class: "ap-hint", id: "ev-level-info" }));
  const box = el(app, "ev-setup", () => h("fieldset", { class: "ap-card ap-setup", id: "ev-setup" },
    h("legend", { text: "Вакансия и кандидат" }),
    h("div", { class: "ap-grid" },
      h("label", { class: "ap-field" }, h("span", { text: "Роль" }), role),
      h("label", { class: "ap-field" }, h("span", { text: "Уровень" }), level),
      h("label", { class: "ap-field" }, h("span", { text: "Кандидат" }), candidate),
      h("label", { class: "ap-field" }, h("span", { text: "Дата собеседования" }), date)),
    levelInfo));
  return { box, role, level, candidate, date, levelInfo };
}

function privacyBox(app, on_) {
  const save = on(el(app, "ev-save", () => h("input", { id: "ev-save", type: "checkbox" })), "change", on_.onSave);
  const showAll = on(el(app, "ev-show-all", () => h("input", { id: "ev-show-all", type: "checkbox" })), "change", on_.onShowAll);
  const clear = on(el(app, "ev-clear", () => h("button", { id: "ev-clear", type: "button", class: "md-button ap-button", text: "Очистить всё" })), "click", on_.onClear);
  const box = el(app, "ev-privacy", () => h("div", { class: "ap-privacy ap-noprint", id: "ev-privacy" },
    h("label", { class: "ap-check" }, save, " Сохранять на этом устройстве"),
    h("label", { class: "ap-check" }, showAll, " Показать всё (для ведущего дебрифа)"),
    clear));
  return { box, save, showAll, clear };
}

function resultBox(app) {
  const parts = {};
  for (const k of ["head", "verdict", "notes", "chart", "table", "debrief"]) {
    parts[k] = el(app, `ev-result-${k}`, () => h("div", { id: `ev-result-${k}`, class: k === "chart" ? "ap-result__chart" : k === "table" ? "ap-table-wrap" : "" }));
  }
  const result = el(app, "ev-result", () => h("section", { id: "ev-result", class: "ap-result", "aria-labelledby": "ev-result-title" }, Object.values(parts)));
  const hiddenNote = el(app, "ev-hidden-note", () => h("p", { id: "ev-hidden-note", class: "ap-alert ap-noprint", hidden: true,
    text: "Итог панели и листы коллег скрыты, пока вы не отметите свой лист готовым: так чужие оценки не влияют на вашу." }));
  return { result, parts, hiddenNote };
}

/** Build (or adopt) the frame and return the ui handles the evaluator uses. */
export function buildShell(app, model, on_) {
  const imp = importBox(app, on_);
  const setup = setupBox(app, model, on_);
  const priv = privacyBox(app, on_);
  const tablist = el(app, "ev-tabs", () => h("div", { role: "tablist", "aria-label": "Интервьюеры", class: "ap-tabs", id: "ev-tabs" }));
  const add = on(el(app, "ev-add-interviewer", () => h("button", { id: "ev-add-interviewer", type: "button", class: "md-button ap-button", text: "+ Добавить интервьюера" })), "click", on_.onAdd);
  const panel = el(app, "ev-panel", () => h("div", { id: "ev-panel", role: "tabpanel", class: "ap-panel" }));
  const liveVerdict = el(app, "ev-live-verdict", () => h("span", { class: "ap-verdict ap-verdict--small", id: "ev-live-verdict" }));
  const liveFacts = el(app, "ev-live-facts", () => h("span", { class: "ap-live__facts", id: "ev-live-facts" }));
  const live = el(app, "ev-live", () => h("div", { class: "ap-live ap-noprint", id: "ev-live" },
    h("span", { class: "ap-live__title", text: "Итог сейчас:" }), liveVerdict, liveFacts,
    h("a", { class: "ap-linkbutton", href: "#ev-result-title", text: "Подробно ↓" })));
  const messages = el(app, "ev-messages", () => h("div", { id: "ev-messages", class: "ap-messages ap-noprint", role: "status", "aria-live": "polite" }));
  const status = el(app, "ev-status", () => h("p", { id: "ev-status", class: "ap-visually-hidden", role: "status", "aria-live": "polite" }));
  const res = resultBox(app);
  const exportAll = on(el(app, "ev-export-cards", () => h("button", { id: "ev-export-cards", type: "button", class: "md-button md-button--primary ap-button", text: "Скачать панель одним архивом (листы и итог)" })), "click", on_.onExportAll);
  const exportResult = on(el(app, "ev-export-result", () => h("button", { id: "ev-export-result", type: "button", class: "md-button ap-button", text: "Скачать итог (JSON)" })), "click", on_.onExportResult);
  const print = on(el(app, "ev-print", () => h("button", { id: "ev-print", type: "button", class: "md-button ap-button", text: "Печать итога" })), "click", () => window.print());
  const exportBar = el(app, "ev-export", () => h("div", { class: "ap-actions ap-noprint", id: "ev-export" }, exportAll, exportResult, print));
  if (!app.querySelector("#ev-import-box")) {
    app.replaceChildren(imp.box, messages, setup.box, priv.box,
      h("section", { class: "ap-interviewers ap-noprint", "aria-labelledby": "ev-iv-title" },
        h("h2", { id: "ev-iv-title", text: "Оценки интервьюеров" }),
        h("div", { class: "ap-tabbar" }, tablist, add), panel, live),
      status, res.hiddenNote, res.result, exportBar);
  }
  return {
    app, file: imp.file, paste: imp.paste, chooser: imp.chooser, ...setup, save: priv.save, showAll: priv.showAll,
    tablist, panel, live, liveVerdict, liveFacts, messages, status, result: res.result, parts: res.parts,
    hiddenNote: res.hiddenNote, exportAll: exportBar, radarKey: null, radar: null,
  };
}
