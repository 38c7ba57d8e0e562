import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { isPortFree, listeningPorts, parseProcNetTcp } from '../../language-server/src/host/listeners';

// Trimmed from a real x86_64 machine: a listener on 0.0.0.0:2024, one on 127.0.0.1:18789, an
// established connection (01) and a TIME_WAIT (06) that must be left out.
const TCP4 = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1122 1 00000000d5c9bee8 100 0 0 10 0
   1: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 98765 1 0000000000000000 100 0 0 10 0
   2: 0100007F:4965 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 98770 1 0000000000000000 20 4 30 10 -1
   3: 0100007F:9C40 0100007F:4965 06 00000000:00000000 03:00000F3A 00000000     0        0 0 3 0000000000000000
`;

// ::1 port 18789, :: port 8080, ::ffff:127.0.0.1 port 3000, fe80::1 port 22 (listening), and an established one.
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:4965 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 98766 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1 0000000000000000 100 0 0 10 0
   2: 0000000000000000FFFF00000100007F:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7777 1 0000000000000000 100 0 0 10 0
   3: 000080FE000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8888 1 0000000000000000 100 0 0 10 0
   4: 00000000000000000000000001000000:4965 00000000000000000000000001000000:D2F4 01 00000000:00000000 00:00000000 00000000  1000        0 98771 1 0000000000000000 20 4 30 10 -1
`;

test('parseProcNetTcp keeps only LISTEN sockets and decodes little-endian addresses', () => {
  assert.deepEqual(parseProcNetTcp(TCP4, true), [
    { port: 2024, address: '0.0.0.0', inode: 1122 },
    { port: 18789, address: '127.0.0.1', inode: 98765 },
  ]);
  assert.deepEqual(parseProcNetTcp(TCP6, true), [
    { port: 18789, address: '::1', inode: 98766 },
    { port: 8080, address: '::', inode: 5555 },
    { port: 3000, address: '::ffff:127.0.0.1', inode: 7777 },
    { port: 22, address: 'fe80::1', inode: 8888 },
  ]);
});

test('parseProcNetTcp reads big-endian words as written', () => {
  const line = '   0: 7F000001:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 42 1\n';
  assert.deepEqual(parseProcNetTcp(line, false), [{ port: 18789, address: '127.0.0.1', inode: 42 }]);
});

test('parseProcNetTcp ignores headers, blank lines and garbage', () => {
  assert.deepEqual(parseProcNetTcp(''), []);
  assert.deepEqual(parseProcNetTcp('  sl  local_address rem_address   st\n\nnot a line at all\n   0: zz:yy 0 0A a b c d e f\n'), []);
});

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

test('a server we open shows up with our pid, and the port is busy until it closes', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const server = net.createServer();
  try {
    const port = await listen(server, 0, '127.0.0.1');
    const { supported, ports } = await listeningPorts();
    assert.equal(supported, true);
    const entry = ports.get(port);
    assert.ok(entry, `port ${port} not among ${[...ports.keys()].join(', ')}`);
    assert.ok(entry.pids.includes(process.pid), `pids ${entry.pids} lack ${process.pid}`);
    assert.deepEqual(entry.addresses, ['127.0.0.1']);
    assert.equal(await isPortFree(port), false);
    await close(server);
    assert.equal(await isPortFree(port), true);
    assert.equal((await listeningPorts()).ports.has(port), false);
  } finally {
    await close(server);
  }
});

test('isPortFree sees a listener on the wildcard address too', async () => {
  const server = net.createServer();
  try {
    const port = await listen(server, 0, '0.0.0.0');
    assert.equal(await isPortFree(port, '127.0.0.1'), false);
  } finally {
    await close(server);
  }
});

test('listeningPorts says whether it can see listeners: yes on Linux, "unsupported" elsewhere', async () => {
  const r = await listeningPorts();
  assert.equal(r.supported, process.platform === 'linux');
  if (!r.supported) assert.equal(r.ports.size, 0);
});

test('IPv6 listeners are written as RFC 5952 says: the longest run of zero groups shortened, the first of equals, never one alone', () => {
  const at = (groups: string) => parseProcNetTcp(`   0: ${groups.replace(/:/g, '')}:0016 ${'0'.repeat(32)}:0000 0A 00000000:00000000 00:00000000 00000000 0 0 9 1\n`, false)[0]?.address;
  assert.equal(at('0001:0000:0000:0001:0000:0000:0000:0001'), '1:0:0:1::1');
  assert.equal(at('0001:0000:0000:0001:0000:0000:0001:0001'), '1::1:0:0:1:1');
  assert.equal(at('0001:0000:0001:0001:0001:0001:0001:abcd'), '1:0:1:1:1:1:1:abcd');
  assert.equal(at('0001:0000:0000:0000:0000:0000:0000:0000'), '1::');
  assert.equal(at('0000:0000:0000:0000:0000:0000:0000:0002'), '::2');
  assert.equal(at('0000:0000:0000:0000:0000:ffff:0a00:0001'), '::ffff:10.0.0.1');
  assert.equal(at('0000:0000:0000:0000:0001:ffff:0a00:0001'), '::1:ffff:a00:1', 'not a mapped v4 address');
  assert.equal(at('2001:0db8:0000:0000:0000:0000:0000:0000'), '2001:db8::');
});

test('parseProcNetTcp: slot numbers past 9, ten fields exactly; malformed slots and addresses are skipped', () => {
  const row = (sl: string, local: string) => `  ${sl} ${local} 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 77`;
  assert.deepEqual(parseProcNetTcp(`${row('12:', '0100007F:4965')}\n`, true), [{ port: 18789, address: '127.0.0.1', inode: 77 }]);
  for (const sl of ['a1:', '1:x', '1', 'sl']) assert.deepEqual(parseProcNetTcp(`${row(sl, '0100007F:4965')}\n`, true), [], `slot ${sl}`);
  for (const local of ['00100007F:4965', '0100007F:49650', '0100007F:496']) assert.deepEqual(parseProcNetTcp(`${row('0:', local)}\n`, true), [], `address ${local}`);
  // The "||" between the three checks: each one alone rejects a line.
  assert.deepEqual(parseProcNetTcp(`${row('0:', '0100007F:4965').replace(' 0A ', ' 01 ')}\n`, true), []);
});

test('one process on a port over IPv4 and IPv6: one pid, both addresses', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const v4 = net.createServer();
  const v6 = net.createServer();
  try {
    const port = await listen(v4, 0, '127.0.0.1');
    try {
      await listen(v6, port, '::1');
    } catch {
      return; // no IPv6 loopback here, or the port is taken on it
    }
    const entry = (await listeningPorts()).ports.get(port);
    assert.deepEqual(entry, { pids: [process.pid], addresses: ['127.0.0.1', '::1'] });
  } finally {
    await close(v4);
    await close(v6);
  }
});

test('isPortFree checks IPv4 loopback unless told otherwise: a port held only on ::1 is free there', { skip: process.platform !== 'linux' && 'binds ::1' }, async () => {
  const v6 = net.createServer();
  let port: number;
  try {
    port = await listen(v6, 0, '::1');
  } catch {
    return; // no IPv6 loopback here
  }
  try {
    assert.equal(await isPortFree(port), true);
    assert.equal(await isPortFree(port, '::1'), false);
  } finally {
    await close(v6);
  }
});
