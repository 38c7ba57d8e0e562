// One property over every edit the extension offers (remove or rename a key, the canvasHost migration, the move to a
// free base port, key completion): on generated configs with comments in every slot, the edited text still parses
// (our parser and the json5 package agree on it), its value differs from the original only in the intended member,
// and every comment outside the removed member is still there, once.
// A failure is shrunk to the smallest config that shows it. `npm test` uses a fixed seed and a few hundred runs;
// for a longer search: FC_RUNS=20000 FC_SEED=$RANDOM node --test out/test/unit/edits.property.test.js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import JSON5 from 'json5';
import { memberAt, nodeAt, parseConfig, toValue, type Member, type ObjectNode, type ValueNode } from '../../language-server/src/parse/tree';
import type { TextEdit } from '../../language-server/src/parse/edits';
import { fixFor } from '../../language-server/src/features/code-actions';
import { complete } from '../../language-server/src/features/completion';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = Number(process.env.FC_SEED ?? 1616);
const schema = bundledSchemaInUse();

// ---- generated configs -------------------------------------------------------------------------------------------

type Trivia = 'none' | 'space' | 'block' | 'line';
type Val = { t: 'scalar'; text: string } | { t: 'array'; items: string[]; comment: boolean } | Obj;
interface Mem { key: string; quote: '' | '"' | "'"; before: Trivia; keyColon: Trivia; afterColon: Trivia; beforeComma: Trivia; afterComma: Trivia; value: Val }
interface Obj { t: 'object'; oneLine: boolean; members: Mem[]; trailingComma: boolean; inner: Trivia }

const ROOT_KEYS = ['gateway', 'plugins', 'canvasHost', 'agents', 'browser', 'prot', 'x-y', 'logging'];
const KEYS = ['mode', 'port', 'bind', 'prot', 'enabled', 'entries', 'canvas', 'config', 'host', 'name', 'a b', 'auth'];
const SCALARS = ["'local'", '"loopback"', '18789', '-1.5', '0x1F', 'true', 'false', 'null', "'it''s'".replace("''", "\\'"), '"a // not a comment"', "'/* nor this */'"];

const trivia = fc.constantFrom<Trivia>('none', 'none', 'space', 'block', 'line');
const scalar = fc.constantFrom(...SCALARS).map((text): Val => ({ t: 'scalar', text }));
const array = fc.record({ items: fc.array(fc.constantFrom(...SCALARS), { maxLength: 3 }), comment: fc.boolean() }).map((a): Val => ({ t: 'array', ...a }));

function object(keys: string[], value: fc.Arbitrary<Val>): fc.Arbitrary<Obj> {
  const member = fc.record({
    key: fc.constantFrom(...keys), quote: fc.constantFrom<Mem['quote']>('', '', '"', "'"),
    before: trivia, keyColon: trivia, afterColon: trivia, beforeComma: trivia, afterComma: trivia, value,
  });
  return fc.record({
    oneLine: fc.boolean(),
    members: fc.uniqueArray(member, { selector: (m) => m.key, maxLength: 5 }),
    trailingComma: fc.boolean(),
    inner: trivia,
  }).map((o) => ({ t: 'object', ...o }));
}

const { nested } = fc.letrec<{ nested: Val }>((tie) => ({
  nested: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, array, object(KEYS, tie('nested'))),
}));
const rootObject = object(ROOT_KEYS, fc.oneof(scalar, nested, nested));

/** The text, plus every comment written and the offsets just after a trailing comma (or inside an empty object). */
interface Rendered { text: string; comments: string[]; keySlots: { offset: number; path: string[] }[] }

function render(root: Obj): Rendered {
  let text = '// head\n';
  const comments: string[] = [];
  const keySlots: Rendered['keySlots'] = [];
  const comment = (kind: 'block' | 'line'): string => {
    const c = kind === 'block' ? `/* c${comments.length} */` : `// c${comments.length}`;
    comments.push(c);
    return c;
  };
  // A line comment ends its line, so what follows starts on the next one; in a one-line object it becomes a block one.
  const put = (t: Trivia, oneLine: boolean, indent: string): void => {
    if (t === 'space') text += ' ';
    else if (t === 'block' || (t === 'line' && oneLine)) text += ` ${comment('block')} `;
    else if (t === 'line') text += ` ${comment('line')}\n${indent}`;
  };
  const value = (v: Val, indent: string, path: string[]): void => {
    if (v.t === 'scalar') text += v.text;
    else if (v.t === 'array') text += `[${v.comment ? ` ${comment('block')} ` : ''}${v.items.join(', ')}]`;
    else obj(v, indent, path);
  };
  const obj = (o: Obj, indent: string, path: string[]): void => {
    const inner = o.oneLine ? '' : `${indent}  `;
    const nl = o.oneLine ? ' ' : `\n${inner}`;
    text += '{';
    if (!o.members.length) {
      keySlots.push({ offset: text.length, path });
      put(o.inner, o.oneLine, inner);
      text += o.oneLine ? '}' : `\n${indent}}`;
      return;
    }
    put(o.inner, o.oneLine, inner);
    o.members.forEach((m, i) => {
      text += nl;
      put(m.before, o.oneLine, inner);
      text += m.quote ? `${m.quote}${m.key}${m.quote}` : /^[a-z]+$/i.test(m.key) ? m.key : JSON.stringify(m.key);
      put(m.keyColon, o.oneLine, inner);
      text += ':';
      put(m.afterColon === 'none' ? 'space' : m.afterColon, o.oneLine, inner);
      value(m.value, inner, [...path, m.key]);
      const last = i === o.members.length - 1;
      if (last && !o.trailingComma) return;
      put(m.beforeComma, o.oneLine, inner);
      text += ',';
      if (last) keySlots.push({ offset: text.length, path });
      if (m.afterComma === 'line' && !o.oneLine) text += ` ${comment('line')}`;
      else put(m.afterComma, o.oneLine, inner);
    });
    text += o.oneLine ? ' }' : `\n${indent}}`;
  };
  obj(root, '', []);
  return { text: `${text}\n`, comments, keySlots };
}

