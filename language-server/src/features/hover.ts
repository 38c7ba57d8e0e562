// Hover docs from the schema in use. Only schema facts and derived ports are shown, never the document's own
// values, so a token or password in the file can never appear in a hover.
import type { Hover } from 'vscode-languageserver-protocol';
import { LineIndex } from '../parse/lines';
import { dotPath, hitAt, nodeAt, type ParsedConfig } from '../parse/tree';
import { allowedValues, schemasAt, typeNames } from '../schema/json-schema';
import type { SchemaInUse } from '../schema/in-use';
import { portMapSummary } from '../host/ports';
import { RETIRED_KEYS } from '../validate/rules';
import { fieldDoc } from './field-docs';
import { t } from '../l10n';

export function hover(parsed: ParsedConfig, offset: number, schema: SchemaInUse, effectiveBase?: number): Hover | null {
  const hit = hitAt(parsed.root, offset);
  if (!hit || (hit.where === 'value' && hit.path.length === 0)) return null;
  const path = hit.path;
  const dp = dotPath(path);
  const lines = new LineIndex(parsed.text);
  const range = hit.where === 'key' ? lines.range(hit.member.keyStart, hit.member.keyEnd) : lines.range(hit.node.start, hit.node.end);
  const retired = RETIRED_KEYS.find((r) => r.path === dp);
  if (retired) return { contents: { kind: 'markdown', value: `**${dp}** — ${t('retired')}\n\n${retired.message()}` }, range };

  const schemas = schemasAt(schema.json, path);
  const parts: string[] = [];
  // OpenClaw's own prose only comes from its installed CLI; the committed data carries none, so our words stand in.
  const ours = fieldDoc(path);
  const title = (schema.source === 'cli' ? schemas.find((s) => s.title)?.title : undefined) ?? ours?.title;
  parts.push(title ? `**${escape(title)}** \`${dp}\`` : `\`${dp}\``);
  const description = (schema.source === 'cli' ? schemas.find((s) => s.description)?.description : undefined) ?? ours?.description;
  if (description) parts.push(escape(description));
  const facts: string[] = [];
  const types = typeNames(schemas);
  if (types.length) facts.push(t('Type: {0}', `\`${types.join(' | ')}\``));
  const allowed = allowedValues(schemas);
  if (allowed.length) facts.push(t('Allowed: {0}', `${allowed.slice(0, 30).map((v) => `\`${JSON.stringify(v)}\``).join(', ')}${allowed.length > 30 ? ', …' : ''}`));
  const withDefault = schemas.find((s) => 'default' in s);
  if (withDefault) facts.push(t('Default: {0}', `\`${JSON.stringify(withDefault.default)}\``));
  if (facts.length) parts.push(facts.join('  \n'));
  if (dp === 'gateway.port') {
    const node = nodeAt(parsed.root, path);
    const base = effectiveBase ?? (node?.kind === 'number' ? (node.value as number) : undefined);
    if (base !== undefined) parts.push(t('Derived ports from base {0}: {1}', base, portMapSummary(base)));
  }
  if (!schemas.length) parts.push(schema.source === 'cli' ? t('Not in the schema of OpenClaw {0}.', schema.version) : t('Not in the bundled schema.'));
  parts.push(`_${schema.source === 'cli' ? t('Schema: OpenClaw CLI {0}', schema.version) : t('Schema: bundled (OpenClaw {0})', schema.version)}_`);
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range };
}

function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>])/g, '\\$1');
}
