/* Account Path: the career self-assessment page (tools/self-assessment.md).
   An account manager rates themself 1-5 on each competency (choosing among the levels'
   behaviours) and sees their profile against every level of a role on a radar chart, the
   levels already met (the evaluator's method: hire or better at that level), and for the
   next level the gaps heaviest first with the model's development advice.
   The state travels in the URL hash (#role=…&competency-id=3…) to show a mentor; nothing is
   sent anywhere, and localStorage is used only after "save on this device". */

import { findLevel, findRole, selfProfile } from "../core/evaluate.js";
import { blocking } from "../core/team.js";

/** The self-assessment's profile with readiness by the promotion rule (core/team.js `blocking`,
 * the rule the team page and calibration use), not by the hiring verdict: one rule per purpose. */
function readiness(roleId, ratings) {
  const prof = selfProfile(model, roleId, ratings);
  const role = findRole(model, roleId);
  const own = {};
  for (const rc of role.competencies) if (Number.isInteger(ratings[rc.id])) own[rc.id] = ratings[rc.id];
  const levels = prof.levels.map((lv, i) => {
    const block = blocking(role, role.levels[i], own);
    const ids = (f) => block.filter(f).map((b) => b.competency);
    return {
      ...lv,
      met: block.length === 0,
      shortfalls: {
        must_have: ids((b) => b.must_have && b.rating !== null),
        other: ids((b) => !b.must_have && b.rating !== null),
        unrated: ids((b) => b.rating === null),
      },
    };
  });
  let highest = -1;
  levels.forEach((lv, i) => { if (lv.met) highest = i; });
  const ni = highest + 1 < role.levels.length ? highest + 1 : -1;
  let next = null;
  if (ni >= 0) {
    const lv = role.levels[ni];
    const gaps = role.competencies
      .map((rc, order) => ({ rc, order }))
      .filter(({ rc }) => own[rc.id] === undefined || own[rc.id] < lv.targets[rc.id])
      .sort((a, b) => b.rc.weight - a.rc.weight || a.order - b.order)
      .map(({ rc }) => ({
        id: rc.id, weight: rc.weight, must_have: rc.must_have, target: lv.targets[rc.id],
        rating: own[rc.id] === undefined ? null : own[rc.id],
        gap: own[rc.id] === undefined ? null : own[rc.id] - lv.targets[rc.id],
      }));
    next = { id: lv.id, index: ni, gaps };
  }
  return { ...prof, levels, highest: highest >= 0 ? role.levels[highest].id : null, next };
}
import { radarChart } from "../ui/radar.js";
import { comparison, managerColumn, promotionButton } from "./self-view.js";
import { developFor, fromHash, toHash } from "./self-manager.js";
import { competencyIndex, download, h, loadModel, num, percent, scaleName, store } from "../ui/ui.js";
import { parseText } from "../core/cardread.js";
import { render } from "../core/messages.js";
import { assessmentFile, checkAssessment } from "../core/team.js";

const STORE_KEY = "accountpath:self";

let model = null;
let comps = new Map();
let state = null;
let ui = {};
let version = 0;

function blankState() {
  return { role: model.roles[0].id, ratings: {}, manager: {}, managerMode: false, save: false };
}

// ------------------------------------------------------------------ state <-> hash and storage

export { fromHash, toHash };

function shareUrl() {
  return location.href.split("#")[0] + toHash(state, model);
}

function sync() {
  const hash = toHash(state, model);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  ui.link.value = shareUrl();
  if (state.save) store.set(STORE_KEY, { version: 1, role: state.role, ratings: state.ratings, manager: state.manager });
}

// ------------------------------------------------------------------ the form

function say(text) {
  ui.messages.textContent = text;
}

function groups() {
  const out = new Map();
  for (const c of model.competencies) {
    if (!out.has(c.group)) out.set(c.group, []);
    out.get(c.group).push(c);
  }
  return out;
}

