// @ts-check
/* Account Path: the message table in the browser. The core (Python and these scripts) returns
   codes and parameters; the sentences come from one table, src/accountpath/messages.py, which
   model.json carries as `messages` (code -> Russian template with {name} placeholders). This
   module renders a code with its parameters, formatting numbers with Intl (decimal comma in
   Russian), exactly as messages.render does in Python. Pure: no DOM. */

// Rounding half to even on the number's shortest decimal form (2.675 -> 2,68), as Babel does in i18n.py.
const NUMBER = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2, useGrouping: false, roundingMode: "halfEven" });
const PERCENT = new Intl.NumberFormat("ru-RU", { style: "percent", maximumFractionDigits: 0, roundingMode: "halfEven" });
const PLURAL = new Intl.PluralRules("ru-RU");

/** A share 0..1 as whole percent in Russian style, «80 %» with a no-break space (i18n.percent in Python). */
export function percentText(x) {
  return x === null || x === undefined ? "—" : PERCENT.format(x);
}

/** The CLDR plural category of n in Russian: one, few, many or other (i18n.plural_form in Python). */
export function pluralForm(n) {
  return PLURAL.select(n);
}

/** A parameter as the sentence shows it: floats with at most two decimals and the decimal comma. */
export function paramText(value) {
  if (typeof value === "number" && !Number.isInteger(value)) return NUMBER.format(value).replace("\u2212", "-");
  if (value === null || value === undefined) return "—";
  return String(value);
}

const has = (table, code) => Boolean(table) && Object.prototype.hasOwnProperty.call(table, code);

/** A list parameter as text (messages._items): each item rendered, a plain object by the template
    `code.name` (e.g. "warning.thin-note.competencies"), joined with "; ". */
function items(table, code, name, list) {
  const itemCode = `${code}.${name}`;
  return list
    .map((x) => {
      if (x && typeof x === "object" && typeof x.code === "string") return render(table, x.code, x.params || {});
      if (x && typeof x === "object" && has(table, itemCode)) return render(table, itemCode, x);
      return paramText(x);
    })
    .join("; ");
}

/** The sentence for `code` with `params` from the table (a code missing from the table is shown as it is).
    A parameter that is itself a message, {code, params}, is rendered first (as messages.Msg in Python);
    a list parameter item by item (`items`). */
export function render(table, code, params = {}) {
  const template = has(table, code) ? table[code] : null;
  if (template === null) return String(code);
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (Array.isArray(value)) return items(table, code, name, value);
    if (value && typeof value === "object" && typeof value.code === "string") {
      return render(table, value.code, value.params || {});
    }
    return paramText(value);
  });
}
