// What OpenClaw enforces outside its JSON Schema: retired keys, refinements, duplicate keys and the
// start-up requirement on gateway.mode.
import { dotPath, memberAt, memberOf, nodeAt, type DuplicateKey, type Member, type ObjectNode, type ValueNode } from '../parse/tree';
import { BUILT_IN_PROVIDER_IDS } from '../schema/bundled-providers';
import type { ConfigDiagnostic } from './diagnostic';
import { t } from '../l10n';

/** `message` is a function: it is worded when shown, after the display language's bundle is loaded. */
export interface RetiredKey { path: string; message: () => string; fix: ConfigDiagnostic['fixes'] }

export const RETIRED_KEYS: RetiredKey[] = [
  {
    path: 'canvasHost',
    message: () => t('"canvasHost" was retired in OpenClaw 2026.8.1: the canvas is now served on the gateway port and switched by "plugins.entries.canvas.config.host.enabled". OpenClaw rejects this key.'),
    fix: [{ kind: 'migrate-canvas-host' }],
  },
  {
    path: 'browser.controlPort',
    message: () => t('"browser.controlPort" was retired: the browser control port is always gateway.port + 2. OpenClaw rejects this key.'),
    fix: [{ kind: 'remove-key', path: 'browser.controlPort' }],
  },
];

export function retiredKeyDiagnostics(root: ValueNode): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  for (const r of RETIRED_KEYS) {
    const m = memberAt(root, r.path.split('.'));
    if (m) out.push({ severity: 'error', code: 'retired-key', message: r.message(), path: r.path, start: m.keyStart, end: m.keyEnd, fixes: r.fix });
  }
  return out;
}

export function duplicateKeyDiagnostics(dups: DuplicateKey[]): ConfigDiagnostic[] {
  return dups.map((d) => ({
    severity: 'warning' as const,
    code: 'duplicate-key',
    message: t('"{0}" appears again later in this object; OpenClaw keeps only the last one, so this value is ignored.', d.member.key),
    path: dotPath(d.path),
    start: d.member.keyStart,
    end: d.member.keyEnd,
    fixes: [],
  }));
}

const DRIVERS_WITHOUT_PORT = new Set(['existing-session', 'extension']);

/** Says whether OpenClaw's own checks of the object at a path are skipped: zod runs an object's refinements only
 *  when nothing inside it had a wrong type or value, so reporting them anyway would disagree with the CLI. */
export type RefinementsSkipped = (path: readonly string[]) => boolean;

/** The plain value of a member as OpenClaw sees it (scalars only; objects and arrays count as present). */
function scalarOf(obj: ObjectNode, key: string): unknown {
  const v = memberOf(obj, key)?.value;
  if (!v) return undefined;
  return v.kind === 'object' || v.kind === 'array' ? true : v.value;
}

/** Members that survive duplicate keys, in the order OpenClaw's parsed object lists them (first occurrence). */
function winners(obj: ObjectNode): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of obj.members) {
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    out.push(memberOf(obj, m.key)!);
  }
  return out;
}

/** OpenClaw's normalizeAgentId: ids that differ only in case (or in characters it rewrites) name one agent. */
function agentIdOf(key: string): string {
  const trimmed = key.trim();
  const lower = trimmed.toLowerCase();
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(trimmed)) return lower;
  return lower.replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').replace(/-+$/, '').slice(0, 64) || 'main';
}

