// The long-running child processes some tests start. A test that is killed from outside (a mutation run's timeout,
// a Ctrl-C) never reaches its cleanup; a child holding this ends itself once its parent is gone, so no run leaves a
// process behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Source that ends the child when its parent goes; `keepAlive: false` checks without holding the event loop open. */
export function endsWithParent(keepAlive = true): string {
  return `{ const parent = process.ppid; const t = setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 500);${keepAlive ? '' : ' t.unref();'} }`;
}

/** A Node child that does nothing until signalled (after running `prelude`); resolves once it is running. */
export async function idleChild(options: SpawnOptions = {}, prelude = ''): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `${prelude} ${endsWithParent()} console.log('up');`], { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return child;
}
