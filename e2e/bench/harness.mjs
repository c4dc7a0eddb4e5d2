// What the benchmark installs in every page before it loads (`page.addInitScript`): a long-task
// recorder, and `__bench.arm(kind, expect)`, which times the next input from its keydown (or
// `beforeinput`, for a paste) to the end of the first frame painted once the page shows the
// expected state. The page's state is read in that frame's requestAnimationFrame callback and
// checked only after the frame, so the check costs nothing in the time.

export function harness() {
  const bench = (window.__bench = { longtasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the column stays empty.
  }
  const channel = new MessageChannel();
  // A message posted from a requestAnimationFrame callback arrives after that frame's paint.
  const afterFrame = () =>
    new Promise((ok) => {
      channel.port1.onmessage = () => ok(performance.now());
      channel.port2.postMessage(0);
    });
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(ok));

  const byId = (id) => document.getElementById(id);
  const read = {
    floor: () => ({ value: byId('floor').value, echo: byId('echo').textContent }),
    app: () => ({
      url: byId('request-url')?.value ?? '',
      codes: [...document.querySelectorAll('.diag .code')].map((e) => e.textContent),
      body: document.querySelector('pre.body')?.textContent ?? '',
      summary: document.querySelector('.summary')?.textContent ?? '',
    }),
  };
  const decoded = (url) => {
    try {
      return decodeURIComponent(url);
    } catch {
      return '';
    }
  };
  const done = {
    floor: (s) => s.echo === s.value,
    // A Port typed: the URL carries it, the port diagnostic comes and goes, the body follows.
    port: (s, e) =>
      new RegExp(`Port["']:["']?${e.port}["']?[,}]`).test(decoded(s.url)) &&
      s.codes.includes('RealServerPortNotSupport') === e.bad &&
      s.body.includes(e.body),
    // A list pasted: the URL follows (its last entry in it, or for a long list as long as the
    // box shows), its diagnostic and body are shown.
    list: (s, e) =>
      (e.urlAtLeast ? s.url.length >= e.urlAtLeast : decoded(s.url).includes(e.lastId)) &&
      (e.code ? s.codes.includes(e.code) && s.body.includes(e.code) : s.summary.startsWith('Valid')),
  };

  bench.arm = (kind, expect = {}) => {
    bench.result = new Promise((resolve) => {
      const start = (event) => {
        removeEventListener('keydown', start, true);
        removeEventListener('beforeinput', start, true);
        const t0 = event.timeStamp;
        (async () => {
          for (;;) {
            await nextFrame();
            const seen = read[kind === 'floor' ? 'floor' : 'app']();
            const t1 = await afterFrame();
            if (done[kind](seen, expect)) return resolve({ ms: t1 - t0 });
            if (t1 - t0 > 120_000) return resolve({ error: `no update after 120 s: ${JSON.stringify(expect)}` });
          }
        })();
      };
      addEventListener('keydown', start, true);
      addEventListener('beforeinput', start, true);
    });
  };
}
