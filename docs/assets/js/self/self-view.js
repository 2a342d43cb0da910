/* Account Path: the self-assessment's manager view: the manager's rating row under each
   competency, the table of differences between the two profiles, and the button that
   saves the «пакет на повышение» as Markdown (and offers to print it). */

import { findLevel } from "../core/evaluate.js";
import { differences, promotionMarkdown } from "./self-manager.js";
import { download, h, slug } from "../ui/ui.js";

/** The manager's row of choices for one competency (1..5 or «не оценивал»). */
export function managerColumn(model, c, value) {
  const options = model.vocab.ratings.map((n) => h("label", { class: "ap-radio" },
    h("input", { type: "radio", name: `mgr-${c.id}`, value: String(n), checked: value === n, "data-testid": `mgr-${c.id}-${n}`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" }, h("span", { class: "ap-radio__num", text: String(n) }))));
  options.push(h("label", { class: "ap-radio ap-radio--na" },
    h("input", { type: "radio", name: `mgr-${c.id}`, value: "na", checked: value === undefined, "data-testid": `mgr-${c.id}-na`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" }, h("span", { class: "ap-radio__name", text: "не оценивал(а)" }))));
  return h("fieldset", { class: "ap-rating ap-rating--manager", "data-competency": c.id },
    h("legend", { text: `Оценка руководителя: ${c.name}` }),
    h("div", { class: "ap-rating__options" }, options));
}

function stepLevel(role, prof) {
  const from = prof.highest ? findLevel(role, prof.highest) : null;
  const to = prof.next ? role.levels[prof.next.index] : null;
  return { from, to, at: to || role.levels[role.levels.length - 1] };
}

/** Table of differences: per competency the target of the next level, self, manager, difference. */
export function comparison({ model, comps, role, prof, state }) {
  const { at } = stepLevel(role, prof);
  const rows = differences(model, role, at, state.ratings, state.manager);
  const name = (id) => (comps.get(id) || { name: id }).name;
  const show = (v) => (v === null ? "—" : String(v));
  return h("section", { id: "sa-compare", class: "ap-compare" },
    h("h3", { text: "Самооценка и оценка руководителя" }),
    h("p", { class: "ap-hint", text: "Разница в 2 балла и больше — тема для разговора: договоритесь, какие примеры подтверждают оценку." }),
    h("div", { class: "ap-table-wrap", tabindex: "0", role: "region", "aria-label": "Таблица различий, прокручивается" },
      h("table", { class: "ap-table", id: "sa-diff" },
        h("caption", { text: `Различия по компетенциям; цель — уровень «${at.name || at.id}»` }),
        h("thead", {}, h("tr", {}, ["Компетенция", "Цель", "Самооценка", "Руководитель", "Разница"].map((t) => h("th", { scope: "col", text: t })))),
        h("tbody", {}, rows.map((r) => h("tr", { "data-competency": r.id, class: r.diff !== null && Math.abs(r.diff) >= 2 ? "ap-row--warn" : "" },
          h("th", { scope: "row", text: name(r.id) }),
          h("td", { text: String(r.target) }),
          h("td", { text: show(r.self) }),
          h("td", { text: show(r.manager) }),
          h("td", { text: r.diff === null ? "—" : r.diff > 0 ? `+${r.diff}` : r.diff < 0 ? `−${-r.diff}` : "0" })))))));
}

/** The «пакет на повышение» button: saves Markdown with every competency of the next level. */
export function promotionButton({ model, comps, role, prof, state, say }) {
  return h("button", {
    type: "button", id: "sa-promotion", class: "md-button ap-button", text: "Пакет на повышение (Markdown)",
    onclick: () => {
      const { from, to, at } = stepLevel(role, prof);
      const rows = differences(model, role, at, state.ratings, state.manager);
      const names = new Map([...comps].map(([id, c]) => [id, c.name]));
      const text = promotionMarkdown({ role, from, to, rows, names });
      const file = `promotion-${role.id}-${slug(at.id, "level")}.md`;
      download(file, text, "text/markdown");
      say(`Пакет на повышение сохранён: ${file}. Впишите примеры под каждой компетенцией и распечатайте или отправьте руководителю.`);
    },
  });
}
