// A finding in a config, in offsets; the LSP layer and the command-line checker turn it into their own shapes.
export type Severity = 'error' | 'warning' | 'information';

export type FixData =
  | { kind: 'remove-key'; path: string }
  | { kind: 'rename-key'; path: string; to: string }
  | { kind: 'migrate-canvas-host' }
  | { kind: 'move-base-port'; profile: string }
  | { kind: 'mdns-off' }
  /** Not an edit: runs the client's Reinstall Service for the profile. */
  | { kind: 'reinstall-service'; profile: string };

export interface ConfigDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  /** Dot path of the offending node; for an unknown key, the key itself; "" for the root. */
  path: string;
  start: number;
  end: number;
  fixes?: FixData[];
}
