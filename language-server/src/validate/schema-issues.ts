// zod issues -> diagnostics on the narrowest node: an unknown key on the key itself, a wrong value on the value,
// a missing key on the key of the object that lacks it.
import type { z } from 'zod';
import { dotPath, memberAt, nodeAt, type Segment, type ValueNode } from '../parse/tree';
import { ruleParamsOf, type ConditionParams } from '../schema/conditions';
import { propertiesAt, type JsonSchema } from '../schema/json-schema';
import type { ConfigDiagnostic } from './diagnostic';
import { closest } from './suggest';
import { t } from '../l10n';

type Issue = z.core.$ZodIssue;

export function schemaDiagnostics(root: ValueNode, issues: readonly Issue[], json: JsonSchema, skipKeys: Set<string>): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  for (const issue of issues) toDiagnostics(root, issue, json, skipKeys, out);
  return out;
}

function toDiagnostics(root: ValueNode, issue: Issue, json: JsonSchema, skipKeys: Set<string>, out: ConfigDiagnostic[]): void {
  const path = issue.path.filter((p): p is Segment => typeof p === 'string' || typeof p === 'number');
  if (issue.code === 'unrecognized_keys') {
    const known = [...propertiesAt(json, path).keys()];
    const where = path.length ? `"${dotPath(path)}"` : t('the top level');
    for (const key of issue.keys) {
      const keyPath = [...path, key];
      const dp = dotPath(keyPath);
      if (skipKeys.has(dp)) continue;
      const member = memberAt(root, keyPath);
      const suggestion = closest(key, known.includes(key) ? known.filter((k) => k !== key) : known);
      out.push({
        severity: 'error',
        code: 'unknown-key',
        message: t('Unknown key "{0}" in {1}: OpenClaw rejects the whole config.', key, where) + (suggestion ? ` ${t('Did you mean "{0}"?', suggestion)}` : ''),
        path: dp,
        start: member?.keyStart ?? 0,
        end: member?.keyEnd ?? 0,
        fixes: [
          ...(suggestion ? [{ kind: 'rename-key' as const, path: dp, to: suggestion }] : []),
          { kind: 'remove-key' as const, path: dp },
        ],
      });
    }
    return;
  }
  if (issue.code === 'invalid_union') {
    const live = soleLiveBranch(issue);
    if (live) { for (const i of live) toDiagnostics(root, i, json, skipKeys, out); return; }
    const flat = flattenUnion(issue);
    if (flat) {
      const from = out.length;
      toDiagnostics(root, flat, json, skipKeys, out);
      // OpenClaw reports a union that no branch fits on the union itself; the furthest branch only words it.
      for (let i = from; i < out.length; i++) out[i].path = dotPath(path);
      return;
    }
  }
  const node = nodeAt(root, path);
  // A record key the schema refuses is wrong as a key: marked on the key, as an unknown key is. A broken rule
  // between settings is marked on the key of the object holding them, not over the whole object.
  const key = issue.code === 'invalid_key' || ruleParamsOf(issue) ? memberAt(root, path) : undefined;
  const { start, end } = key ? { start: key.keyStart, end: key.keyEnd } : node ? { start: node.start, end: node.end } : missingRange(root, path);
  // OpenClaw reports a repeated item on the array; the squiggle stays on the item that repeats.
  const reported = repeatOf(issue) ? path.slice(0, -1) : path;
  out.push({ severity: 'error', code: codeOf(issue), message: messageOf(issue, path, node), path: dotPath(reported), start, end });
}

/** zod's union rule, which OpenClaw's schema follows: when exactly one branch failed only on checks that let
 *  parsing go on (a pattern, a range, an unknown key), the union reports that branch's issues as its own. A CLI
 *  schema's oneOf becomes z.xor, which lacks the rule, so it is applied here; nested unions resolve first. */
function soleLiveBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const live: Issue[][] = [];
  for (const branch of issue.errors ?? []) {
    const issues: Issue[] = [];
    let aborted = false;
    for (const inner of branch) {
      const full = { ...inner, path: [...issue.path, ...inner.path] } as Issue;
      const resolved = full.code === 'invalid_union' ? soleLiveBranch(full) : undefined;
      if (resolved) issues.push(...resolved);
      else { issues.push(full); aborted ||= stopsRefinements(full); }
    }
    if (!aborted) live.push(issues);
  }
  return live.length === 1 ? live[0] : undefined;
}