export function refinementDiagnostics(root: ValueNode, skipped: RefinementsSkipped = () => false): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  const profiles = nodeAt(root, ['browser', 'profiles']);
  if (profiles?.kind === 'object') {
    for (const m of winners(profiles)) {
      if (m.value.kind !== 'object' || skipped(['browser', 'profiles', m.key])) continue;
      const profile = m.value;
      const path = `browser.profiles.${m.key}`;
      const driver = scalarOf(profile, 'driver');
      // Truthiness, as OpenClaw tests it: cdpPort 0 and cdpUrl "" count as unset.
      if (!DRIVERS_WITHOUT_PORT.has(driver as string) && !scalarOf(profile, 'cdpPort') && !scalarOf(profile, 'cdpUrl')) {
        out.push({
          severity: 'error', code: 'browser-profile-needs-cdp',
          message: t('Browser profile "{0}" must set cdpPort or cdpUrl (only the "existing-session" and "extension" drivers need neither).', m.key),
          path, start: m.keyStart, end: m.keyEnd,
        });
      }
      const userDataDir = memberOf(profile, 'userDataDir');
      if (driver !== 'existing-session' && scalarOf(profile, 'userDataDir')) {
        out.push({
          severity: 'error', code: 'browser-profile-user-data-dir',
          message: t('Browser profile "{0}": userDataDir is only used with the "existing-session" driver.', m.key),
          path, start: userDataDir!.keyStart, end: userDataDir!.keyEnd,
        });
      }
      const cdpUrl = memberOf(profile, 'cdpUrl');
      if (driver === 'extension' && scalarOf(profile, 'cdpUrl')) {
        out.push({
          severity: 'error', code: 'browser-profile-extension-cdp-url',
          message: t('Browser profile "{0}": the "extension" driver takes no cdpUrl (the extension relay owns the endpoint).', m.key),
          path, start: cdpUrl!.keyStart, end: cdpUrl!.keyEnd,
        });
      }
    }
  }
  const providers = nodeAt(root, ['models', 'providers']);
  if (providers?.kind === 'object' && !skipped(['models', 'providers'])) out.push(...customProviderDiagnostics(providers));
  // A roles table, once written, must define a role: OpenClaw refines the record so, outside its JSON Schema.
  const definitions = memberAt(root, ['gateway', 'roles', 'definitions']);
  if (definitions?.value.kind === 'object' && !definitions.value.members.length && !skipped(['gateway', 'roles', 'definitions'])) {
    out.push({
      severity: 'error', code: 'gateway-roles-empty',
      message: t('"gateway.roles.definitions" must define at least one role.'),
      path: 'gateway.roles.definitions', start: definitions.keyStart, end: definitions.keyEnd,
    });
  }
  const agents = nodeAt(root, ['agents']);
  const entries = nodeAt(root, ['agents', 'entries']);
  if (agents?.kind === 'object' && entries?.kind === 'object' && !skipped(['agents'])) {
    const roster = winners(entries);
    const entriesKey = memberAt(root, ['agents', 'entries'])!;
    const ownershipMember = memberOf(agents, 'ownership');
    const explicit = scalarOf(agents, 'ownership') === 'explicit';
    const firstById = new Map<string, string>();
    for (const m of roster) {
      const id = agentIdOf(m.key);
      const first = firstById.get(id);
      if (first === undefined) { firstById.set(id, m.key); continue; }
      out.push({
        severity: 'error', code: 'agents-duplicate-id',
        message: t('Agents "{0}" and "{1}" are the same agent: ids are compared as "{2}". Rename one of them.', first, m.key, id),
        path: `agents.entries.${m.key}`, start: m.keyStart, end: m.keyEnd,
      });
    }
    // The legacy `default: true` marker still stands in for agents.ownership (OpenClaw migrates it), once.
    const marked = roster.filter((m) => m.value.kind === 'object' && scalarOf(m.value, 'default') === true);
    if (marked.length > 1) {
      out.push({
        severity: 'error', code: 'agents-default-markers',
        message: t('Only one agent may be marked "default": true; {0} are ({1}).', marked.length, marked.map((m) => `"${m.key}"`).join(', ')),
        path: 'agents.entries', start: entriesKey.keyStart, end: entriesKey.keyEnd,
      });
    }
    if (explicit && marked.length > 0) {
      out.push({
        severity: 'error', code: 'agents-ownership-with-default',
        message: t('"agents.ownership": "explicit" cannot be combined with a legacy "default": true marker on an agent.'),
        path: 'agents.ownership', start: ownershipMember!.keyStart, end: ownershipMember!.keyEnd,
      });
    }
    if (roster.length > 1 && marked.length === 0 && !explicit) {
      // Reported on agents.ownership, which is what is missing, but shown on the roster that needs it.
      out.push({
        severity: 'error', code: 'agents-ownership',
        message: t('Several agents in "agents.entries" need "agents.ownership": "explicit".'),
        path: 'agents.ownership', start: entriesKey.keyStart, end: entriesKey.keyEnd,
      });
    }
  }
  return out;
}