function competencyBlock(c) {
  const value = state.ratings[c.id];
  const rc = findRole(model, state.role).competencies.find((x) => x.id === c.id);
  const options = model.vocab.ratings.map((n) => h("label", { class: "ap-choice" },
    h("input", { type: "radio", name: `self-${c.id}`, value: String(n), checked: value === n, "data-testid": `self-${c.id}-${n}` }),
    h("span", { class: "ap-choice__body" },
      h("span", { class: "ap-choice__title", text: `${n} · ${scaleName(model, n)}` }),
      h("span", { class: "ap-choice__text", text: ((c.levels || {})[String(n)] || []).join(" ") }))));
  options.push(h("label", { class: "ap-choice ap-choice--na" },
    h("input", { type: "radio", name: `self-${c.id}`, value: "na", checked: value === undefined, "data-testid": `self-${c.id}-na` }),
    h("span", { class: "ap-choice__body" }, h("span", { class: "ap-choice__title", text: "Пока не оцениваю" }))));
  return h("fieldset", { class: "ap-comp ap-self", "data-competency": c.id },
    h("legend", {}, h("span", { class: "ap-comp__name", text: c.name }),
      rc ? h("span", { class: "ap-badge", text: `вес в роли ${rc.weight}` }) : h("span", { class: "ap-badge ap-badge--muted", text: "без веса: в расчёт готовности не входит" }),
      rc && rc.must_have ? h("span", { class: "ap-badge ap-badge--must", text: "обязательная" }) : null),
    c.summary ? h("p", { class: "ap-hint", text: c.summary }) : null,
    h("div", { class: "ap-choices" }, options),
    state.managerMode ? managerColumn(model, c, state.manager[c.id]) : null);
}

function renderForm() {
  const blocks = [];
  for (const [group, list] of groups()) {
    blocks.push(h("h3", { class: "ap-group", text: group.charAt(0).toUpperCase() + group.slice(1) }));
    list.forEach((c) => blocks.push(competencyBlock(c)));
  }
  ui.form.replaceChildren(...blocks);
}

// ------------------------------------------------------------------ the result

function levelLabel(role, id) {
  const lv = findLevel(role, id);
  return lv ? lv.name || lv.id : id;
}

function compLink(cid) {
  const c = comps.get(cid);
  return h("a", { href: `../../competencies/${encodeURIComponent(cid)}/`, text: c ? c.name : cid });
}

function adviceList(c, g) {
  const { step, items } = developFor(c, g.rating, g.target);
  if (!items.length) return null;
  return h("div", { class: "ap-develop" },
    step ? h("p", { class: "ap-hint", text: `Что делать, чтобы выйти на уровень ${step}:` }) : null,
    h("ul", {}, items.map((d) => h("li", { text: d }))));
}

