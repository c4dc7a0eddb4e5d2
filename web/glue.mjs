// Shared by the post-build hook and the single-file build: wasm-bindgen's glue (`--target web`)
// turned into plain declarations, so it can live inside another script, and the code that turns
// an inlined, deflated wasm back into bytes.

/**
 * The glue's text without its `export`s, and the name of its default export (the init function).
 * Throws when the glue imports other modules (wasm-bindgen snippets) or exports something unknown.
 */
export function inlineGlue(glue, name) {
  if (/^\s*import\b/m.test(glue)) throw new Error(`${name} imports other modules (wasm-bindgen snippets); inline them too`);
  // `export default __wbg_init;`, or `export { initSync, __wbg_init as default };`
  const defaultExport =
    glue.match(/^export default (\w+);$/m) ?? glue.match(/^export \{[^}]*?\b(\w+) as default\b[^}]*\};?$/m);
  if (!defaultExport) throw new Error(`${name} has no default export`);
  const code = glue
    .replace(/^export default \w+;$/m, '')
    .replace(/^export \{[^}]*\};?$/gm, '')
    .replace(/^export (async function|function|class|const|let|var) /gm, '$1 ');
  if (/^export\b/m.test(code)) throw new Error(`${name} has an export this script does not know`);
  return { code, init: defaultExport[1] };
}

// The inlined wasm is deflated, then base64: base64 alone would hide the bytes from the
// server's gzip. Decoded with `Uint8Array.fromBase64` where the browser has it (Chromium 140+,
// Firefox 133+, Safari 18.2+), else one loop over `atob`'s string: not `Uint8Array.from` with a
// callback per byte (25 ms for the page's wasm). Then inflated by DecompressionStream into a
// Response typed `application/wasm`, which wasm-bindgen's init hands to
// `WebAssembly.instantiateStreaming`: the module compiles while it inflates. A Response made in
// the page is no connection (`connect-src 'none'` stays), and 'wasm-unsafe-eval' allows the
// compilation.
export const UNPACK = `function unpack(base64) {
  let bytes;
  if (Uint8Array.fromBase64) {
    bytes = Uint8Array.fromBase64(base64);
  } else {
    const text = atob(base64);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(inflated, { headers: { 'Content-Type': 'application/wasm' } });
}`;