const BUILT_IN_PROVIDERS = new Set(BUILT_IN_PROVIDER_IDS);

/** A provider of `models.providers` that OpenClaw does not bring must say where it is and what it serves; one of
 *  OpenClaw's own (its id trimmed and lower-cased) may only overlay settings. */
function customProviderDiagnostics(providers: ObjectNode): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  for (const m of winners(providers)) {
    if (m.value.kind !== 'object' || BUILT_IN_PROVIDERS.has(m.key.trim().toLowerCase())) continue;
    const models = memberOf(m.value, 'models')?.value;
    const missing = [...(scalarOf(m.value, 'baseUrl') ? [] : ['baseUrl']), ...(models?.kind === 'array' ? [] : ['models'])];
    for (const key of missing) {
      out.push({
        severity: 'error', code: 'custom-provider-incomplete',
        message: t('Model provider "{0}" is not one OpenClaw brings, so it must declare "{1}".', m.key, key),
        path: `models.providers.${m.key}.${key}`, start: m.keyStart, end: m.keyEnd,
      });
    }
  }
  return out;
}

/** Not a validation error for OpenClaw (validate passes), but the gateway exits 78 at start without it. */
export function gatewayModeDiagnostic(root: ValueNode): ConfigDiagnostic | undefined {
  if (root.kind !== 'object') return undefined;
  const gateway = memberOf(root, 'gateway');
  if (gateway?.value.kind === 'object' && memberOf(gateway.value as ObjectNode, 'mode')) return undefined;
  const where = gateway ? { start: gateway.keyStart, end: gateway.keyEnd } : { start: root.start, end: root.start + 1 };
  return {
    severity: 'warning', code: 'gateway-mode-missing',
    message: t('"gateway.mode" is not set: the config validates, but the gateway refuses to start (exit 78). Set it to "local" or "remote".'),
    path: gateway ? 'gateway' : '', ...where,
  };
}

/** A file SecretRef's id: an absolute JSON pointer or "value". */
const FILE_SECRET_POINTER = /^(?:value|(?:\/(?:[^~/]|~[01])*)+)$/;

/** A file SecretRef's id must be an absolute JSON pointer or "value". OpenClaw checks this in code, outside the
 *  JSON Schema it exports, so it is checked here. */
export function fileSecretPointerDiagnostics(root: ValueNode): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  const visit = (node: ValueNode, path: string[]): void => {
    if (node.kind === 'array') node.items.forEach((item, i) => visit(item, [...path, String(i)]));
    if (node.kind !== 'object') return;
    const source = memberOf(node, 'source')?.value;
    const id = memberOf(node, 'id');
    if (source?.kind === 'string' && source.value === 'file' && memberOf(node, 'provider') && id?.value.kind === 'string' && !FILE_SECRET_POINTER.test(id.value.value as string)) {
      out.push({
        severity: 'error', code: 'invalid-format',
        message: t('"{0}" must be an absolute JSON pointer such as "/gateway/token", or "value".', [...path, 'id'].join('.')),
        path: [...path, 'id'].join('.'), start: id.value.start, end: id.value.end,
      });
    }
    for (const m of node.members) visit(m.value, [...path, m.key]);
  };
  visit(root, []);
  return out;
}
