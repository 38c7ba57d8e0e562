// Installed gateway services, in exactly the form `openclaw gateway install` writes them: each release's own
// buildGatewayInstallPlan + buildSystemdUnit / buildLaunchAgentPlist make the files (nothing is installed), which go
// into the fake home's ~/.config/systemd/user and ~/Library/LaunchAgents; the host model must read each service's
// profile, port and config, and warn (with a reinstall) where the profile has moved since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../language-server/src/diagnose';
import { serviceDirs } from '../../language-server/src/host/installed-services';
import { loadHost } from '../../language-server/src/host/model';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { cliServiceFiles, type ServiceSpec } from '../support/cli-probe';
import { OPENCLAW } from '../support/paths';
import { makeTempHome, olderReleases, requireOpenclaw } from './cli-tools';

const schema = bundledSchemaInUse();

async function servicesAgree(bin: string): Promise<void> {
  // A space in the home: the unit quotes such values, the plist does not need to.
  const temp = await makeTempHome('openclaw-services-');
  const home = path.join(temp.dir, 'my home');
  try {
    const write = async (rel: string, text: string) => {
      await fs.mkdir(path.dirname(path.join(home, rel)), { recursive: true });
      await fs.writeFile(path.join(home, rel), text);
    };
    await write('.openclaw/openclaw.json', "{ gateway: { mode: 'local', port: 18789 } }\n");
    // rescue was installed on 18809 and moved to 18900 since.
    await write('.openclaw-rescue/openclaw.json', "{ gateway: { mode: 'local', port: 18900 } }\n");
    await write('.openclaw-ops/openclaw.json', "{ gateway: { mode: 'local' } }\n");
    const specs: ServiceSpec[] = [
      { home, port: 18789, stateDir: path.join(home, '.openclaw'), configPath: path.join(home, '.openclaw', 'openclaw.json') },
      { home, profile: 'rescue', port: 18809, stateDir: path.join(home, '.openclaw-rescue'), configPath: path.join(home, '.openclaw-rescue', 'openclaw.json') },
      // ops' service runs another config than ops' own.
      { home, profile: 'ops', port: 55291, stateDir: path.join(home, '.openclaw-ops'), configPath: path.join(home, 'elsewhere', 'ops.json') },
    ];
    const files = await cliServiceFiles(bin, specs);
    const dirs = serviceDirs(home);
    for (const f of files) {
      assert.match(f.systemd, /^ExecStart=.* gateway --port \d+$/m, 'the CLI\'s unit starts the gateway with --port');
      await fs.mkdir(dirs.systemd, { recursive: true });
      await fs.writeFile(path.join(dirs.systemd, f.systemdName), f.systemd);
    }
    let host = await loadHost({ home, env: {}, declared: [], schema });
    const services = (name: string) => host.profiles.find((p) => p.summary.name === name)!.summary.installedServices ?? [];
    assert.deepEqual(services('default').map((s) => [s.manager, s.name, s.profile, s.port, s.configPath, s.drift]),
      [['systemd', 'openclaw-gateway.service', 'default', 18789, path.join(home, '.openclaw', 'openclaw.json'), []]]);
    const [rescue] = services('rescue');
    assert.deepEqual([rescue.name, rescue.profile, rescue.port, rescue.stateDir], ['openclaw-gateway-rescue.service', 'rescue', 18809, path.join(home, '.openclaw-rescue')]);
    assert.deepEqual(rescue.drift, ["pins port 18809; the profile's gateway is on 18900 now"]);
    const [ops] = services('ops');
    assert.deepEqual(ops.drift, [`runs the config ${path.join(home, 'elsewhere', 'ops.json')}, not ${path.join(home, '.openclaw-ops', 'openclaw.json')}`]);

    // The drift is a warning on the key that moved, whose fix reinstalls the service.
    const text = "{ gateway: { mode: 'local', port: 18900 } }\n";
    const rescueConfig = path.join(home, '.openclaw-rescue', 'openclaw.json');
    const [d] = diagnose({ parsed: parseConfig(text), schema, profile: { host, configPath: rescueConfig } }).filter((x) => x.code === 'service-drift');
    assert.ok(d, 'no service-drift diagnostic');
    assert.equal(d.severity, 'warning');
    assert.equal(text.slice(d.start, d.end), 'port');
    assert.match(d.message, /openclaw-gateway-rescue\.service pins port 18809/);
    assert.deepEqual(d.fixes, [{ kind: 'reinstall-service', profile: 'rescue' }]);

    // The same services as launchd agents, as the CLI writes them on macOS.
    await fs.rm(dirs.systemd, { recursive: true });
    await fs.mkdir(dirs.launchd, { recursive: true });
    for (const f of files) await fs.writeFile(path.join(dirs.launchd, `${f.launchdLabel}.plist`), f.launchd);
    host = await loadHost({ home, env: {}, declared: [], schema });
    assert.deepEqual(services('default').map((s) => [s.manager, s.name, s.port, s.drift]), [['launchd', 'ai.openclaw.gateway', 18789, []]]);
    assert.deepEqual(services('rescue').map((s) => [s.manager, s.name, s.profile, s.port, s.drift.length]), [['launchd', 'ai.openclaw.rescue', 'rescue', 18809, 1]]);
    assert.equal(services('ops')[0].configPath, path.join(home, 'elsewhere', 'ops.json'));
  } finally {
    await temp.remove();
  }
}

test('services written by the pinned CLI\'s own code: profile, port and config read back, drift warned with a reinstall', { timeout: 120_000 }, async () => {
  requireOpenclaw();
  await servicesAgree(OPENCLAW);
});

test('services written by the newest older release read back the same way', { timeout: 120_000 }, async () => {
  requireOpenclaw();
  const newestOlder = olderReleases().at(-1)!;
  await servicesAgree(newestOlder.bin);
});
