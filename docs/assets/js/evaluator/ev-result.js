/* Account Path: the panel result («итог панели») on the evaluator page: verdict and facts,
   the alerts (coverage, must-haves, disagreements, fragility, warnings), each interviewer's
   recommendation and take-aways, the radar, the ratings table with who gave what, and
   every note. Renders into the parts of the result section made by the shell. */

import { boundaryLine, fragileLines, mustHaveStatus, readinessLines, warningLine } from "../core/debrief.js";
import { verdictLabel } from "../core/evaluate.js";
import { radarChart, updateRadar } from "../ui/radar.js";
import { h, longText, num, percent } from "../ui/ui.js";

function recLabel(model, code) {
  return code ? model.vocab.recommendation_labels[code] : "рекомендация не указана";
}

function disagreementsAlert(model, result, cards, compName) {
  const disagreements = result.competencies.filter((c) => c.disagreement);
  if (!disagreements.length) return null;
  return h("div", { class: "ap-alert ap-alert--warn", id: "ev-disagreements" },
    h("p", {}, h("strong", { text: "Расхождения — обсудите до решения; после дебрифа исправьте листы и пересчитайте" })),
    h("p", { text: `Оценки расходятся на ${num(model.evaluation.disagreement_spread)} балла и больше: прежде чем усреднять, выясните, что видели интервьюеры.` }),
    h("ul", {}, disagreements.map((c) => {
      const by = cards.filter((card) => card.ratings[c.id] !== null && card.ratings[c.id] !== undefined).map((card) => `${card.interviewer} — ${card.ratings[c.id]}`);
      return h("li", { "data-competency": c.id, text: `${compName(c.id)} (цель ${c.target}): ${by.join(", ")}` });
    })));
}

function mustHaves(model, result, compName) {
  const rows = result.competencies.filter((c) => c.must_have);
  if (!rows.length) return null;
  const failed = result.failed_must_haves.length > 0;
  return h("div", { class: failed ? "ap-alert ap-alert--bad" : "ap-alert", id: failed ? "ev-failed" : "ev-must" },
    h("p", { text: failed ? `Обязательные компетенции: порог — цель минус ${num(model.evaluation.must_have_tolerance)} балла; ниже порога итог не выше «Не нанимать»:`
      : `Обязательные компетенции: порог — цель минус ${num(model.evaluation.must_have_tolerance)} балла:` }),
    h("ul", {}, rows.map((row) => h("li", { "data-competency": row.id,
      text: `${compName(row.id)}: ${mustHaveStatus(model, row, result.failed_must_haves.includes(row.id))}` }))));
}

/** Right under the verdict: why it is not ready and what to do (one item per reason), or that it is ready. */
function readiness(model, result) {
  const lines = readinessLines(model, result);
  if (!lines.length) return null;
  const ready = result.ready;
  const [lead, ...rest] = ready ? [null, ...lines] : lines;
  return h("div", { class: ready ? "ap-alert" : "ap-alert ap-alert--warn", id: "ev-readiness", "data-ready": String(ready) },
    lead ? h("p", {}, h("strong", { text: lead })) : null,
    h("ul", {}, (ready ? lines : rest).map((line, i) => h("li", { "data-code": ready ? "ready" : (result.not_ready[i] || { code: "deadline" }).code, text: line }))));
}

function alerts(model, result, cards, compName) {
  const out = [disagreementsAlert(model, result, cards, compName)];
  if (result.recommendation === "insufficient_data") {
    out.push(h("p", { class: "ap-alert", text: `Оценено ${percent(result.coverage)} веса компетенций, а нужно не меньше ${percent(model.evaluation.min_coverage)}: оцените больше компетенций или добавьте интервьюера.` }));
  }
  out.push(mustHaves(model, result, compName));
  const border = boundaryLine(model, result);
  if (border) out.push(h("p", { class: "ap-alert ap-alert--warn", id: "ev-boundary", text: border }));
  if (result.fragile.length) {
    out.push(h("div", { class: "ap-alert ap-alert--warn", id: "ev-fragile" }, fragileLines(model, result).map((line) => h("p", { text: line }))));
  }
  if (result.warnings.length) {
    out.push(h("div", { class: "ap-alert ap-alert--warn", id: "ev-warnings" },
      h("p", { text: "Предупреждения:" }),
      h("ul", {}, result.warnings.map((w) => h("li", { "data-code": w.code, text: warningLine(model, w) })))));
  }
  return out.filter(Boolean);
}

function opinions(model, cards) {
  return h("section", { class: "ap-debrief", id: "ev-opinions" },
    h("h3", { text: "Рекомендации и выводы интервьюеров" }),
    h("p", { class: "ap-hint", text: "Рекомендации показаны для обсуждения, но в расчёт итога не входят: итог считается только по оценкам компетенций." }),
    h("ul", { class: "ap-opinions" }, cards.map((card, i) => h("li", { "data-interviewer": String(i) },
      h("strong", { text: `${card.interviewer}: ` }),
      h("span", { class: `ap-rec ap-rec--${card.recommendation || "none"}`, text: recLabel(model, card.recommendation) }),
      card.takeaways ? h("p", { class: "ap-takeaways" }, longText(card.takeaways)) : null,
      card.overall_notes ? h("p", { class: "ap-hint" }, longText(card.overall_notes)) : null))));
}

