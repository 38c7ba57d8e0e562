// The port-map picture's layout: regions with breaks, a monotone shared axis, labels that do not collide, one row
// per profile, links to config keys, the conflicts first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelLanes, layoutAxis, regions, textWidth } from '../../src/profiles/port-map-layout';
import { clashRuns, GO_TO_COMMAND, goToHref, portMapSvg, layoutRows } from '../../src/profiles/port-map-svg';
import { portMapHtml } from '../../src/profiles/port-map-html';
import { loadHost, toProtocolModel } from '../../language-server/src/host/model';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import type { HostModel } from '../../language-server/src/protocol';
import { FIXTURE_HOME } from '../support/paths';

async function fixtureModel(): Promise<HostModel> {
  return toProtocolModel(await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema: bundledSchemaInUse() }), { source: 'bundled' });
}

test('regions: runs closer than 51 free ports join, farther ones break', () => {
  assert.deepEqual(regions([{ from: 100, to: 100 }, { from: 151, to: 160 }]), [{ from: 100, to: 160 }]);
  assert.deepEqual(regions([{ from: 100, to: 100 }, { from: 152, to: 160 }]), [{ from: 100, to: 100 }, { from: 152, to: 160 }]);
  assert.deepEqual(regions([{ from: 40050, to: 40050 }, { from: 18789, to: 18899 }, { from: 18809, to: 18919 }, { from: 40011, to: 40110 }]),
    [{ from: 18789, to: 18919 }, { from: 40011, to: 40110 }]);
});

test('the axis: every port left of the next, single ports wide enough to see, within the width when they fit', async () => {
  const model = await fixtureModel();
  const runs = model.profiles.flatMap((p) => p.ports);
  const axis = layoutAxis(runs, { left: 100, width: 800 });
  assert.equal(axis.regions.length, 5);
  assert.ok(axis.right <= 900 + 0.01, `right edge ${axis.right}`);
  assert.ok(axis.scale >= 0.8, `a CDP range of 100 ports is drawn ${axis.scale * 100}px wide`);
  for (const r of axis.regions) {
    for (let p = r.from; p <= r.to; p++) assert.ok(axis.x(p) < axis.xEnd(p), `port ${p}`);
  }
  for (let i = 1; i < axis.regions.length; i++) assert.ok(axis.regions[i].x0 - axis.regions[i - 1].x1 >= 20, 'a break between regions');
  for (const s of runs.filter((x) => x.from === x.to)) assert.ok(axis.xEnd(s.from) - axis.x(s.from) >= axis.single - 1e-9);
  assert.throws(() => axis.x(25000), /on no region/);
  // Too dense for the width: the narrowest singles, and the picture grows rather than crushing the ranges away.
  const tight = layoutAxis(runs, { left: 0, width: 200 });
  assert.equal(tight.single, 8);
  assert.ok(tight.scale >= 0.3 && tight.right > 200);
});

test('labels: no two in one lane overlap, and the first lane is used when it is free', () => {
  const labels = [{ x: 10, width: 30 }, { x: 14, width: 30 }, { x: 40, width: 30 }, { x: 200, width: 60 }];
  const lanes = labelLanes(labels);
  assert.deepEqual(lanes, [0, 1, 2, 0]);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (lanes[i] !== lanes[j]) continue;
      const [a, b] = [labels[i], labels[j]];
      assert.ok(a.x + a.width / 2 <= b.x - b.width / 2 || b.x + b.width / 2 <= a.x - a.width / 2, `${i} and ${j} overlap`);
    }
  }
  assert.ok(textWidth('18820-18919') > textWidth('18809'));
});