const config = rootObject.map(render);

// ---- checking an edit -------------------------------------------------------------------------------------------

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** Parses with the project's parser and with json5, which must agree; returns the value. */
function parsesTo(text: string): unknown {
  const parsed = parseConfig(text);
  assert.equal(parsed.syntaxError, undefined, `the edited config does not parse:\n${text}`);
  const value = toValue(parsed.root!);
  assert.deepEqual(JSON5.parse(text), value, `json5 reads the edited config differently:\n${text}`);
  return value;
}

/** Every comment written is still there exactly once, except those inside `lost` (the removed member). */
function assertCommentsKept(before: Rendered, after: string, lost?: { start: number; end: number }): void {
  for (const c of before.comments) {
    const at = before.text.indexOf(c);
    const inside = lost && at >= lost.start && at < lost.end;
    const count = after.split(c).length - 1;
    // "c1" is also the start of "c10": the count is of exact comments, so the search text includes the closing part.
    const exact = c.startsWith('/*') ? count : after.split(new RegExp(`${c.replace(/[/*]/g, '\\$&')}(?!\\d)`)).length - 1;
    if (inside) assert.ok(exact <= 1, `comment ${c} duplicated`);
    else assert.equal(exact, 1, `comment ${c} lost or duplicated:\n${before.text}\n--->\n${after}`);
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The object at `path` in a plain value (every step exists and is an object in the generated configs). */
function objectAt(value: unknown, path: string[]): Record<string, unknown> {
  return path.reduce((o, k) => o[k] as Record<string, unknown>, value as Record<string, unknown>);
}

/** Sets `path` the way the extension does: through existing objects, creating the missing ones; fails on a non-object. */
function modelSet(value: unknown, path: string[], to: unknown): unknown | undefined {
  const out = clone(value) as Record<string, unknown>;
  let o = out;
  for (let i = 0; i < path.length - 1; i++) {
    const next = o[path[i]];
    if (next === undefined) o[path[i]] = {};
    else if (typeof next !== 'object' || next === null || Array.isArray(next)) return undefined;
    o = o[path[i]] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = to;
  return out;
}

function members(node: ValueNode | undefined, path: string[] = []): { path: string[]; member: Member }[] {
  if (node?.kind !== 'object') return [];
  return node.members.flatMap((m) => [{ path: [...path, m.key], member: m }, ...members(m.value, [...path, m.key])]);
}

function within(edit: TextEdit, node: ObjectNode): void {
  assert.ok(edit.start > node.start && edit.end < node.end, 'the edit reaches outside the object that holds the member');
}

/** A snippet as inserted when every placeholder keeps its default: first choice, default text, empty tab stop. */
function expandSnippet(snippet: string): string {
  const unescape = (s: string) => s.replace(/\\([$}\\,|])/g, '$1');
  const out = snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_m, first: string) => unescape(first))
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_m, def: string) => unescape(def))
    .replace(/(?<!\\)\$\d+/g, '');
  // A value that is only a tab stop is one the user types; `null` stands for it.
  return /:\s*$/.test(out) ? `${out}null` : unescape(out.replace(/\\\$/g, '$'));
}

// ---- the property -----------------------------------------------------------------------------------------------

const FREE_PORT = 19055;