/** A union whose branches all failed on a literal collapses into one "allowed: ..." issue; otherwise the branch
 *  that got furthest into the value speaks for the union (none does when every branch failed at the value itself,
 *  wrong types included). */
function flattenUnion(issue: Extract<Issue, { code: 'invalid_union' }>): Issue | undefined {
  const branches = issue.errors ?? [];
  if (!branches.length) return undefined;
  const literals: unknown[] = [];
  const allLiteral = branches.every((b) => b.length === 1 && b[0].code === 'invalid_value' && b[0].path.length === 0 && (literals.push(...b[0].values), true));
  if (allLiteral) return { code: 'invalid_value', values: literals as z.core.util.Primitive[], path: issue.path, message: '', input: undefined } as Issue;
  let best: Issue[] | undefined;
  let bestDepth = -1;
  for (const b of branches) {
    const depth = Math.max(...b.map((i) => i.path.length));
    if (depth > bestDepth || (depth === bestDepth && best && b.length < best.length)) { best = b; bestDepth = depth; }
  }
  if (!best || bestDepth === 0) return undefined;
  const first = best[0];
  return { ...first, path: [...issue.path, ...first.path] } as Issue;
}

/** zod skips the refinements of every object that encloses an issue of these kinds (a wrong type or value, a bad
 *  record key); unknown keys and failed range or format checks let them run. OpenClaw's cross-field rules are such
 *  refinements, so ours stand down in the same places. */
export function stopsRefinements(issue: Issue): boolean {
  return issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union' || issue.code === 'invalid_key' ||
    // The operator stays above: Stryker reads a directive only as the leading comment of the operand.
    // Stryker disable next-line ConditionalExpression: zod reports invalid_element for maps and sets only, and a schema built from JSON Schema has none.
    issue.code === 'invalid_element';
}

function missingRange(root: ValueNode, path: Segment[]): { start: number; end: number } {
  for (let i = path.length; i > 0; i--) {
    const m = memberAt(root, path.slice(0, i));
    if (m) return { start: m.keyStart, end: m.keyEnd };
  }
  return { start: root.start, end: Math.min(root.end, root.start + 1) };
}

/** zod's uniqueItems issue, which it gives only in English words, at the repeated item. */
function repeatOf(issue: Issue): { index: string; first: string } | undefined {
  const m = issue.code === 'custom' ? /^Array items must be unique: element at index (\d+) duplicates the one at index (\d+)$/.exec(issue.message) : null;
  return m ? { index: m[1], first: m[2] } : undefined;
}

function codeOf(issue: Issue): string {
  if (ruleParamsOf(issue)) return 'settings-rule';
  if (repeatOf(issue)) return 'repeated-item';
  switch (issue.code) {
    case 'invalid_type': return 'invalid-type';
    case 'invalid_value': return 'invalid-value';
    case 'too_big': case 'too_small': return 'out-of-range';
    case 'invalid_format': case 'invalid_string' as string: return 'invalid-format';
    default: return 'schema';
  }
}

