// Configs generated from the schema itself, so every section is exercised, not only the ones someone thought of:
// for each top-level section and for each plugin's and channel's own schema, one unknown key, one wrong type, one
// value outside an enum or pattern, one string in no valid format (a URI, an email, a time), one value just past a
// bound (a number, a length, a count), one object without a key it requires, one record key its pattern refuses,
// and one valid config. Cases of one kind from different sections share a config file (the CLI takes over a second
// per file), and each keeps its own place in it.
import type { JsonSchema } from '../../language-server/src/schema/json-schema';

export type CaseKind = 'unknown-key' | 'wrong-type' | 'wrong-enum-or-pattern' | 'wrong-format' | 'out-of-range' | 'missing-required' | 'bad-key' | 'valid';
export const CASE_KINDS: CaseKind[] = ['unknown-key', 'wrong-type', 'wrong-enum-or-pattern', 'wrong-format', 'out-of-range', 'missing-required', 'bad-key', 'valid'];

/** Where a schema sits in a config: a top-level section, or the schema of one plugin or channel. */
export interface Subject { name: string; path: string[]; schema: JsonSchema }
export interface Case { subject: string; kind: CaseKind; config: Record<string, unknown>; at?: string }
export interface CorpusFile { name: string; kind: CaseKind; cases: Case[]; config: Record<string, unknown> }

type Step = { key: string | number; schema: JsonSchema };

const KEY_CANDIDATES = ['main', 'default', 'a', 'x1', 'work', 'a-b', 'A', '1', 'abc123', 'test.example.com', 'x:y', '+15555550123', 'en'];
const STRING_CANDIDATES = ['a', 'main', 'x', 'default', 'http://127.0.0.1:1234', 'abc123', 'A', '1', '00:00', 'en', 'a-b', '/tmp/x', '1s', 'ABC', '10mb', 'sk-1', 'a@b.c', '+15555550123'];
const NOT_MATCHING = ['!!! not valid !!!', ' ', 'zz', '0', 'a', ''];

export class CorpusBuilder {
  constructor(private readonly root: JsonSchema) {}

  subjects(): Subject[] {
    const out: Subject[] = [];
    for (const [key, schema] of Object.entries(this.root.properties ?? {})) out.push({ name: key, path: [key], schema });
    const plugins = this.resolve(this.root.properties?.plugins);
    const entries = this.resolve(plugins?.properties?.entries);
    for (const [id, entry] of Object.entries(entries?.properties ?? {})) {
      const config = this.resolve(entry)?.properties?.config;
      if (config) out.push({ name: `plugin ${id}`, path: ['plugins', 'entries', id, 'config'], schema: config });
    }
    const channels = this.resolve(this.root.properties?.channels);
    for (const [id, schema] of Object.entries(channels?.properties ?? {})) {
      if (id !== 'defaults' && id !== 'modelByChannel') out.push({ name: `channel ${id}`, path: ['channels', id], schema });
    }
    return out;
  }

  caseFor(subject: Subject, kind: CaseKind): Case | undefined {
    const base = this.minimal(subject.schema, 0);
    if (base === undefined) return undefined;
    if (kind === 'valid') return { subject: subject.name, kind, config: this.wrap(subject.path, base) };
    const found = this.find(subject.schema, kind, subject.path.length > 1);
    if (!found) return undefined;
    const value = structuredClone(base);
    const { steps, leaf } = found;
    if (!steps.length) return { subject: subject.name, kind, config: this.wrap(subject.path, leaf), at: subject.path.join('.') };
    let container = value as Record<string | number, unknown>;
    for (let i = 0; i < steps.length - 1; i++) {
      const { key, schema } = steps[i];
      const existing = container[key];
      const made = existing && typeof existing === 'object' ? existing : this.minimal(schema, 0);
      if (!made || typeof made !== 'object') return undefined;
      container[key] = made;
      container = made as Record<string | number, unknown>;
    }
    container[steps[steps.length - 1].key] = leaf;
    return { subject: subject.name, kind, config: this.wrap(subject.path, value), at: [...subject.path, ...steps.map((s) => s.key)].join('.') };
  }

