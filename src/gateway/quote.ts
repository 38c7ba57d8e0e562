// Command lines typed into a terminal: each argv element must reach the program unchanged,
// whatever shell the user's terminal runs. Kept free of `vscode` so it can be tested against real shells.

export type ShellKind = 'bash' | 'zsh' | 'fish' | 'pwsh' | 'cmd' | 'sh';

export function shellKindOf(shellPath: string | undefined, platform: NodeJS.Platform): ShellKind {
  const fallback: ShellKind = platform === 'win32' ? 'pwsh' : 'sh';
  if (!shellPath) return fallback;
  // Split on both separators: a Windows path may reach us while running on another OS (remote, tests).
  const base = shellPath.split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, '');
  switch (base) {
    case 'bash':
    case 'zsh':
    case 'fish':
    case 'cmd':
      return base;
    case 'pwsh':
    case 'pwsh-preview':
    case 'powershell':
      return 'pwsh';
    case 'sh':
    case 'dash':
    case 'ash':
    case 'ksh':
    case 'mksh':
      return 'sh';
    default:
      return fallback;
  }
}

// Words made only of these need no quotes in any POSIX-like shell or fish. `=` is left out (zsh expands
// a leading `=cmd`, and a first word `a=b` would be an assignment), so are `~`, `%`, `!`, `^`, `#`, `{`.
const PLAIN_POSIX = /^[A-Za-z0-9_@+,./:-]+$/;
// cmd.exe also splits on `,;=` for its builtins and the C runtime only cares about quotes and spaces.
const PLAIN_CMD = /^[A-Za-z0-9_@+./:\\-]+$/;

// C0 controls and DEL. The line is typed into a terminal, where these are keys, not text: TAB completes,
// ESC starts a key sequence, ^C interrupts, DEL erases. Each shell gets its own escaped spelling (cmd.exe
// has none and refuses them).
// eslint-disable-next-line no-control-regex -- these characters are exactly what is looked for
const CONTROL = /[\x01-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex -- as above
const RUNS = /[\x01-\x1f\x7f]+|[^\x01-\x1f\x7f]+/g;

export function quoteArg(arg: string, shell: ShellKind): string {
  if (arg.includes('\0')) throw new Error('an argument cannot contain a NUL character');
  switch (shell) {
    case 'bash':
    case 'zsh':
    case 'sh':
      if (PLAIN_POSIX.test(arg)) return arg;
      if (!CONTROL.test(arg)) return posixSingle(arg);
      // Adjacent quoted pieces join into one word. bash and zsh spell controls as $'\t'; plain `sh` may be
      // dash, which has no $'…', so it gets printf (a newline can stay literal: it only continues the line).
      return (arg.match(RUNS) ?? [])
        .map((run) => (!CONTROL.test(run) ? posixSingle(run) : shell === 'sh' ? shControls(run) : ansiC(run)))
        .join('');
    case 'fish':
      if (PLAIN_POSIX.test(arg)) return arg;
      if (!CONTROL.test(arg)) return fishSingle(arg);
      // Controls go between the quoted pieces, as fish's own \t, \xHH escapes.
      return (arg.match(RUNS) ?? [])
        .map((run) => (CONTROL.test(run) ? [...run].map(escapeControl).join('') : fishSingle(run)))
        .join('');
    case 'pwsh':
      return pwshQuote(arg);
    case 'cmd':
      return cmdQuote(arg);
  }
}

// Inside '…' nothing is special, `!` included (bash and zsh do not history-expand there even when
// interactive); only the quote itself has to leave and re-enter.
function posixSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// fish's single quotes do honour two escapes, \\ and \'.
function fishSingle(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => '\\' + c)}'`;
}

function escapeControl(c: string): string {
  if (c === '\t') return '\\t';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
}

function ansiC(run: string): string {
  return `$'${[...run].map(escapeControl).join('')}'`;
}

function shControls(run: string): string {
  return [...run]
    .map((c) => (c === '\n' ? `'\n'` : `"$(printf '\\${c.charCodeAt(0).toString(8).padStart(3, '0')}')"`))
    .join('');
}