test('the picture: one row per profile, every segment labelled with its ports and linked to its key', async () => {
  const model = await fixtureModel();
  const svg = portMapSvg(model);
  assert.equal((svg.match(/<g class="row"/g) ?? []).length, 6);
  assert.equal((svg.match(/class="seg /g) ?? []).length, model.profiles.reduce((n, p) => n + p.ports.length, 0));
  assert.equal((svg.match(/class="lbl"/g) ?? []).length, model.profiles.reduce((n, p) => n + p.ports.length, 0));
  for (const label of ['18809', '18820-18919', '18800-18899', '18850', '40050', '55302-55401']) assert.ok(svg.includes(`class="lbl">${label}</text>`), label);
  for (const legend of ['gateway (base)', 'browser control', 'relay', 'CDP range', 'CDP port of a browser profile', 'ports two profiles share']) {
    assert.ok(svg.includes(`class="legend">${legend}</text>`), legend);
  }
  assert.ok(!svg.includes('canvas (retired canvasHost)'), 'the legend shows only the roles on this host');
  assert.equal((svg.match(/class="brk"/g) ?? []).length, 4);
  const rescue = model.profiles.find((p) => p.name === 'rescue')!;
  const gateway = rescue.ports.find((s) => s.role === 'gateway')!;
  assert.ok(svg.includes(`<a href="${goToHref(rescue.configPath, gateway.range)}" class="profile" data-profile="rescue">`));
  const work = model.profiles.find((p) => p.name === 'default')!.ports.find((s) => s.role === 'cdp:work')!;
  assert.ok(svg.includes(goToHref(model.profiles[0].configPath, work.range)));
  const ops = model.profiles.find((p) => p.name === 'ops')!;
  assert.ok(svg.includes(`<a href="${goToHref(ops.configPath, undefined)}" class="profile" data-profile="ops">`), 'a hashed base opens the config at its top');
  assert.equal(decodeURIComponent(goToHref('/a b/c.json', gateway.range).slice(`command:${GO_TO_COMMAND}?`.length)),
    JSON.stringify([{ configPath: '/a b/c.json', range: gateway.range }]));
});

test('rows grow with their label lanes and follow one another', async () => {
  const model = await fixtureModel();
  const svgAxis = layoutAxis(model.profiles.flatMap((p) => p.ports), { left: 100, width: 800 });
  const rows = layoutRows(model, svgAxis, 40);
  assert.deepEqual(rows.map((r) => r.profile.name), ['default', 'lab', 'ops', 'qa', 'rescue', 'stage']);
  for (let i = 1; i < rows.length; i++) assert.equal(rows[i].y, rows[i - 1].y + rows[i - 1].height);
  for (const r of rows) assert.equal(r.height, 28 + (Math.max(...r.labels.map((l) => l.lane)) + 1) * 12);
});

test('the clashes: per profile, the shared ports merged into runs', async () => {
  const runs = clashRuns(await fixtureModel());
  assert.deepEqual(runs.get('rescue'), [[18809, 18809], [18811, 18811], [18819, 18899]]);
  assert.deepEqual(runs.get('default'), [[18809, 18809], [18811, 18811], [18819, 18899]]);
  assert.deepEqual(runs.get('stage'), [[40050, 40050]]);
  assert.equal(runs.get('ops'), undefined);
});

test('the page lists the conflicts first, each with links to its keys, and escapes what it shows', async () => {
  const model = await fixtureModel();
  const html = portMapHtml(model);
  assert.ok(html.indexOf('id="conflicts"') < html.indexOf('<svg'), 'conflicts before the picture');
  assert.match(html, /<h3>4 conflicts<\/h3>/);
  assert.equal((html.match(/<li>/g) ?? []).length, 4);
  assert.ok(html.includes('class="key" data-profile="default">default: browser.profiles.work.cdpPort</a>'));
  assert.ok(!/<script/i.test(html) && html.includes("default-src 'none'"));
  const odd: HostModel = {
    ...model,
    profiles: [{ ...model.profiles[0], name: '<b>x</b>' }],
    conflicts: [{ ...model.conflicts[0], message: 'a <i>b</i> & c' }],
  };
  const escaped = portMapHtml(odd);
  assert.ok(!escaped.includes('<b>x</b>') && !escaped.includes('<i>b</i>') && escaped.includes('&#60;b&#62;x'));
  assert.match(portMapHtml({ ...model, conflicts: [] }), /No conflicts/);
  assert.match(portMapHtml(undefined), /Waiting for the OpenClaw language server/);
  assert.match(portMapHtml({ ...model, conflicts: [model.conflicts[1]] }), /<h3>1 conflict<\/h3>/);
});