  /** Cases of one kind, at most `perFile` to a file. OpenClaw checks plugin and channel configs against their own
   *  schemas only once the core schema passed, so those cases never share a file with core cases; core cases share
   *  a file only across different top-level sections. Subjects in `alone` get a file each. */
  files(perFile = 6, alone: ReadonlySet<string> = new Set()): CorpusFile[] {
    const files: CorpusFile[] = [];
    const laneOf = (c: Case) => (/^(plugins\.entries\.[^.]+\.config|channels\.(?!(?:defaults|modelByChannel)(?:\.|$))[^.]+)(\.|$)/.test(c.at ?? Object.keys(c.config)[0]) || c.subject.includes(' ') ? 'plugin-or-channel' : 'core');
    for (const kind of CASE_KINDS) {
      const open: CorpusFile[] = [];
      for (const subject of this.subjects()) {
        const c = this.caseFor(subject, kind);
        if (!c) continue;
        const top = subject.path[0];
        const lane = laneOf(c);
        let file = alone.has(subject.name) ? undefined : open.find((f) => f.cases.length < perFile && !f.cases.some((x) => alone.has(x.subject))
          && f.cases.every((x) => laneOf(x) === lane) && (lane !== 'core' || !f.cases.some((x) => Object.keys(x.config)[0] === top)));
        if (!file) {
          file = { name: `${kind}-${String(files.length + open.length).padStart(3, '0')}.json`, kind, cases: [], config: {} };
          open.push(file);
        }
        file.cases.push(c);
        merge(file.config, c.config);
      }
      files.push(...open);
    }
    return files;
  }

  wrap(path: string[], value: unknown): Record<string, unknown> {
    let out: unknown = value;
    for (let i = path.length - 1; i >= 0; i--) out = { [path[i]]: out };
    return out as Record<string, unknown>;
  }

  resolve(s: JsonSchema | boolean | undefined): JsonSchema | undefined {
    let cur = s;
    for (let hops = 0; cur && cur !== true && typeof cur.$ref === 'string' && hops < 16; hops++) {
      cur = (this.root.definitions as Record<string, JsonSchema>)[cur.$ref.split('/').pop()!];
    }
    return cur && cur !== true ? cur : undefined;
  }

  /** The alternatives a value may take here, objects first so a path can go through them. */
  private branches(s: JsonSchema | undefined): JsonSchema[] {
    const r = this.resolve(s);
    if (!r) return [];
    const alts = r.anyOf ?? r.oneOf;
    if (!alts) return [r];
    return alts.flatMap((a) => this.branches(a));
  }

  private typeOf(s: JsonSchema): string | undefined {
    if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
    return s.type ?? (s.properties ? 'object' : undefined);
  }

