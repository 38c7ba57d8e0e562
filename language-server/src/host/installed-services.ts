// The gateway services `openclaw gateway install` wrote: systemd user units `openclaw-gateway[-<profile>].service`
// under ~/.config/systemd/user and launchd agents `ai.openclaw.<profile>.plist` under ~/Library/LaunchAgents, read as
// the CLI writes them (its src/daemon/systemd-unit.ts and launchd-plist.ts: ExecStart `... gateway --port N`, one
// `Environment=KEY=value` per line, quoted when the value has spaces, quotes or backslashes, `%` doubled; the plist's
// ProgramArguments array and EnvironmentVariables dict). A service pins the port and config of install time, so a
// later edit of the profile drifts from what the service runs: that drift is what this module finds.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InstalledService } from '../protocol';
import { isDefaultProfileName, namedProfile, parsePortEnv } from './profile-rules';
import { serviceNames } from './services';
import { t } from '../l10n';

/** A service file as read: what it runs, before it is matched to a profile. */
export interface ServiceFile {
  manager: InstalledService['manager'];
  name: string;
  file: string;
  args: string[];
  env: Record<string, string>;
}

/** Where the CLI puts them: under the home of the account the profiles belong to (it installs none while
 *  OPENCLAW_HOME points elsewhere, so that home is also the profiles' home). */
export function serviceDirs(home: string): { systemd: string; launchd: string } {
  return { systemd: path.join(home, '.config', 'systemd', 'user'), launchd: path.join(home, 'Library', 'LaunchAgents') };
}

// ---- systemd

/** Lines joined where one ends in an unescaped backslash; comment lines kept apart. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let carried = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) && !carried) { out.push(line); continue; }
    const joined = carried + line;
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(joined)) carried = `${joined.slice(0, -1)} `;
    else { out.push(joined); carried = ''; }
  }
  if (carried) out.push(carried);
  return out;
}

/** systemd's word splitting: whitespace outside quotes, `\x` escapes, `"..."` or `'...'` at the start of a word. */
export function splitSystemdWords(value: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) { word += value[++i]; inWord = true; continue; }
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if ((ch === '"' || ch === "'") && !inWord) { quote = ch; inWord = true; continue; }
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    word += ch;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

export function parseSystemdUnit(text: string): { args: string[]; env: Record<string, string> } {
  let section = '';
  let args: string[] = [];
  const env: Record<string, string> = {};
  for (const raw of logicalLines(text)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) { section = line.slice(1, -1); continue; }
    if (section !== 'Service') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).replaceAll('%%', '%');
    if (key === 'ExecStart') args = splitSystemdWords(value.replace(/^[-@:+!]+/, ''));
    if (key === 'Environment') {
      for (const word of splitSystemdWords(value)) {
        const at = word.indexOf('=');
        if (at > 0) env[word.slice(0, at)] = word.slice(at + 1);
      }
    }
  }
  return { args, env };
}

// ---- launchd

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    // Past U+10FFFF fromCodePoint throws, and one odd plist would then hide every service file read with it.
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The body of `<key>NAME</key><tag>...</tag>` in a plist's top dict. */
function plistValue(text: string, key: string, tag: 'array' | 'dict' | 'string'): string | undefined {
  const re = new RegExp(`<key>\\s*${key}\\s*</key>\\s*<${tag}>([\\s\\S]*?)</${tag}>`);
  return re.exec(text)?.[1];
}

export function parseLaunchdPlist(text: string): { label?: string; args: string[]; env: Record<string, string> } {
  const strings = (body: string | undefined) => [...(body ?? '').matchAll(/<string>([\s\S]*?)<\/string>|<string\s*\/>/g)].map((m) => unescapeXml(m[1] ?? ''));
  const env: Record<string, string> = {};
  const dict = plistValue(text, 'EnvironmentVariables', 'dict') ?? '';
  for (const m of dict.matchAll(/<key>([\s\S]*?)<\/key>\s*(?:<string>([\s\S]*?)<\/string>|<string\s*\/>)/g)) env[unescapeXml(m[1])] = unescapeXml(m[2] ?? '');
  const label = plistValue(text, 'Label', 'string');
  return { ...(label !== undefined ? { label: unescapeXml(label) } : {}), args: strings(plistValue(text, 'ProgramArguments', 'array')), env };
}

// ---- reading and matching

/** The profile a service file's name stands for ("openclaw-gateway-rescue.service" -> rescue). */
export function profileOfServiceName(manager: InstalledService['manager'], name: string): string | undefined {
  const m = manager === 'systemd' ? /^openclaw-gateway(?:-(.+))?\.service$/.exec(name) : /^ai\.openclaw\.(.+?)(?:\.plist)?$/.exec(name);
  if (!m) return undefined;
  if (manager === 'launchd' && m[1] === 'gateway') return 'default';
  return m[1] ?? 'default';
}

