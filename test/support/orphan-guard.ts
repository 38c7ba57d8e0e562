// Source for the long-running child processes some tests start. A test that is killed from outside (a mutation run's
// timeout, a Ctrl-C) never reaches its cleanup; a child holding this ends itself once its parent is gone, so no run
// leaves a process behind. `keepAlive: false` checks without holding the child's event loop open.
export function endsWithParent(keepAlive = true): string {
  return `{ const parent = process.ppid; const t = setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 500);${keepAlive ? '' : ' t.unref();'} }`;
}
