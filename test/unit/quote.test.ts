import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandLine, quoteArg, shellKindOf, ShellKind } from '../../src/gateway/quote';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-quote-'));

/** The hostile strings aimed at one folder: any pwned<n> created there means a shell ran part of an argument as code. */
const hostileFor = (pwned: (n: number) => string) => [
  'a b',
  "it's",
  '"quoted"',
  `$(touch ${pwned(1)})`,
  `\`touch ${pwned(2)}\``,
  `; touch ${pwned(3)}`,
  `& touch ${pwned(4)}`,
  `| touch ${pwned(5)}`,
  `(touch ${pwned(6)})`,
  `\n touch ${pwned(7)}`,
  '`id`',
  '; rm -rf x',
  'a\nb',
  '$HOME',
  '${HOME}',
  '*',
  '~',
  '~root',
  '--flag',
  '-',
  '',
  'ünïcødé ✓ 日本',
  'back\\slash',
  'trailing\\',
  "\\'",
  '%PATH%',
  '!event',
  '!!',
  'a!!b',
  '=node',
  'x=y',
  '{a,b}',
  '#comment',
  'tab\there',
  "'",
  "''",
  '"',
  '\\"',
  '^caret',
  '<in >out 2>&1',
  '%self',
  'ctrl-c \x03 esc \x1b[31m del \x7f cr \r bell \x07',
  '\t',
  '\x1b',
];

// Built through commandLine as well, so the quoting of the echo program itself is under test too.
const ECHO = 'console.log(JSON.stringify({argv:process.argv.slice(1)}))';

interface Shell { kind: ShellKind; exe: string; batch: string[]; interactive?: string[] }
const SHELLS: Shell[] = [
  { kind: 'bash', exe: 'bash', batch: ['--norc', '--noprofile', '-c'], interactive: ['--norc', '--noprofile', '-i'] },
  { kind: 'sh', exe: 'dash', batch: ['-c'], interactive: ['-i'] },
  { kind: 'zsh', exe: 'zsh', batch: ['-f', '-c'], interactive: ['-f', '-i'] },
  { kind: 'fish', exe: 'fish', batch: ['--no-config', '-c'], interactive: ['--no-config', '-i'] },
];

function which(exe: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, exe);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** A folder of one shell test's own (with its own HOME, glob target, odd program path and pwned markers), so what
 *  one shell does or leaves behind cannot show up as another shell's failure. */
interface Folder { dir: string; oddNode: string; pwned: (n: number) => string; hostile: string[] }

function folderFor(name: string): Folder {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
  fs.mkdirSync(path.join(dir, 'home'));
  fs.writeFileSync(path.join(dir, 'glob-target'), '');
  // A program path with a space and a quote in it, to exercise the first word.
  const oddDir = path.join(dir, 'dir with space');
  fs.mkdirSync(oddDir);
  const oddNode = path.join(oddDir, "it's node");
  fs.symlinkSync(process.execPath, oddNode);
  const pwned = (n: number) => path.join(dir, `pwned${n}`);
  const hostile = hostileFor(pwned);
  return { dir, oddNode, pwned, hostile };
}

function shellEnv(f: Folder): NodeJS.ProcessEnv {
  // A fixed HOME so `~` and $HOME would visibly change if they were expanded.
  return { PATH: process.env.PATH, HOME: path.join(f.dir, 'home'), LANG: 'C.UTF-8' };
}

function parseEcho(stdout: string): { argv: string[] } {
  const line = stdout.split('\n').find((l) => l.startsWith('{"argv"'));
  assert.ok(line, `no echo output in: ${stdout}`);
  return JSON.parse(line);
}

for (const sh of SHELLS) {
  test(`${sh.kind} (${sh.exe}) passes every hostile string as one literal argument`, () => {
    const exe = which(sh.exe);
    assert.ok(exe, `${sh.exe} is not installed: run scripts/install-tools.sh`);
    const f = folderFor(`${sh.kind}-batch`);
    for (const program of [process.execPath, f.oddNode]) {
      const line = commandLine([program, '-e', ECHO, '--', ...f.hostile], sh.kind);
      const out = execFileSync(exe, [...sh.batch, line], { cwd: f.dir, env: shellEnv(f), encoding: 'utf8' });
      const got = parseEcho(out);
      assert.deepEqual(got.argv, f.hostile);
    }
    for (let n = 1; n <= 7; n++) assert.equal(fs.existsSync(f.pwned(n)), false, `${f.pwned(n)} was created`);
  });

  if (sh.interactive) {
    // Typed into a terminal the shell is interactive: history expansion (`!!`) and line continuation apply.
    test(`${sh.kind} interactive shell reads the same line literally`, () => {
      const exe = which(sh.exe);
      assert.ok(exe, `${sh.exe} is not installed: run scripts/install-tools.sh`);
      const f = folderFor(`${sh.kind}-interactive`);
      const line = commandLine([f.oddNode, '-e', ECHO, '--', ...f.hostile], sh.kind);
      // stdin from a file: fish refuses the socket that a Node pipe is.
      const script = path.join(f.dir, 'typed.txt');
      fs.writeFileSync(script, `echo warm-up history\n${line}\nexit\n`);
      const input = fs.openSync(script, 'r');
      let out: string;
      try {
        out = execFileSync(exe, sh.interactive!, { cwd: f.dir, env: shellEnv(f), encoding: 'utf8', stdio: [input, 'pipe', 'ignore'] });
      } finally {
        fs.closeSync(input);
      }
      const got = parseEcho(out);
      assert.deepEqual(got.argv, f.hostile);
      for (let n = 1; n <= 7; n++) assert.equal(fs.existsSync(f.pwned(n)), false, `${f.pwned(n)} was created`);
    });
  }
}