export async function readServiceFiles(home: string): Promise<ServiceFile[]> {
  const dirs = serviceDirs(home);
  const list = async (dir: string, re: RegExp) => {
    try { return (await fs.readdir(dir)).filter((n) => re.test(n)).sort(); } catch { return []; }
  };
  const read = async (file: string) => {
    try {
      const st = await fs.stat(file);
      return st.isFile() && st.size < 1024 * 1024 ? await fs.readFile(file, 'utf8') : undefined;
    } catch { return undefined; }
  };
  const out: ServiceFile[] = [];
  for (const name of await list(dirs.systemd, /^openclaw-gateway(?:-.+)?\.service$/)) {
    const file = path.join(dirs.systemd, name);
    const text = await read(file);
    if (text !== undefined) out.push({ manager: 'systemd', name, file, ...parseSystemdUnit(text) });
  }
  for (const name of await list(dirs.launchd, /^ai\.openclaw\..+\.plist$/)) {
    const file = path.join(dirs.launchd, name);
    const text = await read(file);
    if (text === undefined) continue;
    const p = parseLaunchdPlist(text);
    out.push({ manager: 'launchd', name: p.label ?? name.replace(/\.plist$/, ''), file, args: p.args, env: p.env });
  }
  // Node-host services share the label scheme; only gateways count here.
  return out.filter((s) => (s.env.OPENCLAW_SERVICE_KIND ?? 'gateway') === 'gateway' && s.args.includes('gateway'));
}

/** The last `--port N` (or `--port=N`) of the command line, else OPENCLAW_GATEWAY_PORT: the port the service pins. */
export function pinnedPort(s: Pick<ServiceFile, 'args' | 'env'>): number | undefined {
  let port: number | undefined;
  for (let i = 0; i < s.args.length; i++) {
    const a = s.args[i];
    const v = a === '--port' ? s.args[++i] : a.startsWith('--port=') ? a.slice(7) : undefined;
    const n = v !== undefined && /^\d+$/.test(v.trim()) ? parsePortEnv(v) : undefined;
    if (n !== undefined) port = n;
  }
  return port ?? parsePortEnv(s.env.OPENCLAW_GATEWAY_PORT);
}

export interface ServiceTarget { name: string; portProfile?: string; basePort: number; configKey: string; stateKey: string; configPath: string }

/** Which profile each service runs: the one whose config it names, else the one its name stands for. */
export function matchServices(files: ServiceFile[], profiles: ServiceTarget[], keyOf: (p: string) => string): Map<string, InstalledService[]> {
  const out = new Map<string, InstalledService[]>();
  for (const f of files) {
    const configKey = f.env.OPENCLAW_CONFIG_PATH ? keyOf(f.env.OPENCLAW_CONFIG_PATH) : undefined;
    const byName = profileOfServiceName(f.manager, f.name);
    const names = (t: ServiceTarget) => serviceNames(t.portProfile ?? 'default');
    const target = profiles.find((t) => configKey !== undefined && t.configKey === configKey && (f.manager === 'systemd' ? names(t).systemd === f.name : names(t).launchd === f.name))
      ?? profiles.find((t) => configKey !== undefined && t.configKey === configKey)
      ?? profiles.find((t) => (f.manager === 'systemd' ? names(t).systemd : names(t).launchd) === f.name)
      ?? profiles.find((t) => byName !== undefined && (isDefaultProfileName(byName) ? t.name === 'default' : t.name === byName));
    if (!target) continue;
    const port = pinnedPort(f);
    const drift: string[] = [];
    const driftKinds: InstalledService['driftKinds'] = [];
    const drifts = (kind: InstalledService['driftKinds'][number], words: string) => { drift.push(words); driftKinds.push(kind); };
    if (port !== undefined && port !== target.basePort) drifts('port', t("pins port {0}; the profile's gateway is on {1} now", port, target.basePort));
    if (configKey !== undefined && configKey !== target.configKey) drifts('config', t('runs the config {0}, not {1}', f.env.OPENCLAW_CONFIG_PATH!, target.configPath));
    if (f.env.OPENCLAW_STATE_DIR && keyOf(f.env.OPENCLAW_STATE_DIR) !== target.stateKey) drifts('stateDir', t('keeps its state in {0}', f.env.OPENCLAW_STATE_DIR));
    const envProfile = f.env.OPENCLAW_PROFILE?.trim();
    const svc: InstalledService = {
      manager: f.manager, name: f.name, file: f.file, drift, driftKinds,
      profile: envProfile ? namedProfile(envProfile) ?? 'default' : 'default',
      ...(port !== undefined ? { port } : {}),
      ...(f.env.OPENCLAW_CONFIG_PATH ? { configPath: f.env.OPENCLAW_CONFIG_PATH } : {}),
      ...(f.env.OPENCLAW_STATE_DIR ? { stateDir: f.env.OPENCLAW_STATE_DIR } : {}),
    };
    out.set(target.name, [...(out.get(target.name) ?? []), svc]);
  }
  return out;
}