function messageOf(issue: Issue, path: Segment[], node: ValueNode | undefined): string {
  const at = path.length ? `"${dotPath(path)}"` : t('The config');
  const rule = ruleParamsOf(issue);
  if (rule) return ruleMessage(rule, at, issue.input);
  const repeat = repeatOf(issue);
  if (repeat) return t('Item {1} of {0} repeats item {2}; each item may appear only once.', `"${dotPath(path.slice(0, -1))}"`, repeat.index, repeat.first);
  switch (issue.code) {
    case 'invalid_type':
      if (!node) return t('{0} is required.', at);
      return t('{0} must be {1}, not {2}.', at, article(issue.expected), describe(node));
    case 'invalid_value':
      return t('{0} must be one of: {1}.', at, issue.values.map((v) => JSON.stringify(v)).join(', '));
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return issue.maximum === 1 ? t('{0} must be at most 1 character long.', at) : t('{0} must be at most {1} characters long.', at, max);
      if (issue.origin === 'array') return issue.maximum === 1 ? t('{0} must have at most 1 item.', at) : t('{0} must have at most {1} items.', at, max);
      if (issue.origin === 'object') return issue.maximum === 1 ? t('{0} must have at most 1 key.', at) : t('{0} must have at most {1} keys.', at, max);
      // exclusiveMaximum: the bound itself is out.
      return issue.inclusive === false ? t('{0} must be less than {1}.', at, max) : t('{0} must be at most {1}.', at, max);
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? t('{0} must be at least 1 character long.', at) : t('{0} must be at least {1} characters long.', at, min);
      if (issue.origin === 'array') return issue.minimum === 1 ? t('{0} must have at least 1 item.', at) : t('{0} must have at least {1} items.', at, min);
      if (issue.origin === 'object') return issue.minimum === 1 ? t('{0} must have at least 1 key.', at) : t('{0} must have at least {1} keys.', at, min);
      return issue.inclusive === false ? t('{0} must be more than {1}.', at, min) : t('{0} must be at least {1}.', at, min);
    }
    case 'invalid_format': {
      const expected = issue.pattern || issue.format;
      return expected ? t('{0} does not match the expected format ({1}).', at, expected) : t('{0} does not match the expected format.', at);
    }
    case 'not_multiple_of':
      return t('{0} must be a multiple of {1}.', at, String(issue.divisor));
    case 'invalid_union':
      // A oneOf the value fits more than once: zod then lists which branches matched, and no branch errors.
      if (issue.inclusive === false) return t('{0} matches more than one of the allowed shapes; exactly one must match.', at);
      return t('{0} matches none of the allowed shapes.', at);
    case 'invalid_key':
      return t('{0} has a key that is not allowed here.', at);
    default:
      // zod's own words for the rare issue kinds, which it only has in English.
      return `${at}: ${issue.message}`;
  }
}

/** A broken rule in words: the keys it asks for, or the values it refuses together, when the rule is that simple. */
function ruleMessage(rule: ConditionParams, at: string, input: unknown): string {
  const keys = (s: unknown) => (s && typeof s === 'object' && Array.isArray((s as JsonSchema).required) ? (s as JsonSchema).required as string[] : undefined);
  const quoted = (xs: string[]) => xs.map((k) => `"${k}"`).join(', ');
  if (rule.rule === 'not') {
    const pairs = constPairs(rule.condition, []);
    return pairs?.length ? t('{0} cannot have all of these at once: {1}.', at, pairs.join(', ')) : t('{0} has a combination of values that OpenClaw does not allow.', at);
  }
  const given = keys(rule.condition);
  const needed = keys(rule.required)?.filter((k) => !(input && typeof input === 'object' && Object.hasOwn(input, k)));
  if (rule.rule === 'then' && given && needed?.length) return t('{0} needs {1} when it has {2}.', at, quoted(needed), quoted(given));
  return t('{0} does not meet a rule that ties its settings together.', at);
}

/** `key: value` for every value a schema of required keys and constants pins, or undefined when it says more. */
function constPairs(s: unknown, prefix: string[]): string[] | undefined {
  if (!s || typeof s !== 'object') return undefined;
  const schema = s as JsonSchema;
  if ('const' in schema) return Object.keys(schema).every((k) => k === 'const' || k === 'type') ? [`${prefix.join('.')}: ${JSON.stringify(schema.const)}`] : undefined;
  const required = (schema.required as string[] | undefined) ?? [];
  const props = schema.properties ?? {};
  if (Object.keys(schema).some((k) => k !== 'required' && k !== 'properties' && k !== 'type') || !Object.keys(props).every((k) => required.includes(k))) return undefined;
  const out: string[] = [];
  for (const [k, sub] of Object.entries(props)) {
    const inner = constPairs(sub, [...prefix, k]);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

function describe(node: ValueNode): string {
  if (node.kind === 'number' && Number.isInteger(node.value)) return article('integer');
  // Infinity and NaN are JSON5 numbers that no numeric field accepts: "a number" would contradict the message.
  if (node.kind === 'number' && !Number.isFinite(node.value)) return String(node.value);
  return article(node.kind);
}

/** A JSON type with its article, as a whole phrase per type so each language gives it its own article. */
function article(type: string): string {
  switch (type === 'int' ? 'integer' : type) {
    case 'string': return t('a string');
    case 'number': return t('a number');
    case 'integer': return t('an integer');
    case 'boolean': return t('a boolean');
    case 'object': return t('an object');
    case 'array': return t('an array');
    case 'null': return t('null');
    // zod's rarer type names (bigint, date, …) stay as zod spells them.
    default: return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
  }
}
