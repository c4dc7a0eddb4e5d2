// The README's examples run here, so they cannot go stale: in each ```js block that follows a
// heading in CHECKED, every line `expression; // value` becomes an assertion that the expression
// equals the value (a trailing `(…)` remark is ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as slb from 'slb-msgroup';
import * as slbCheck from 'slb-msgroup/check';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ROOT_README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const CHECKED = [
  [README, '## Node (18+): `import` or `require`, no init call', slb],
  [README, '## Checking a captured request: `slb-msgroup/check`', slbCheck],
  [ROOT_README, '## npm package', slb],
];

function firstJsBlock(text, heading) {
  const at = text.indexOf(`${heading}\n`);
  assert.notEqual(at, -1, `README has ${heading}`);
  const start = text.indexOf('```js\n', at) + '```js\n'.length;
  return text.slice(start, text.indexOf('\n```', start));
}

function toAssertions(block) {
  let count = 0;
  const code = block
    .split('\n')
    .filter((line) => !/^import .* from 'slb-msgroup(\/check)?';/.test(line))
    .map((line) => {
      const m = line.match(/^(.*?);\s+\/\/ (.*?)\s*(\(.*\))?$/);
      if (!m || m[1].trim().startsWith('import') || /^[a-z ]+:/.test(m[2])) return line;
      count++;
      return `assert.deepEqual(${m[1]}, ${m[2]});`;
    })
    .join('\n');
  return { code, count };
}

for (const [text, heading, module] of CHECKED) {
  test(`README example: ${heading}`, () => {
    const { code, count } = toAssertions(firstJsBlock(text, heading));
    assert.ok(count > 0, 'the example states some values');
    new Function('slb', 'assert', `const { ${Object.keys(module).join(', ')} } = slb;\n${code}`)(module, assert);
  });
}
