// The JSON5 tree's node types, with source offsets: what the parser builds and every feature reads.
// A file of their own, so the parser and the tree's helpers both depend on them and not on each other.
export type Segment = string | number;

interface Base { start: number; end: number; parent?: ObjectNode | ArrayNode; }
export interface ObjectNode extends Base { kind: 'object'; members: Member[] }
export interface ArrayNode extends Base { kind: 'array'; items: ValueNode[] }
export interface ScalarNode extends Base { kind: 'string' | 'number' | 'boolean' | 'null'; value: unknown }
export type ValueNode = ObjectNode | ArrayNode | ScalarNode;
export interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Start and end of the whole `key: value` member, without the separating comma. */
  start: number;
  end: number;
  value: ValueNode;
}

/** A key that appears twice in one object: OpenClaw keeps the last one, `winner`. */
export interface DuplicateKey { path: Segment[]; member: Member; winner: Member }
