// Quick fixes as plain text edits: rename or remove an unknown key, migrate a retired key, move to a free port.
import { memberAt, memberOf, nodeAt, type ParsedConfig } from '../parse/tree';
import { formatKey, removeMember, renameKey, setValue, type TextEdit } from '../parse/edits';
import type { FixData } from '../validate/diagnostic';
import { MDNS_MODE_PATH } from '../validate/mdns';
import { t } from '../l10n';

const migrateTitle = () => t('Migrate "canvasHost" to "plugins.entries.canvas.config.host.enabled"');

export interface Fix { title: string; edits: TextEdit[]; preferred?: boolean }

export function fixFor(parsed: ParsedConfig, fix: FixData, freeBase?: (profile: string) => number | undefined): Fix | undefined {
  const root = parsed.root;
  if (!root) return undefined;
  switch (fix.kind) {
    case 'remove-key': {
      const m = memberAt(root, fix.path.split('.'));
      return m && { title: t('Remove "{0}"', fix.path), edits: [removeMember(parsed.text, m)] };
    }
    case 'rename-key': {
      const m = memberAt(root, fix.path.split('.'));
      return m && { title: t('Rename to "{0}"', fix.to), edits: [renameKey(parsed.text, m, fix.to)], preferred: true };
    }
    case 'migrate-canvas-host': {
      const m = memberAt(root, ['canvasHost']);
      if (!m) return undefined;
      const enabledNode = nodeAt(root, ['canvasHost', 'enabled']);
      const enabled = enabledNode?.kind === 'boolean' ? (enabledNode.value as boolean) : true;
      const target = ['plugins', 'entries', 'canvas', 'config', 'host', 'enabled'];
      if (root.kind === 'object' && !memberOf(root, 'plugins')) {
        // The new key takes the old one's place, so nothing else in the file moves.
        const style = parsed.text[m.keyStart] === '"' ? '"' : parsed.text[m.keyStart] === "'" ? "'" : 'bare';
        let value = String(enabled);
        for (let i = target.length - 1; i > 0; i--) value = `{ ${formatKey(target[i], style)}: ${value} }`;
        return { title: migrateTitle(), edits: [{ start: m.start, end: m.end, newText: `${formatKey('plugins', style)}: ${value}` }], preferred: true };
      }
      const remove = removeMember(parsed.text, m);
      const set = setValue(parsed.text, root, target, String(enabled));
      if (!set || overlaps(set, remove)) return { title: t('Remove the retired "canvasHost"'), edits: [remove] };
      return { title: migrateTitle(), edits: [remove, set], preferred: true };
    }
    case 'mdns-off': {
      const set = setValue(parsed.text, root, MDNS_MODE_PATH, '"off"');
      return set && { title: t('Turn mDNS off for this gateway ("discovery.mdns.mode": "off")'), edits: [set], preferred: true };
    }
    case 'move-base-port': {
      const base = freeBase?.(fix.profile);
      if (base === undefined) return undefined;
      const set = setValue(parsed.text, root, ['gateway', 'port'], String(base));
      return set && { title: t('Move to a free base port ({0})', base), edits: [set], preferred: true };
    }
  }
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}
