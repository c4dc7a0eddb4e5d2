// Spans and fix edits are UTF-16 code units: `String.prototype.slice` cuts exactly the offending
// text, whatever CJK characters and emoji (two code units each) come before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseServers, validate } from 'slb-msgroup';
import { SEED, applyFix, spanned } from './helpers.mjs';

const withServers = (raw) => ({ ...SEED, MasterSlaveBackendServers: raw });
const find = (report, code) => report.diagnostics.find((d) => d.code === code);

test('a bad Port after emoji and CJK', () => {
  const raw = '[{"ServerId":"😀🚀-主服务器","Port":"http","ServerType":"Master"},{"ServerId":"i-2","Port":80,"ServerType":"Slave"}]';
  const d = find(validate(withServers(raw)), 'RealServerPortNotSupport');
  assert.ok(d, 'RealServerPortNotSupport');
  assert.equal(d.path, 'MasterSlaveBackendServers[0].Port');
  assert.ok(spanned(raw, d).includes('http'), spanned(raw, d));
  // In UTF-8 bytes the span would start 14 later (4 per emoji, 3 per CJK character).
  assert.equal(d.span.start, raw.indexOf('"http"'));
});

test('an unknown CJK key after emoji', () => {
  const raw = "[{'ServerId':'i-1','Port':80,'描述🙂':'x'},{'ServerId':'i-2','Port':80,'ServerType':'Slave'}]";
  const d = find(validate(withServers(raw)), 'UnknownServerKey');
  assert.ok(d);
  assert.ok(spanned(raw, d).includes('描述🙂'), spanned(raw, d));
});

test('a Description with an emoji is a warning whose span covers it', () => {
  const raw = '[{"ServerId":"i-1","Port":80,"Description":"主服务器 👍"},{"ServerId":"i-2","Port":80,"ServerType":"Slave"}]';
  const report = validate(withServers(raw));
  assert.equal(report.ok, true);
  const d = find(report, 'InvalidDescription');
  assert.ok(d);
  assert.ok(spanned(raw, d).includes('主服务器 👍'), spanned(raw, d));
});

test('the missing-comma fix lands in the right place after emoji', () => {
  const raw = "[{'ServerId':'😀😀😀','Port':'80','Weight':'100''ServerType':'Master'},{'ServerId':'主','Port':'90','ServerType':'Slave'}]";
  const d = find(validate(withServers(raw)), 'InvalidParameter');
  assert.equal(d.span.start, raw.indexOf("''ServerType") + 1);
  assert.equal(spanned(raw, d), "'");
  const fixed = applyFix(raw, d.fix);
  assert.equal(fixed, raw.replace("''ServerType", "','ServerType"));
  assert.equal(validate(withServers(fixed)).ok, true);
});

test('a syntax error at the very end of a CJK string', () => {
  const raw = "[{'ServerId':'服务器一号'";
  const { servers, diagnostics } = parseServers(raw);
  assert.equal(servers, null);
  const [d] = diagnostics;
  assert.ok(d.span.start <= raw.length && d.span.end <= raw.length, JSON.stringify(d.span));
  assert.equal(d.span.end, raw.length);
});

test('a duplicate key is found by UTF-16 offsets too', () => {
  const raw = '[{"ServerId":"🐱","Port":80,"Port":81},{"ServerId":"🐶","Port":80,"ServerType":"Slave"}]';
  const d = find(validate(withServers(raw)), 'DuplicateServerKey');
  assert.ok(d);
  // The span is the first Port of server 0, the one the later one replaces.
  assert.equal(d.span.start, raw.indexOf('"Port"'));
  assert.equal(spanned(raw, d), '"Port"');
});
