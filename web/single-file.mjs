// `cargo xtask build --single-file`: dist/ as one self-contained HTML file, for file:// and for a
// docs site to vendor (one file to copy, nothing to serve beside it).
//
// The stylesheet becomes a <style>, and boot.js (the wasm-bindgen glue and the deflated wasm)
// with the check chunk becomes one inline <script type="module">. The Content-Security-Policy stays the
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

// boot.js (the glue and the deflated wasm, inlined by the post-build hook) becomes one inline
// <script type="module">, with the check chunk it imports on demand inlined in a function of
// its own (its own glue's names stay apart from the page's): the chunk's wasm is only inflated
// and compiled when the "Check a request" view first opens, as from dist/.
const bootTag = html.match(/<script type="module" src="([^"]*boot\.js)"><\/script>/);
if (!bootTag) fail('no boot.js script in index.html');
let script = readFileSync(join(dist, bootTag[1]), 'utf8');
if (/^\s*import\b/m.test(script)) fail('boot.js imports a module (web/postbuild.mjs inlines the glue)');
const chunkImport = script.match(/\bimport\('\.\/(check-[0-9a-f]+\.js)'\)/);
if (!chunkImport) fail("boot.js has no `import('./check-<hash>.js')`");
const chunk = readFileSync(join(dist, chunkImport[1]), 'utf8');
if (/^\s*import\b/m.test(chunk)) fail(`${chunkImport[1]} imports a module`);
const chunkBody = chunk.replace(/^export default /m, 'return ');
if (chunkBody === chunk || /^export\b/m.test(chunkBody)) fail(`${chunkImport[1]} exports something but its default`);
script = script.replace(chunkImport[0], () => `Promise.resolve({ default: (() => {\n${chunkBody}\n})() })`);
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