test('shellKindOf reads the executable name', () => {
  const cases: [string | undefined, NodeJS.Platform, ShellKind][] = [
    ['/usr/bin/fish', 'linux', 'fish'],
    ['/bin/bash', 'linux', 'bash'],
    ['/bin/zsh', 'darwin', 'zsh'],
    ['/bin/dash', 'linux', 'sh'],
    ['/bin/sh', 'linux', 'sh'],
    ['/opt/microsoft/powershell/7/pwsh', 'linux', 'pwsh'],
    ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32', 'pwsh'],
    ['C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32', 'pwsh'],
    ['C:\\Windows\\System32\\cmd.exe', 'win32', 'cmd'],
    ['C:\\Program Files\\Git\\bin\\bash.exe', 'win32', 'bash'],
    ['/usr/bin/nu', 'linux', 'sh'],
    ['C:\\tools\\nu.exe', 'win32', 'pwsh'],
    [undefined, 'linux', 'sh'],
    [undefined, 'win32', 'pwsh'],
    ['', 'darwin', 'sh'],
  ];
  for (const [p, platform, want] of cases) assert.equal(shellKindOf(p, platform), want, String(p));
});

test('pwsh: single quotes, doubled quotes (typographic ones too), & before the program', () => {
  assert.equal(quoteArg("it's", 'pwsh'), "'it''s'");
  assert.equal(quoteArg('it\u2019s', 'pwsh'), "'it\u2019\u2019s'");
  assert.equal(quoteArg('', 'pwsh'), "''");
  assert.equal(quoteArg('$(whoami) `n $HOME', 'pwsh'), "'$(whoami) `n $HOME'");
  assert.equal(quoteArg('a"$b`', 'pwsh'), `'a"$b\`'`);
  // Controls switch to a double-quoted string with every other special character escaped.
  assert.equal(quoteArg('a\tb\n$x "y" `z\x1b', 'pwsh'), '"a`tb`n`$x `"y`" ``z$([char]27)"');
  assert.equal(
    commandLine(['C:\\Program Files\\nodejs\\node.exe', '--flag', "it's"], 'pwsh'),
    "& 'C:\\Program Files\\nodejs\\node.exe' '--flag' 'it''s'",
  );
});

test('cmd: plain words bare, quotes for spaces, carets when % ! or " appear', () => {
  assert.equal(quoteArg('--profile', 'cmd'), '--profile');
  assert.equal(quoteArg('C:\\a\\b', 'cmd'), 'C:\\a\\b');
  assert.equal(quoteArg('a b', 'cmd'), '"a b"');
  assert.equal(quoteArg('', 'cmd'), '""');
  assert.equal(quoteArg('a&b|c<d>e^f(g)', 'cmd'), '"a&b|c<d>e^f(g)"');
  assert.equal(quoteArg('C:\\dir with space\\', 'cmd'), '"C:\\dir with space\\\\"');
  assert.equal(quoteArg('%PATH%', 'cmd'), '^"^%PATH^%^"');
  assert.equal(quoteArg('!event', 'cmd'), '"!event"');
  assert.equal(quoteArg('"quoted"', 'cmd'), '^"\\^"quoted\\^"^"');
  assert.equal(quoteArg('a\\"b', 'cmd'), '^"a\\\\\\^"b^"');
  assert.equal(quoteArg('50% & more', 'cmd'), '^"50^% ^& more^"');
  assert.throws(() => quoteArg('a\nb', 'cmd'), /line break/);
  assert.throws(() => quoteArg('a\tb', 'cmd'), /control character/);
  assert.equal(commandLine(['C:\\Program Files\\nodejs\\node.exe', 'a b'], 'cmd'), '"C:\\Program Files\\nodejs\\node.exe" "a b"');
  assert.throws(() => commandLine(['C:\\%TEMP%\\x.exe'], 'cmd'), /%NAME%/);
});

test('posix and fish spellings of quotes', () => {
  assert.equal(quoteArg("it's", 'bash'), "'it'\\''s'");
  assert.equal(quoteArg("it's", 'fish'), "'it\\'s'");
  assert.equal(quoteArg('back\\slash', 'fish'), "'back\\\\slash'");
  assert.equal(quoteArg('', 'sh'), "''");
  assert.equal(quoteArg("a\tb'c", 'bash'), "'a'$'\\t''b'\\''c'");
  assert.equal(quoteArg('a\x03\nb', 'sh'), `'a'"$(printf '\\003')"'\n''b'`);
  assert.equal(quoteArg('a\tb', 'fish'), "'a'\\t'b'");
  assert.equal(commandLine(['openclaw', '--profile', 'ops'], 'zsh'), 'openclaw --profile ops');
  assert.equal(commandLine(['openclaw'], 'fish'), 'openclaw');
});

test('argv must be non-empty, NUL is refused', () => {
  for (const kind of ['bash', 'zsh', 'sh', 'fish', 'pwsh', 'cmd'] as ShellKind[]) {    assert.throws(() => commandLine([], kind));
    assert.throws(() => quoteArg('a\0b', kind), /NUL/);
  }
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));
