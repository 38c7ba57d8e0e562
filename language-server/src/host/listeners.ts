// Which TCP ports are listening on this machine right now, and by which process when we may know.
// Read straight from /proc on Linux: no `ss`/`lsof` binary is needed and no process is spawned.
import { promises as fsp } from 'fs';
import * as net from 'net';
import * as os from 'os';

export interface ProcListener { port: number; address: string; inode: number }

export interface Listener { pids: number[]; addresses: string[] }

export interface ListeningPorts {
  /** false where the platform has no /proc to read: `ports` is then empty, not "nothing listens". */
  supported: boolean;
  ports: Map<number, Listener>;
}

const LISTEN = '0A';

/**
 * The LISTEN sockets of a /proc/net/tcp or /proc/net/tcp6 text. The kernel prints each 32-bit word
 * of the address in host byte order, so on little-endian machines every word reads backwards.
 */
export function parseProcNetTcp(text: string, littleEndian = os.endianness() === 'LE'): ProcListener[] {
  const out: ProcListener[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...; the header's first field is "sl".
    if (f.length < 10 || !/^\d+:$/.test(f[0]) || f[3] !== LISTEN) continue;
    const m = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(f[1]);
    const inode = Number(f[9]);
    if (!m || !Number.isSafeInteger(inode)) continue;
    out.push({ port: parseInt(m[2], 16), address: formatAddress(m[1], littleEndian), inode });
  }
  return out;
}

function formatAddress(hex: string, littleEndian: boolean): string {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = [0, 2, 4, 6].map((i) => parseInt(hex.slice(w + i, w + i + 2), 16));
    bytes.push(...(littleEndian ? word.reverse() : word));
  }
  if (bytes.length === 4) return bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  return compressIPv6(groups);
}

// RFC 5952: the longest run of two or more zero groups (the first one on a tie) becomes "::".
function compressIPv6(groups: number[]): string {
  let bestStart = -1, bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export async function listeningPorts(): Promise<ListeningPorts> {
  const ports = new Map<number, Listener>();
  if (process.platform !== 'linux') return { supported: false, ports };
  let v4: string;
  try {
    v4 = await fsp.readFile('/proc/net/tcp', 'utf8');
  } catch {
    return { supported: false, ports };
  }
  // A kernel booted without IPv6 has no tcp6 file; that only means no IPv6 listeners.
  const v6 = await fsp.readFile('/proc/net/tcp6', 'utf8').catch(() => '');
  const sockets = [...parseProcNetTcp(v4), ...parseProcNetTcp(v6)];

  const portsByInode = new Map<number, number[]>();
  for (const s of sockets) {
    const entry = ports.get(s.port) ?? { pids: [], addresses: [] };
    if (!entry.addresses.includes(s.address)) entry.addresses.push(s.address);
    ports.set(s.port, entry);
    // Inode 0: the socket's owner is gone or lives where we cannot see; nothing to map.
    if (s.inode !== 0) portsByInode.set(s.inode, [...(portsByInode.get(s.inode) ?? []), s.port]);
  }
  if (portsByInode.size > 0) {
    for (const [pid, inode] of await socketOwners(new Set(portsByInode.keys()))) {
      for (const port of portsByInode.get(inode) ?? []) {
        const entry = ports.get(port)!;
        if (!entry.pids.includes(pid)) entry.pids.push(pid);
      }
    }
  }
  for (const entry of ports.values()) entry.pids.sort((a, b) => a - b);
  return { supported: true, ports };
}

// Walks /proc/<pid>/fd for `socket:[inode]` links. Other users' processes answer EACCES unless we are
// root, and processes exit mid-walk (ENOENT): both just leave those pids out.
async function socketOwners(wanted: Set<number>): Promise<[number, number][]> {
  const pids = (await fsp.readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const found: [number, number][] = [];
  const BATCH = 64;
  for (let i = 0; i < pids.length; i += BATCH) {
    await Promise.all(pids.slice(i, i + BATCH).map(async (pid) => {
      const dir = `/proc/${pid}/fd`;
      let fds: string[];
      try {
        fds = await fsp.readdir(dir);
      } catch {
        return;
      }
      for (const fd of fds) {
        const link = await fsp.readlink(`${dir}/${fd}`).catch(() => '');
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && wanted.has(Number(m[1]))) found.push([Number(pid), Number(m[1])]);
      }
    }));
  }
  return found;
}

/** Whether we could bind `host:port` now; any bind failure (in use, no permission, no such address) is "not free". */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
