// `cargo xtask build --single-file`: dist/ as one self-contained HTML file, for file:// and for a
// docs site to vendor (one file to copy, nothing to serve beside it).
//
// The stylesheet becomes a <style>, and boot.js (the deflated wasm) with the wasm-bindgen glue
// it imports becomes one inline <script type="module">. The Content-Security-Policy stays the
// page's own, directive for directive; inline code is allowed by its SHA-256 hash alone
// ('self' means nothing from file://), so the file still makes no connection
// (connect-src 'none') and runs no other script.
//
// usage: node web/single-file.mjs [dist] [out.html]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? join(root, 'dist');
const out = process.argv[3] ?? join(dist, 'slb-msgroup.html');

const fail = (why) => {
  console.error(`single-file: ${why}`);
  process.exit(1);
};
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let html = readFileSync(join(dist, 'index.html'), 'utf8');

// The stylesheet (Trunk: <link rel="stylesheet" href="./style-<hash>.css" …>).
const cssLink = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/);
if (!cssLink) fail('no stylesheet link in index.html');
const cssHref = cssLink[0].match(/\bhref="([^"]+)"/)?.[1];
const css = readFileSync(join(dist, cssHref), 'utf8');
html = html.replace(cssLink[0], () => `<style>${css}</style>`);

// boot.js, with the glue it imports inlined: the glue's exports become plain declarations.
const bootTag = html.match(/<script type="module" src="([^"]*boot\.js)"><\/script>/);
if (!bootTag) fail('no boot.js script in index.html');
const boot = readFileSync(join(dist, bootTag[1]), 'utf8');
const glueImport = boot.match(/^import init from '\.\/([^']+)';$/m);
if (!glueImport) fail("boot.js does not start with `import init from './<glue>.js'`");
let glue = readFileSync(join(dist, glueImport[1]), 'utf8');
if (/^\s*import\b/m.test(glue)) fail(`${glueImport[1]} imports other modules (wasm-bindgen snippets); inline them too`);
// `export default __wbg_init;`, or `export { initSync, __wbg_init as default };`
const defaultExport =
  glue.match(/^export default (\w+);$/m) ?? glue.match(/^export \{[^}]*?\b(\w+) as default\b[^}]*\};?$/m);
if (!defaultExport) fail(`${glueImport[1]} has no default export`);
glue = glue
  .replace(/^export default \w+;$/m, '')
  .replace(/^export \{[^}]*\};?$/gm, '')
  .replace(/^export (async function|function|class|const|let|var) /gm, '$1 ');
if (/^export\b/m.test(glue)) fail(`${glueImport[1]} has an export this script does not know`);
const script = boot.replace(glueImport[0], () => `${glue}\nconst init = ${defaultExport[1]};`);
html = html.replace(bootTag[0], () => `<script type="module">${script}</script>`);

// The same policy, with the inline code allowed by hash.
const csp = html.match(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/);
if (!csp) fail('no Content-Security-Policy in index.html');
const policy = csp[2]
  .replace(/script-src ([^;]*)/, (_, v) => `script-src ${v} ${hash(script)}`)
  .replace(/style-src ([^;]*)/, (_, v) => `style-src ${v} ${hash(css)}`);
if (policy === csp[2]) fail('the policy has no script-src or style-src to extend');
html = html.replace(csp[0], () => `${csp[1]}${policy}${csp[3]}`);

// Nothing may still point at a file beside it.
const left = [...html.matchAll(/\b(?:src|href)="(?!data:|#)([^"]+)"/g)].map((m) => m[1]);
if (left.length) fail(`still refers to ${left.join(', ')}`);

writeFileSync(out, html);
console.log(`single-file: ${out} (${html.length} bytes)`);
