// OpenClaw's JSON Schema checked lazily. A plain object node (properties, additionalProperties, required, a key
// pattern, nothing else) is walked here key by key, and only the members a document holds are compiled to zod, the
// first time they are met, then cached; every other node is compiled whole. A profile config touches a few dozen of
// the schema's thousands of nodes (telegram and discord, not the other channels), so start-up and memory pay for
// those only. Both schema sources (committed data, the installed CLI's) come through here. The issues, and their
// order, are the ones zod gives for the whole schema; a unit test holds the two side by side.
import type { z } from 'zod';
import { resolveRef, type JsonSchema } from './json-schema';
import { conditionIssues } from './conditions';
import { compileNode } from './zod-compile';
import { PROSE } from './structure';

export type Issue = z.core.$ZodIssue;
export interface ParseOutcome { success: boolean; issues: Issue[] }
type Path = (string | number)[];

/** What the walk needs of a plain object node. */
interface PlainObject {
  order: string[];
  known: Set<string>;
  required: string[];
  /** false: other keys are unknown; true: anything goes; a schema: each other key's value. */
  extra: boolean | JsonSchema;
  keyPattern?: JsonSchema;
}

// A default only matters when the node's value is missing, and then the parent has left the node to zod; prose
// (the CLI's schema has titles and descriptions) checks nothing.
const PLAIN_KEYS = new Set(['type', 'properties', 'additionalProperties', 'required', 'propertyNames', 'default', '$schema', 'definitions', ...PROSE]);
const NOT_PLAIN = null;

export class CompiledSchema {
  private readonly zods = new Map<JsonSchema, z.ZodType>();
  private readonly plains = new Map<JsonSchema, PlainObject | typeof NOT_PLAIN>();

  constructor(private readonly json: JsonSchema) {}

  /** The schema nodes compiled to zod so far, each whole (what start-up actually paid for). */
  compiledNodes(): JsonSchema[] {
    return [...this.zods.keys()];
  }

  /** The whole document, as zod would check it against the whole schema. */
  safeParse(value: unknown): ParseOutcome {
    const issues: Issue[] = [];
    for (const step of this.steps(value, issues)) step();
    return { success: !issues.length, issues };
  }

  /** The same check as separate steps (one per top-level section, then the root's own keys), so a caller can pause between them. */
  steps(value: unknown, issues: Issue[]): (() => void)[] {
    const plain = this.walkable(this.json, value);
    if (!plain) return [() => this.whole(this.json, value, [], issues)];
    const obj = value as Record<string, unknown>;
    const steps = plain.order.filter((k) => Object.hasOwn(obj, k)).map((k) => () => this.check(this.json.properties![k], obj[k], [k], issues));
    steps.push(() => this.others(plain, obj, [], issues));
    return steps;
  }

  private check(node: JsonSchema, value: unknown, path: Path, out: Issue[]): void {
    // A bare reference is its definition; one with sibling keywords is left to zod.
    const target = node.$ref !== undefined && Object.keys(node).length === 1 ? resolveRef(this.json, node) : node;
    const plain = this.walkable(target, value);
    if (!plain) {
      this.whole(node, value, path, out);
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const k of plain.order) if (Object.hasOwn(obj, k)) this.check(target.properties![k], obj[k], [...path, k], out);
    this.others(plain, obj, path, out);
  }

  /** The keys outside the node's properties, as zod's object reports them: after the properties, in the document's order. */
  private others(plain: PlainObject, obj: Record<string, unknown>, path: Path, out: Issue[]): void {
    if (plain.extra === true) return;
    const unknown: string[] = [];
    for (const k of Object.keys(obj)) {
      if (plain.known.has(k)) continue;
      if (plain.extra === false) unknown.push(k);
      else this.check(plain.extra, obj[k], [...path, k], out);
    }
    if (unknown.length) out.push({ code: 'unrecognized_keys', keys: unknown, path, message: '', input: obj } as unknown as Issue);
  }

  private whole(node: JsonSchema, value: unknown, path: Path, out: Issue[]): void {
    const r = this.zodFor(node).safeParse(value);
    if (!r.success) for (const i of r.error.issues) out.push(path.length ? { ...i, path: [...path, ...i.path] } as Issue : i);
    out.push(...conditionIssues(this.json, node, value, path));
  }

  /** The node's zod schema, compiled the first time it is asked for. */
  private zodFor(node: JsonSchema): z.ZodType {
    let schema = this.zods.get(node);
    if (!schema) {
      schema = compileNode(this.json, node);
      this.zods.set(node, schema);
    }
    return schema;
  }

  /** The node as the walk takes it, when it is a plain object and the value one the walk can take: a plain object with
   *  every required key, no key zod handles specially, and every key passing the node's key pattern (when one does
   *  not, zod's own report, with the key marked, is wanted). */
  private walkable(node: JsonSchema, value: unknown): PlainObject | undefined {
    const plain = this.plain(node);
    if (!plain || !value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    for (const k of plain.required) if (!Object.hasOwn(value, k)) return undefined;
    const keys = Object.keys(value);
    for (const k of keys) if (k in Object.prototype) return undefined;
    if (plain.keyPattern) {
      const pattern = this.zodFor(plain.keyPattern);
      for (const k of keys) if (!pattern.safeParse(k).success) return undefined;
    }
    return plain;
  }

  private plain(node: JsonSchema): PlainObject | undefined {
    let p = this.plains.get(node);
    if (p === undefined) {
      p = plainObject(node);
      this.plains.set(node, p);
    }
    return p ?? undefined;
  }
}

function plainObject(node: JsonSchema): PlainObject | typeof NOT_PLAIN {
  // A map (no properties, a schema for every value) is as plain as a record of known keys.
  if (node.type !== 'object' || Object.keys(node).some((k) => !PLAIN_KEYS.has(k))) return NOT_PLAIN;
  const properties = node.properties ?? {};
  const order = Object.keys(properties);
  // zod reads a missing key through the prototype chain, so a property named like one of Object's own is left to zod.
  if (order.some((k) => k in Object.prototype)) return NOT_PLAIN;
  const extra = node.additionalProperties ?? true;
  const names = node.propertyNames as JsonSchema | boolean | undefined;
  if (typeof names === 'boolean' || (names && (Object.keys(names).some((k) => k !== 'type' && k !== 'pattern' && k !== 'minLength' && k !== 'maxLength') || (names.type !== undefined && names.type !== 'string')))) return NOT_PLAIN;
  // zod treats a key pattern without a type as a string pattern.
  const keyPattern = names ? { type: 'string', ...names } : undefined;
  // A required key with a default of its own is filled in by zod when missing, without an issue.
  const required = ((node.required as string[] | undefined) ?? []).filter((k) => Object.hasOwn(properties, k) && properties[k].default === undefined);
  return { order, known: new Set(order), required, extra, keyPattern };
}