  /** The smallest value the schema accepts, as far as this can tell; undefined when it cannot make one. */
  minimal(s: JsonSchema | undefined, depth: number): unknown {
    if (depth > 12) return undefined;
    for (const b of this.branches(s)) {
      const v = this.minimalOf(b, depth);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  private minimalOf(s: JsonSchema, depth: number): unknown {
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return s.enum[0];
    if (s.allOf) return this.minimal(s.allOf[0], depth + 1);
    switch (this.typeOf(s)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const key of (s.required as string[] | undefined) ?? []) {
          const v = this.minimal(s.properties?.[key] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined), depth + 1);
          if (v === undefined) return undefined;
          out[key] = v;
        }
        const min = typeof s.minProperties === 'number' ? s.minProperties : 0;
        for (let i = Object.keys(out).length; i < min; i++) {
          const key = this.keyFor(s);
          const v = key === undefined ? undefined : this.minimal(this.childSchema(s, key), depth + 1);
          if (key === undefined || v === undefined) return undefined;
          out[key] = v;
        }
        return out;
      }
      case 'array': {
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        if (!min) return [];
        const item = this.minimal(Array.isArray(s.items) ? s.items[0] : s.items, depth + 1);
        return item === undefined ? undefined : Array.from({ length: min }, () => structuredClone(item));
      }
      case 'string': return this.stringFor(s);
      case 'integer': case 'number': {
        if (typeof s.minimum === 'number') return s.minimum;
        if (typeof s.exclusiveMinimum === 'number') return Math.floor(s.exclusiveMinimum) + 1;
        return typeof s.maximum === 'number' && s.maximum < 0 ? s.maximum : 1;
      }
      case 'boolean': return false;
      case 'null': return null;
      default: return s.type === undefined && !s.anyOf ? {} : undefined;
    }
  }

  /** A value just past one of the node's bounds: a number, a string's length, an array's or object's count. */
  private outOfRange(s: JsonSchema, type: string | undefined): { value: unknown } | undefined {
    const n = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
    if (type === 'integer' || type === 'number') {
      const below = n('minimum') !== undefined ? n('minimum')! - 1 : n('exclusiveMinimum');
      if (below !== undefined && Number.isSafeInteger(Math.ceil(below))) return { value: type === 'integer' ? Math.floor(below) : below };
      const above = n('maximum') !== undefined ? n('maximum')! + 1 : n('exclusiveMaximum');
      // The largest safe integer is zod's bound for every int; one past it is not a value JSON carries exactly.
      if (above !== undefined && Number.isSafeInteger(Math.ceil(above))) return { value: type === 'integer' ? Math.ceil(above) : above };
      return undefined;
    }
    if (type === 'string') {
      if (n('minLength')) return { value: 'a'.repeat(n('minLength')! - 1) };
      if (n('maxLength') !== undefined && n('maxLength')! < 4096) return { value: 'a'.repeat(n('maxLength')! + 1) };
      return undefined;
    }
    if (type === 'array') {
      if (n('minItems')) return { value: [] };
      const item = n('maxItems') !== undefined && !Array.isArray(s.items) ? this.minimal(s.items as JsonSchema | undefined, 0) : undefined;
      return item === undefined || s.uniqueItems ? undefined : { value: Array.from({ length: n('maxItems')! + 1 }, () => structuredClone(item)) };
    }
    if (type === 'object' && n('minProperties')) return { value: {} };
    return undefined;
  }

  private stringFor(s: JsonSchema): string | undefined {
    const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
    const maxLength = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
    const re = typeof s.pattern === 'string' ? safe(s.pattern) : undefined;
    if (typeof s.pattern === 'string' && !re) return undefined;
    for (const c of [...STRING_CANDIDATES, 'a'.repeat(Math.max(1, minLength))]) {
      if (c.length >= minLength && c.length <= maxLength && (!re || re.test(c))) return c;
    }
    return undefined;
  }

  private keyFor(s: JsonSchema): string | undefined {
    const names = this.resolve(s.propertyNames as JsonSchema | undefined);
    return KEY_CANDIDATES.find((k) => {
      if (s.properties?.[k]) return false;
      if (names && typeof names.pattern === 'string' && !safe(names.pattern)?.test(k)) return false;
      if (names && typeof names.minLength === 'number' && k.length < names.minLength) return false;
      if (names?.enum && !names.enum.includes(k)) return false;
      const patterns = Object.keys(s.patternProperties ?? {});
      if (patterns.length && s.additionalProperties === false) return patterns.some((p) => safe(p)?.test(k));
      return true;
    });
  }

  private childSchema(s: JsonSchema, key: string): JsonSchema | undefined {
    if (s.properties?.[key]) return s.properties[key];
    for (const [p, sub] of Object.entries(s.patternProperties ?? {})) if (safe(p)?.test(key)) return sub;
    return typeof s.additionalProperties === 'object' ? s.additionalProperties : s.additionalProperties === false ? undefined : {};
  }

  /** Breadth first, so the case sits as high in the section as the kind allows. */
  private find(schema: JsonSchema, kind: Exclude<CaseKind, 'valid'>, pluginOrChannel: boolean): { steps: Step[]; leaf: unknown } | undefined {
    let level: { schema: JsonSchema; steps: Step[] }[] = [{ schema, steps: [] }];
    for (let depth = 0; depth < 7 && level.length; depth++) {
      const next: typeof level = [];
      for (const { schema: s, steps } of level) {
        const branches = this.branches(s);
        const leaf = branches.length === 1 ? this.leafFor(branches[0], kind) : this.unionLeafFor(branches, kind);
        if (leaf) return { steps: leaf.key === undefined ? steps : [...steps, { key: leaf.key, schema: branches[0] }], leaf: leaf.value };
        const object = branches.find((b) => this.typeOf(b) === 'object');
        if (object && branches.length === 1) {
          for (const [key, sub] of Object.entries(object.properties ?? {})) next.push({ schema: sub, steps: [...steps, { key, schema: sub }] });
          const key = object.additionalProperties !== false || object.patternProperties ? this.keyFor(object) : undefined;
          const sub = key === undefined ? undefined : this.childSchema(object, key);
          if (key !== undefined && sub && Object.keys(sub).length) next.push({ schema: sub, steps: [...steps, { key, schema: sub }] });
        }
        const array = branches.length === 1 && this.typeOf(branches[0]) === 'array' ? branches[0] : undefined;
        const items = array && !Array.isArray(array.items) ? array.items : undefined;
        if (items && (array!.maxItems === undefined || (array!.maxItems as number) > 0)) next.push({ schema: items, steps: [...steps, { key: 0, schema: items }] });
      }
      level = next;
    }
    // Nothing scalar inside (a list of unions, say): the section itself in a type it never takes.
    return kind === 'wrong-type' && !pluginOrChannel && this.branches(schema).every((b) => ['object', 'array'].includes(this.typeOf(b) ?? '')) ? { steps: [], leaf: 12345 } : undefined;
  }

  /** A union of scalars: a string none of its literals is, or a value of a type none of its branches takes. */
  private unionLeafFor(branches: JsonSchema[], kind: Exclude<CaseKind, 'valid'>): { key?: string; value: unknown } | undefined {
    if (!branches.length) return undefined;
    const literals = branches.every((b) => ('const' in b && typeof b.const === 'string') || (Array.isArray(b.enum) && b.enum.every((v) => typeof v === 'string')));
    if (kind === 'wrong-enum-or-pattern') return literals ? { value: 'zz-not-an-option' } : undefined;
    if (kind !== 'wrong-type') return undefined;
    const types = new Set<string>();
    for (const b of branches) {
      const t = 'const' in b ? typeof b.const : Array.isArray(b.enum) ? typeof b.enum[0] : Array.isArray(b.type) ? undefined : b.type;
      if (!t || !['string', 'number', 'integer', 'boolean', 'null'].includes(t)) return undefined;
      types.add(t === 'integer' ? 'number' : t);
    }
    if (!types.has('boolean')) return { value: true };
    if (!types.has('number')) return { value: 12345 };
    if (!types.has('string')) return { value: 'not-a-value' };
    return undefined;
  }

  /** The bad value (and, for an unknown key, the key under the object) this schema node can carry for the kind. */
  private leafFor(s: JsonSchema, kind: Exclude<CaseKind, 'valid'>): { key?: string; value: unknown } | undefined {
    const type = this.typeOf(s);
    if (kind === 'unknown-key') {
      if (type !== 'object' || s.additionalProperties !== false || s.patternProperties) return undefined;
      const base = this.minimal(s, 0);
      return base && typeof base === 'object' ? { value: { ...(base as object), zzUnknownKey: 1 } } : undefined;
    }
    if (kind === 'missing-required') {
      if (type !== 'object') return undefined;
      const key = ((s.required as string[] | undefined) ?? []).find((k) => s.properties?.[k] && s.properties[k].default === undefined);
      const base = key === undefined ? undefined : this.minimal(s, 0);
      if (!base || typeof base !== 'object') return undefined;
      const value = { ...(base as Record<string, unknown>) };
      delete value[key!];
      return { value };
    }
    if (kind === 'bad-key') {
      // A record whose keys have a pattern: one key that breaks it, with a value the record takes.
      const names = this.resolve(s.propertyNames as JsonSchema | undefined);
      const re = type === 'object' && typeof names?.pattern === 'string' && typeof s.additionalProperties === 'object' ? safe(names.pattern) : undefined;
      // OpenClaw prints paths trimmed, so a key with spaces at its ends would read as another key.
      const key = re && NOT_MATCHING.find((k) => k && k.trim() === k && !re.test(k));
      const value = key === undefined ? undefined : this.minimal(s.additionalProperties as JsonSchema, 0);
      return value === undefined ? undefined : { value: { [key!]: value } };
    }
    if (kind === 'wrong-format') return type === 'string' && typeof s.format === 'string' && !s.pattern && !Array.isArray(s.type) ? { value: 'not :: a valid one' } : undefined;
    if (kind === 'out-of-range') return Array.isArray(s.type) || s.enum || 'const' in s ? undefined : this.outOfRange(s, type);
    if (kind === 'wrong-type') {
      if (Array.isArray(s.type) || s.enum || 'const' in s) return undefined;
      if (type === 'string') return { value: 12345 };
      if (type === 'integer' || type === 'number') return { value: 'not-a-number' };
      if (type === 'boolean') return { value: 'yes' };
      return undefined;
    }
    if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string') && !Array.isArray(s.type)) return { value: 'zz-not-an-option' };
    if (type === 'string' && typeof s.pattern === 'string' && !Array.isArray(s.type)) {
      const re = safe(s.pattern);
      const bad = re ? NOT_MATCHING.find((c) => !re.test(c) && c.length >= ((s.minLength as number) ?? 0)) : undefined;
      return bad === undefined ? undefined : { value: bad };
    }
    return undefined;
  }
}

function safe(pattern: string): RegExp | undefined {
  try { return new RegExp(pattern, 'u'); } catch { try { return new RegExp(pattern); } catch { return undefined; } }
}

function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (cur && v && typeof cur === 'object' && typeof v === 'object' && !Array.isArray(cur) && !Array.isArray(v)) merge(cur as Record<string, unknown>, v as Record<string, unknown>);
    else into[k] = structuredClone(v);
  }
}
