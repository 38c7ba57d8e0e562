// Completion of keys (with a snippet for the value's shape) and of enum values, from the schema in use.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-protocol';
import { cursorContext } from '../parse/cursor';
import { LineIndex } from '../parse/lines';
import { formatKey } from '../parse/edits';
import { allowedValues, alternatives, propertiesAt, schemasAt, typeNames, type JsonSchema } from '../schema/json-schema';
import type { SchemaInUse } from '../schema/in-use';
import { RETIRED_KEYS } from '../validate/rules';
import { fieldDoc } from './field-docs';

const RETIRED = new Set(RETIRED_KEYS.map((r) => r.path));

export function complete(text: string, offset: number, schema: SchemaInUse): CompletionItem[] {
  const ctx = cursorContext(text, offset);
  const lines = new LineIndex(text);
  const range = lines.range(ctx.wordStart, offset);
  if (ctx.expecting === 'key') {
    const items: CompletionItem[] = [];
    const quote = ctx.inString ? text[ctx.wordStart] : undefined;
    for (const [key, info] of propertiesAt(schema.json, ctx.path)) {
      if (ctx.siblings.has(key) || RETIRED.has([...ctx.path, key].join('.'))) continue;
      const doc = (schema.source === 'cli' ? info.schema.description : undefined) ?? fieldDoc([...ctx.path, key])?.description;
      const keyText = quote ? `${quote}${key}${quote}` : formatKey(key, 'bare');
      items.push({
        label: key,
        kind: CompletionItemKind.Property,
        detail: typeNames([info.schema]).join(' | ') || undefined,
        documentation: doc ? { kind: 'markdown', value: doc } : undefined,
        filterText: quote ? `${quote}${key}` : key,
        sortText: `${info.required ? '0' : '1'}${key}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: quote ? lines.range(ctx.wordStart, closingQuote(text, offset, quote)) : range, newText: `${snippetKey(keyText)}: ${valueSnippet(schema.json, info.schema)}` },
      });
    }
    return items;
  }
  if (ctx.expecting === 'value') {
    const schemas = schemasAt(schema.json, ctx.path);
    const values = allowedValues(schemas);
    if (!values.length && typeNames(schemas).includes('boolean')) values.push(true, false);
    return values.map((v, i) => ({
      label: JSON.stringify(v),
      kind: CompletionItemKind.EnumMember,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: ctx.inString ? lines.range(ctx.wordStart, closingQuote(text, offset, text[ctx.wordStart])) : range, newText: JSON.stringify(v) },
    }));
  }
  return [];
}

function closingQuote(text: string, offset: number, quote: string): number {
  const j = text.indexOf(quote, offset);
  const nl = text.indexOf('\n', offset);
  return j >= 0 && (nl < 0 || j < nl) ? j + 1 : offset;
}

function snippetKey(key: string): string {
  return key.replace(/[$}\\]/g, '\\$&');
}

function valueSnippet(root: JsonSchema, schema: JsonSchema): string {
  // The CLI's schema spells enums as anyOf of consts, so the alternatives are spread out first.
  const alts = alternatives(root, schema);
  const values = allowedValues(alts);
  if (values.length) return `\${1|${values.map((v) => JSON.stringify(v).replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
  const types = typeNames(alts);
  if (types[0] === 'object') return '{\n\t$0\n}';
  if (types[0] === 'array') return '[$0]';
  if (types[0] === 'string') return '"$0"';
  if (types[0] === 'boolean') return '${1|true,false|}';
  if ('default' in schema && (typeof schema.default === 'number')) return `\${1:${schema.default}}`;
  return '$0';
}
