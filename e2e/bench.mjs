// Keystroke timing in headless Chromium: from an input event in a server card's Port field to
// the updated request URL, diagnostics and response body. Prints median and p95 over 200
// keystrokes (a benchmark: no assertion on time). The link's fragment follows once typing
// pauses, so it is not part of a keystroke.
import { launch } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const N = Number(process.env.KEYSTROKES ?? 200);
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.origin + '/');
  await page.getByRole('region', { name: 'Diagnostics' }).waitFor();
  const times = await page.evaluate(async (n) => {
    const input = document.getElementById('s0-Port');
    const body = () => document.querySelector('pre.body').textContent;
    const url = () => document.getElementById('request-url').value;
    const codes = () => [...document.querySelectorAll('.diag .code')].map((e) => e.textContent).join(',');
    const channel = new MessageChannel();
    const tick = () => new Promise((ok) => { channel.port1.onmessage = ok; channel.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < n + 10; i++) {
      // Alternate valid and invalid ports so the diagnostics and the body change every time.
      const value = i % 2 ? String(1000 + i) : String(70000 + i);
      const bad = i % 2 === 0;
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        const urlOk = new RegExp(`Port["']:["']?${value}["']?[,}]`).test(decodeURIComponent(url()));
        const diagOk = codes().includes('RealServerPortNotSupport') === bad;
        const bodyOk = bad ? body().includes('RealServerPortNotSupport') : body().includes(value);
        if (urlOk && diagOk && bodyOk) break;
        await tick();
      }
      if (i >= 10) out.push(performance.now() - t0); // the first ten warm up
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    }
    return out;
  }, N);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `keystroke -> request URL, diagnostics and body (${times.length} keystrokes): median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