function levelsTableOf(role, prof) {
  const names = (ids) => (ids.length ? ids.map((cid) => (comps.get(cid) || { name: cid }).name).join(", ") : "—");
  return h("table", { class: "ap-table", id: "sa-levels" },
    h("caption", { text: `Уровни роли «${role.name}» по правилу повышения` }),
    h("thead", {}, h("tr", {}, ["Уровень", "Обязательные ниже цели", "Остальные ниже цели больше чем на полбалла", "Не оценены", "Итог"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, prof.levels.map((lv) => h("tr", { "data-level": lv.id, "data-met": String(lv.met), class: lv.met ? "ap-row--ok" : "" },
      h("th", { scope: "row", text: levelLabel(role, lv.id) }),
      h("td", { text: names(lv.shortfalls.must_have) }),
      h("td", { text: names(lv.shortfalls.other) }),
      h("td", { text: names(lv.shortfalls.unrated) }),
      h("td", { text: lv.met ? "✓ достигнут" : "ещё нет" })))));

}

function scopeTableOf(role) {
  const labels = model.vocab.scope_labels || {};
  const keys = Object.keys(labels);
  if (!keys.length || !role.levels.some((lv) => lv.scope)) return null;
  return h("table", { class: "ap-table", id: "sa-scope" },
    h("caption", { text: `Масштаб уровней роли «${role.name}»` }),
    h("thead", {}, h("tr", {}, ["Уровень", ...keys.map((k) => labels[k])].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, role.levels.map((lv) => h("tr", { "data-level": lv.id },
      h("th", { scope: "row", text: levelLabel(role, lv.id) }),
      ...keys.map((k) => h("td", { text: lv.scope ? lv.scope[k] : "—" }))))));
}

function radarOf(role) {
  const kinds = ["level-a", "level-b", "level-c", "level-d", "level-e"];
  // every competency with a target at this role's levels (the ladder gives each level all of them)
  const axisIds = model.competencies.map((c) => c.id).filter((id) => role.levels[0].targets[id] !== undefined);
  const ratedOf = (src) => axisIds.map((id) => (Number.isInteger(src[id]) ? src[id] : null));
  return radarChart({
    id: "sa-radar",
    title: `Ваш профиль и уровни роли «${role.name}»`,
    axes: axisIds.map((id) => ({ id, label: (comps.get(id) || { name: id }).name })),
    series: [
      ...role.levels.map((lv, i) => ({ name: `Уровень: ${lv.name || lv.id}`, kind: kinds[i % kinds.length], values: axisIds.map((id) => lv.targets[id]) })),
      { name: "Ваша самооценка", kind: "actual", values: ratedOf(state.ratings) },
      ...(state.managerMode ? [{ name: "Оценка руководителя", kind: "manager", values: ratedOf(state.manager) }] : []),
    ],
  });

}

function nextStep(role, prof) {
  let next;
  if (!prof.next) {
    next = h("section", { id: "sa-next", class: "ap-next" },
      h("h3", { text: "Следующий шаг" }),
      h("p", { text: `Вы на верхнем уровне роли «${role.name}». Посмотрите на странице «Карьера», куда расти дальше.` }));
  } else {
    const lvName = levelLabel(role, prof.next.id);
    next = h("section", { id: "sa-next", class: "ap-next", "data-level": prof.next.id },
      h("h3", { text: `Следующий уровень: ${lvName}` }),
      prof.next.gaps.length
        ? h("p", { class: "ap-hint", text: "Что подтянуть — сначала компетенции с большим весом в роли:" })
        : h("p", { text: "Все цели уровня достигнуты: самое время обсудить повышение с руководителем." }),
      h("ol", { class: "ap-gaps" }, prof.next.gaps.map((g) => {
        const c = comps.get(g.id) || { develop: [] };
        return h("li", { "data-competency": g.id },
          h("p", { class: "ap-gaps__head" }, compLink(g.id), " ",
            h("span", { class: "ap-badge", text: `вес ${g.weight}` }),
            g.must_have ? h("span", { class: "ap-badge ap-badge--must", text: "обязательная" }) : null,
            h("span", { class: "ap-gaps__nums", text: g.rating === null ? ` не оценено, цель ${g.target}` : ` сейчас ${g.rating}, цель ${g.target}` })),
          (c.levels && c.levels[String(g.target)]) ? h("p", { class: "ap-hint", text: `Как выглядит уровень ${g.target}: ${c.levels[String(g.target)].join(" ")}` }) : null,
          adviceList(c, g));
      })));
  }

  return next;
}

function rolesTable() {
  return h("table", { class: "ap-table", id: "sa-roles" },
    h("caption", { text: "Все роли: достигнутый уровень по вашей самооценке" }),
    h("thead", {}, h("tr", {}, ["Роль", "Достигнутый уровень", "Следующий"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, model.roles.map((r) => {
      const p = readiness(r.id, state.ratings);
      return h("tr", { "data-role": r.id },
        h("th", { scope: "row", text: r.name }),
        h("td", { text: p.highest ? levelLabel(r, p.highest) : "—" }),
        h("td", { text: p.next ? levelLabel(r, p.next.id) : "верхний уровень" }));
    })));

}

function renderResult() {
  const role = findRole(model, state.role);
  const prof = readiness(role.id, state.ratings);
  version += 1;
  ui.result.dataset.version = String(version);
  ui.result.dataset.highest = prof.highest || "";
  ui.result.dataset.next = prof.next ? prof.next.id : "";
  const rated = role.competencies.filter((rc) => Number.isInteger(state.ratings[rc.id])).length;

  const met = prof.levels.filter((lv) => lv.met);
  const summary = h("p", { class: "ap-result__who", id: "sa-summary" },
    met.length
      ? `Вы уже на уровне ${met.map((lv) => `«${levelLabel(role, lv.id)}»`).join(", ")}.`
      : "Ни один уровень этой роли пока не достигнут.",
    ` Оценено компетенций роли: ${rated} из ${role.competencies.length}.`);

  const levelsTable = levelsTableOf(role, prof);
  const radar = radarOf(role);
  const next = nextStep(role, prof);
  const others = rolesTable();
  ui.result.replaceChildren(
    h("h2", { id: "sa-result-title", text: "Ваш профиль" }),
    summary,
    h("div", { class: "ap-result__chart" }, radar),
    h("div", { class: "ap-table-wrap" }, levelsTable),
    h("p", { class: "ap-hint", text: "Уровень считается достигнутым по правилу повышения: обязательные компетенции роли — не ниже цели, остальные компетенции роли с весом — ниже цели не больше чем на полбалла. Ещё одно условие правила — около трёх месяцев работы в масштабе нового уровня (таблица ниже) — страница не проверяет; решение принимают по оценкам руководителя после калибровки." }),
    h("div", { class: "ap-table-wrap" }, scopeTableOf(role)),
    state.managerMode ? comparison({ model, comps, role, prof, state }) : null,
    next,
    h("div", { class: "ap-table-wrap" }, others),
    h("div", { class: "ap-actions ap-noprint" }, promotionButton({ model, comps, role, prof, state, say })));
}

// ------------------------------------------------------------------ events and start

function renderAll() {
  ui.role.value = state.role;
  levelOptions();
  ui.save.checked = state.save;
  ui.managerToggle.checked = state.managerMode;
  renderForm();
  renderResult();
  sync();
}

function onChange(event) {
  const input = event.target;
  if (input.type !== "radio") return;
  const which = input.name.startsWith("self-") ? state.ratings : input.name.startsWith("mgr-") ? state.manager : null;
  if (!which) return;
  const cid = input.name.slice(input.name.indexOf("-") + 1);
  if (input.value === "na") delete which[cid];
  else which[cid] = Number(input.value);
  renderResult();
  sync();
}

function toResult() {
  const title = document.getElementById("sa-result-title");
  title.setAttribute("tabindex", "-1");
  title.focus();
  title.scrollIntoView({ block: "start" });
}

function levelOptions() {
  const role = findRole(model, state.role);
  const keep = ui.level.value;
  ui.level.replaceChildren(...role.levels.map((lv) => h("option", { value: lv.id, text: lv.name || lv.id })));
  if (role.levels.some((lv) => lv.id === keep)) ui.level.value = keep;
}

/** «Сохранить файл»: the self-assessment as an assessment file (io/assessments.py's keys). */
function onSaveFile() {
  const person = ui.person.value.trim();
  const date = new Date().toISOString().slice(0, 10);
  const data = assessmentFile(model, { person, role: state.role, level: ui.level.value, relation: "self", date, ratings: state.ratings });
  const file = `assessment-${state.role}-${ui.level.value}-self.json`;
  download(file, `${JSON.stringify(data, null, 2)}\n`);
  say(person
    ? `Файл сохранён: ${file}. Передайте его руководителю — он загрузит его на странице «Команда».`
    : `Файл сохранён: ${file}. Впишите имя перед отправкой: без него руководитель не сведёт файл с вашей оценкой.`);
}

/** «Открыть файл»: an assessment file back into the form (a manager's file fills the manager column). */
async function onOpenFile() {
  const file = ui.openFile.files[0];
  if (!file) return;
  const parsed = await parseText(await file.text());
  ui.openFile.value = "";
  if (parsed.problems) {
    say(parsed.problems.map((p) => `${file.name}:${p.at[0]}:${p.at[1]}: ${render(model.messages, p.code, p.params)}`).join("; "));
    return;
  }
  const checked = checkAssessment(model, parsed.data, file.name);
  if (checked.problems) {
    say(checked.problems.map((p) => `${file.name}${p.path.length ? ` (${p.path.join(".")})` : ""}: ${render(model.messages, p.code, p.params)}`).join("; "));
    return;
  }
  const a = checked.assessment;
  const ratings = {};
  for (const [cid, r] of Object.entries(a.ratings)) if (r !== null) ratings[cid] = r;
  state.role = a.role;
  if (a.relation === "manager") {
    state.manager = ratings;
    state.managerMode = true;
  } else {
    state.ratings = ratings;
    ui.person.value = a.person;
  }
  renderAll();
  ui.level.value = a.level;
  say(`Файл открыт: ${file.name} (${a.relation === "manager" ? "оценка руководителя" : "самооценка"}).`);
}

function onRole() {
  state.role = ui.role.value;
  levelOptions();
  renderForm();
  renderResult();
  sync();
}

function onSave() {
  state.save = ui.save.checked;
  if (state.save) say("Самооценка сохраняется в этом браузере.");
  else {
    store.remove(STORE_KEY);
    say("Сохранение выключено, данные удалены с этого устройства.");
  }
  sync();
}

function onClear() {
  if (!window.confirm("Удалить все ваши оценки с этой страницы и с этого устройства?")) return;
  store.remove(STORE_KEY);
  state = blankState();
  renderAll();
  say("Всё очищено.");
  ui.role.focus();
}

async function onCopy() {
  ui.link.select();
  try {
    await navigator.clipboard.writeText(ui.link.value);
    say("Ссылка скопирована. В ней ваши оценки — отправьте её только тому, кому хотите их показать.");
  } catch (e) {
    say("Скопируйте выделенную ссылку вручную (Ctrl+C).");
  }
}

function onManager() {
  state.managerMode = ui.managerToggle.checked;
  renderForm();
  renderResult();
  sync();
}

/** Adopt the page's frame, rendered at build time (src/accountpath/tool_pages.py), and wire it up. */
function buildShell(app) {
  const $ = (id) => app.querySelector(`#${id}`);
  const on = (id, event, fn) => {
    $(id).addEventListener(event, fn);
    return $(id);
  };
  ui.role = on("sa-role", "change", onRole);
  ui.save = on("sa-save", "change", onSave);
  ui.managerToggle = on("sa-manager", "change", onManager);
  ui.link = $("sa-link");
  ui.form = on("sa-form", "change", onChange);
  ui.result = $("sa-result");
  ui.messages = $("sa-messages");
  on("sa-clear", "click", onClear);
  on("sa-copy", "click", onCopy);
  on("sa-print", "click", () => window.print());
  on("sa-to-result", "click", toResult);
  ui.person = $("sa-person");
  ui.level = $("sa-level");
  ui.openFile = on("sa-open-file", "change", onOpenFile);
  on("sa-save-file", "click", onSaveFile);
}

async function start() {
  const app = document.getElementById("self-assessment-app");
  if (!app) return;
  try {
    model = await loadModel(app);
  } catch (e) {
    app.replaceChildren(h("p", { class: "ap-alert ap-alert--bad", text: `Не удалось загрузить модель компетенций (${e.message}).` }));
    return;
  }
  comps = competencyIndex(model);
  const fromLink = fromHash(location.hash, model);
  const saved = store.get(STORE_KEY);
  state = blankState();
  if (fromLink) {
    state.role = fromLink.role;
    state.ratings = fromLink.ratings;
    state.manager = fromLink.manager;
    state.managerMode = Object.keys(fromLink.manager).length > 0 || /(^|[#&])view=manager/.test(location.hash);
    state.save = !!saved;
  } else if (saved && saved.version === 1 && findRole(model, saved.role)) {
    state.role = saved.role;
    const restored = fromHash(toHash({ role: saved.role, ratings: saved.ratings || {}, manager: saved.manager || {} }, model), model);
    state.ratings = restored ? restored.ratings : {};
    state.manager = restored ? restored.manager : {};
    state.managerMode = Object.keys(state.manager).length > 0;
    state.save = true;
  }
  buildShell(app);
  renderAll();
  window.addEventListener("hashchange", () => {
    const next = fromHash(location.hash, model);
    if (!next || location.hash === toHash(state, model)) return;
    state.role = next.role;
    state.ratings = next.ratings;
    state.manager = next.manager;
    state.managerMode = state.managerMode || Object.keys(next.manager).length > 0;
    renderAll();
  });
  app.dataset.ready = "true";
}

start();