// PowerShell treats the typographic single quotes as quote characters too, so each must be doubled.
// Controls need a double-quoted string, where `$`, the backtick and every kind of double quote are
// escaped with a backtick. `$([char]N)` rather than the `u{N} escape, which Windows PowerShell 5.1 lacks.
function pwshQuote(s: string): string {
  if (!CONTROL.test(s)) return `'${s.replace(/['\u2018\u2019\u201A\u201B]/g, (c) => c + c)}'`;
  const body = [...s]
    .map((c) => {
      if (c === '\t') return '`t';
      if (c === '\n') return '`n';
      if (c === '\r') return '`r';
      if (CONTROL.test(c)) return `$([char]${c.charCodeAt(0)})`;
      return /[`$"\u201C\u201D\u201E]/.test(c) ? '`' + c : c;
    })
    .join('');
  return `"${body}"`;
}

/*
 * cmd.exe, for a line typed at an interactive prompt (not a .bat file). Two parsers run in turn:
 * cmd.exe itself (`%VAR%` expansion, then `^` escapes and `& | < > ( )` outside quotes), then the
 * program's own C runtime, which splits the raw line with the CommandLineToArgvW rules.
 *  - First the C runtime quoting: wrap in "…", write `"` as `\"`, double the backslashes that end up
 *    in front of a quote.
 *  - If the argument has no `"` or `%`, the surrounding quotes alone protect it from cmd.exe.
 *  - Otherwise every cmd.exe metacharacter, the quotes included, gets a `^`: cmd.exe then never enters
 *    quoted mode, so every caret is honoured and removed before the program sees the line. `%NAME%`
 *    becomes `^%NAME^%`: cmd.exe looks up a variable called `NAME^`, finds none and leaves the text.
 * Limits, which no quoting can lift:
 *  - Line breaks cannot be passed at all (they end the command), and no other control character can be
 *    typed as text (TAB completes file names): quoteArg throws.
 *  - A variable literally named `NAME^` would still be expanded.
 *  - With delayed expansion on (`cmd /V:ON`, or a registry default) `!NAME!` is expanded even inside
 *    quotes and after the carets are gone; we assume the shipped default, off.
 *  - Programs that do not parse their command line with the C runtime rules (cmd's own builtins,
 *    `.bat` files, some old tools) may split differently.
 */
function cmdQuote(arg: string): string {
  if (CONTROL.test(arg)) throw new Error('cmd.exe cannot take a line break, tab or other control character in an argument');
  if (PLAIN_CMD.test(arg)) return arg;
  const crt = `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
  if (!/[%"]/.test(arg)) return crt;
  return crt.replace(/[\^&|<>()%!"]/g, (c) => '^' + c);
}

// The program word for cmd.exe: cmd.exe splits off the command token while it reads the carets, and an
// escaped quote does not hold `C:\Program Files\…` together there. Plain quotes are the safe form.
function cmdProgram(program: string): string {
  if (/["\0]/.test(program) || CONTROL.test(program)) {
    throw new Error('cmd.exe cannot run a program whose path contains a quote or a control character');
  }
  // Inside quotes a `%NAME%` cannot be escaped at the prompt; refuse rather than run something else.
  if (/%[^%]+%/.test(program)) throw new Error('cmd.exe cannot quote %NAME% in a program path');
  return PLAIN_CMD.test(program) ? program : `"${program}"`;
}

/** A whole command line: the program, then each argument, quoted for `shell`. A terminal's variables are set
 *  when the terminal is created, never typed into it. */
export function commandLine(argv: string[], shell: ShellKind): string {
  if (argv.length === 0) throw new Error('commandLine needs at least a program');
  const [program, ...args] = argv;
  const rest = args.map((a) => ' ' + quoteArg(a, shell)).join('');
  switch (shell) {
    case 'bash':
    case 'zsh':
    case 'sh':
    case 'fish':
      return quoteArg(program, shell) + rest;
    case 'pwsh':
      // A quoted first word is only a string to PowerShell; `&` makes it a command.
      // Native-argument caveat: Windows PowerShell 5.1 and pwsh < 7.3 ("Legacy" argument passing) drop
      // empty arguments and mangle embedded `"`; pwsh 7.3+ passes them correctly.
      return `& ${pwshQuote(program)}${rest}`;
    case 'cmd':
      return cmdProgram(program) + rest;
  }
}
