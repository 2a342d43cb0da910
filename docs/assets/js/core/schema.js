// @ts-check
/* Account Path: a small JSON Schema validator for the subset the card's schema uses
   (src/accountpath/data/card.schema.json, which model.json carries as `card_schema`).
   Python applies the same schema with jsonschema (io/cardcheck.py); this module reports the
   same failing nodes in the same way, so both readers give the same problems:
   - keywords: type, enum, pattern, minimum, maximum, required, properties,
     additionalProperties, propertyNames, items, allOf, anyOf, not, $ref (local "#/$defs/...");
   - allOf, $ref, properties, additionalProperties, items and propertyNames report the errors
     of their subschemas; anyOf and not fail as one error at their own node (as jsonschema does);
   - `integer` is a number written without a point or an exponent (a BigInt beyond 2^53): a FloatValue (3.0) is a
     number, never an integer; booleans are neither.
   An error is {path, schema, keyword, instance}: path the instance path (keys and indexes),
   schema the node whose keyword failed. Pure: no DOM. */

/** @typedef {{path: Array<string|number>, schema: any, keyword: string, instance: any}} SchemaError */

const isFloat = (/** @type {any} */ v) => v !== null && typeof v === "object" && v.constructor && v.constructor.name === "FloatValue";
const isMapping = (/** @type {any} */ v) => v !== null && typeof v === "object" && !Array.isArray(v) && !isFloat(v);

/** Whether a value is of a JSON Schema type (see the header for integer and FloatValue). */
function isType(/** @type {any} */ v, /** @type {string} */ type) {
  switch (type) {
    case "null": return v === null || v === undefined;
    case "boolean": return v === true || v === false;
    case "integer": return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
    case "number": return typeof v === "number" || typeof v === "bigint" || isFloat(v);
    case "string": return typeof v === "string";
    case "array": return Array.isArray(v);
    case "object": return isMapping(v);
    default: return false;
  }
}

const numberOf = (/** @type {any} */ v) => (isFloat(v) ? v.value : v);

/** JSON equality for enum (a FloatValue never equals a whole number). */
function same(/** @type {any} */ a, /** @type {any} */ b) {
  if (isFloat(a) || isFloat(b)) return false;
  return a === b;
}

/**
 * Every error of `instance` against `schema` (root: the whole document, for $ref).
 * @returns {SchemaError[]}
 */
export function validate(/** @type {any} */ schema, /** @type {any} */ instance, /** @type {any} */ root = schema, /** @type {Array<string|number>} */ path = []) {
  /** @type {SchemaError[]} */
  const out = [];
  const fail = (/** @type {string} */ keyword) => out.push({ path, schema, keyword, instance });
  if (schema.$ref) {
    const target = String(schema.$ref).replace(/^#\//, "").split("/").reduce((node, part) => node[part], root);
    out.push(...validate(target, instance, root, path));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => isType(instance, t))) fail("type");
  }
  if (schema.enum && !schema.enum.some((/** @type {any} */ e) => same(e, instance))) fail("enum");
  if (typeof instance === "string" && schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(instance)) fail("pattern");
  if (isType(instance, "number")) {
    if (schema.minimum !== undefined && numberOf(instance) < schema.minimum) fail("minimum");
    if (schema.maximum !== undefined && numberOf(instance) > schema.maximum) fail("maximum");
  }
  if (isMapping(instance)) {
    for (const key of schema.required || []) if (!Object.hasOwn(instance, key)) out.push({ path, schema, keyword: "required", instance: key });
    const props = schema.properties || {};
    for (const key of Object.keys(instance)) {
      if (schema.propertyNames) {
        for (const e of validate(schema.propertyNames, key, root, path)) out.push({ ...e, keyword: "propertyNames" });
      }
      if (Object.hasOwn(props, key)) out.push(...validate(props[key], instance[key], root, [...path, key]));
      else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
        if (schema.additionalProperties === false) fail("additionalProperties");
        else out.push(...validate(schema.additionalProperties, instance[key], root, [...path, key]));
      }
    }
  }
  if (Array.isArray(instance) && schema.items) instance.forEach((item, i) => out.push(...validate(schema.items, item, root, [...path, i])));
  for (const sub of schema.allOf || []) out.push(...validate(sub, instance, root, path));
  if (schema.anyOf && !schema.anyOf.some((/** @type {any} */ sub) => validate(sub, instance, root, path).length === 0)) fail("anyOf");
  if (schema.not && validate(schema.not, instance, root, path).length === 0) fail("not");
  return out;
}