/** One interviewer's rating in the table: the number, «не в фокусе» outside a focused card's list, else «—». */
function shownRating(card, cid) {
  const v = card.ratings[cid];
  if (v !== null && v !== undefined) return String(v);
  return card.focus && card.focus.length && !card.focus.includes(cid) ? "не в фокусе" : "—";
}

function ratingsTable(result, cards, compName) {
  return h("table", { class: "ap-table", id: "ev-table" },
    h("caption", { text: "Оценки по компетенциям: кто что поставил" }),
    h("thead", {}, h("tr", {},
      ["Компетенция", "Вес", "Цель", ...cards.map((c) => c.interviewer), "Средняя по компетенции", "Отклонение", "Расхождение оценок"]
        .map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, result.competencies.map((c) => h("tr", { class: c.disagreement ? "ap-row--warn" : "" },
      h("th", { scope: "row" }, compName(c.id), c.must_have ? h("span", { class: "ap-badge ap-badge--must", text: "обяз." }) : null),
      h("td", { text: String(c.weight) }),
      h("td", { text: String(c.target) }),
      cards.map((card) => h("td", { text: shownRating(card, c.id) })),
      h("td", { text: num(c.rating) }),
      h("td", { class: c.gap !== null && c.gap < 0 ? "ap-neg" : "", text: num(c.gap, { signed: true }) }),
      h("td", { text: num(c.spread) })))));
}

function notesList(result, compName) {
  const items = result.competencies.filter((c) => c.notes.length).map((c) => h("div", { class: "ap-debrief__item" },
    h("h4", { text: compName(c.id) }),
    h("ul", {}, c.notes.map((n) => h("li", {}, h("strong", { text: `${n.interviewer}: ` }), longText(n.text))))));
  return items.length ? h("section", { class: "ap-debrief", id: "ev-notes" }, h("h3", { text: "Заметки интервьюеров" }), items) : "";
}

function radar(ui, result, role, level, compName) {
  const series = [
    { name: `Цель: ${level.name || level.id}`, kind: "target", values: result.competencies.map((c) => c.target) },
    { name: "Средняя по компетенции", kind: "actual", values: result.competencies.map((c) => c.rating) },
  ];
  const key = `${role.id}/${level.id}`;
  if (ui.radarKey === key) {
    updateRadar(ui.radar, series);
    return;
  }
  ui.radarKey = key;
  ui.radar = radarChart({
    id: "ev-radar",
    title: `Средние по компетенциям и цель уровня «${level.name || level.id}»`,
    axes: result.competencies.map((c) => ({ id: c.id, label: compName(c.id) })),
    series,
  });
  ui.parts.chart.replaceChildren(ui.radar);
}

/** Role and level as one title, without saying the role twice when the level's name holds it. */
function post(role, level) {
  const r = role.name || role.id;
  const l = level.name || level.id;
  return l.toLowerCase().includes(r.toLowerCase()) ? l : `${r}, ${l}`;
}

/** Fill the result section's parts from a debrief result and the cards it came from. */
export function renderResult(ui, { model, role, level, result, cards, who, date, compName, levelName }) {
  const label = verdictLabel(model, result.recommendation);
  ui.parts.head.replaceChildren(h("header", { class: "ap-result__head" },
    h("h2", { id: "ev-result-title", text: "Итог панели" }),
    h("p", { class: "ap-result__who", text: `${who} · ${post(role, level)}${date ? ` · ${date}` : ""}` })));
  const facts = h("dl", { class: "ap-facts" },
    h("div", {}, h("dt", { text: "Насколько в среднем выше или ниже цели" }), h("dd", { id: "ev-gap", text: num(result.gap, { signed: true }) })),
    h("div", {}, h("dt", { text: "Сколько оценено (доля веса роли)" }), h("dd", { id: "ev-coverage", text: percent(result.coverage) })),
    h("div", {}, h("dt", { text: "Лучший подходящий уровень" }), h("dd", { id: "ev-best-fit", text: result.best_fit_level ? levelName(result.best_fit_level) : "нет" })),
    h("div", {}, h("dt", { text: "Интервьюеры" }), h("dd", { text: `${result.interviewers.length}: ${result.interviewers.join(", ")}` })));
  ui.parts.verdict.replaceChildren(
    h("p", { class: `ap-verdict ap-verdict--${result.recommendation}`, id: "ev-verdict", "data-testid": "ev-verdict" },
      h("span", { class: "ap-verdict__label", text: label })),
    ...[readiness(model, result)].filter(Boolean),
    facts);
  ui.parts.notes.replaceChildren(...alerts(model, result, cards, compName), opinions(model, cards));
  radar(ui, result, role, level, compName);
  // the table may be wider than the screen: its wrapper scrolls, so the keyboard must reach it too
  Object.entries({ tabindex: "0", role: "region", "aria-label": "Оценки по компетенциям, прокручивается" })
    .forEach(([k, v]) => ui.parts.table.setAttribute(k, v));
  ui.parts.table.replaceChildren(ratingsTable(result, cards, compName));
  ui.parts.debrief.replaceChildren(notesList(result, compName));
  return label;
}