test('every edit the extension offers keeps the config parsing, changes only its member and keeps every other comment', () => {
  fc.assert(
    fc.property(config, fc.nat(), fc.nat(), (c, pick, pick2) => {
      check(c, pick, pick2);
    }),
    { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
  );
});

function check(c: Rendered, pick: number, pick2: number): void {
      const parsed = parseConfig(c.text);
      assert.equal(parsed.syntaxError, undefined, `generated config does not parse:\n${c.text}`);
      const before = toValue(parsed.root!);
      const all = members(parsed.root);

      // Remove and rename, on any member at any depth.
      if (all.length) {
        const { path, member } = all[pick % all.length];
        const holder = nodeAt(parsed.root, path.slice(0, -1)) as ObjectNode;
        const removal = fixFor(parsed, { kind: 'remove-key', path: path.join('.') })!;
        within(removal.edits[0], holder);
        const removed = apply(c.text, removal.edits);
        const expected = clone(before);
        delete objectAt(expected, path.slice(0, -1))[path[path.length - 1]];
        assert.deepEqual(parsesTo(removed), expected);
        assertCommentsKept(c, removed, member);

        const siblings = new Set(holder.members.map((m) => m.key));
        const to = ['port', 'bind', 'mode', 'renamed'].find((k) => !siblings.has(k))!;
        const rename = fixFor(parsed, { kind: 'rename-key', path: path.join('.'), to })!;
        assert.deepEqual([rename.edits[0].start, rename.edits[0].end], [member.keyStart, member.keyEnd]);
        const renamed = apply(c.text, rename.edits);
        const expectedRename = clone(before);
        const parent = objectAt(expectedRename, path.slice(0, -1));
        parent[to] = parent[path[path.length - 1]];
        delete parent[path[path.length - 1]];
        assert.deepEqual(parsesTo(renamed), expectedRename);
        assertCommentsKept(c, renamed);
      }

      // The canvasHost migration.
      const canvas = memberAt(parsed.root, ['canvasHost']);
      if (canvas) {
        const migration = fixFor(parsed, { kind: 'migrate-canvas-host' })!;
        const migrated = apply(c.text, migration.edits);
        const enabledNode = nodeAt(parsed.root, ['canvasHost', 'enabled']);
        const enabled = enabledNode?.kind === 'boolean' ? enabledNode.value : true;
        const withoutCanvas = clone(before) as Record<string, unknown>;
        delete withoutCanvas.canvasHost;
        const expected = modelSet(withoutCanvas, ['plugins', 'entries', 'canvas', 'config', 'host', 'enabled'], enabled);
        assert.equal(migration.title.startsWith('Remove'), expected === undefined, migration.title);
        assert.deepEqual(parsesTo(migrated), expected ?? withoutCanvas);
        assertCommentsKept(c, migrated, canvas);
      }

      // The move to a free base port.
      const move = fixFor(parsed, { kind: 'move-base-port', profile: 'rescue' }, () => FREE_PORT);
      const expectedMove = modelSet(before, ['gateway', 'port'], FREE_PORT);
      assert.equal(move === undefined, expectedMove === undefined);
      if (move) {
        const moved = apply(c.text, move.edits);
        assert.deepEqual(parsesTo(moved), expectedMove);
        // The old port value is replaced whole, and a comment inside it (`port: [ /* c */ ]`) with it.
        assertCommentsKept(c, moved, nodeAt(parsed.root, ['gateway', 'port']));
      }

      // Key completion where a key may be typed: after a trailing comma, or in an empty object.
      if (c.keySlots.length) {
        const slot = c.keySlots[pick2 % c.keySlots.length];
        const items = complete(c.text, slot.offset, schema);
        if (items.length) {
          const item = items[pick % items.length];
          const edit = item.textEdit as { range: { start: unknown; end: unknown }; newText: string };
          assert.deepEqual(edit.range.start, edit.range.end, 'a key completion at a fresh slot replaces nothing');
          const completed = c.text.slice(0, slot.offset) + expandSnippet(edit.newText) + c.text.slice(slot.offset);
          const after = parsesTo(completed);
          const added = objectAt(after, slot.path);
          assert.ok(item.label in added, `completion of "${item.label}" did not add it:\n${completed}`);
          delete added[item.label as string];
          assert.deepEqual(after, before);
          assertCommentsKept(c, completed);
        }
      }
}

test('the generated configs do hold comments in every slot, one-line objects and completion slots', () => {
  // Guards the generator: a property over configs without comments would prove nothing about them.
  const seen = { block: 0, line: 0, oneLine: 0, slots: 0, beforeComma: 0 };
  fc.assert(
    fc.property(config, (c) => {
      seen.block += c.comments.filter((x) => x.startsWith('/*')).length;
      seen.line += c.comments.filter((x) => x.startsWith('//')).length;
      seen.oneLine += /\{ [^\n]*,[^\n]* \}/.test(c.text) ? 1 : 0;
      seen.slots += c.keySlots.length;
      seen.beforeComma += /\*\/ ,/.test(c.text) ? 1 : 0;
    }),
    { seed: SEED, numRuns: 200 },
  );
  for (const [k, n] of Object.entries(seen)) assert.ok(n > 20, `${k}: ${n}`);
});
