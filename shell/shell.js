// Starts the WebAssembly app: checks the browser can run it, shows progress while files download,
// explains any failure in words, and exposes window.shiftbankTest (docs/testing.md).
'use strict';
(function () {
  const loading = document.getElementById('loading');
  const progress = document.getElementById('progress');
  const loadingText = document.getElementById('loading-text');
  let started = false;

  function showError(text, title) {
    loading.hidden = true;
    document.getElementById('problem-title').textContent = title || 'Shiftbank cannot start in this browser';
    document.getElementById('problem-text').textContent = text;
    document.getElementById('problem').hidden = false;
    document.getElementById('canvas').style.display = 'none';
    if (window.shiftbankTest) window.shiftbankTest.error = text;
  }

  // The test hook. ready turns true once a frame showing the data (or its load error) is drawn.
  window.shiftbankTest = {
    ready: false,
    error: null,
    frameStats: () => JSON.parse(Module.UTF8ToString(Module._sb_test_frame_stats())),
    state: () => JSON.parse(Module.UTF8ToString(Module._sb_test_state())),
    frameCount: () => Module._sb_test_frame_count(),
    // The rota cell of a person on a date, in CSS pixels ({x, y, w, h}), or null when not on screen.
    cellRect: (staffId, date) => JSON.parse(Module.ccall('sb_test_cell_rect', 'string', ['string', 'string'], [staffId, date])),
    // {from: {staff, date, shift}, to: {staff, date}}: a visible shift that may legally move to a visible empty cell.
    sampleCells: () => JSON.parse(Module.UTF8ToString(Module._sb_test_sample_cells())),
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('This browser does not support WebAssembly, which Shiftbank needs to run.');
    return;
  }
  // Right-click belongs to the app's own menus on the canvas, not the browser's.
  document.getElementById('canvas').addEventListener('contextmenu', (e) => e.preventDefault());

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('This browser has WebGL 2 switched off or does not support it. Shiftbank draws the rota with ' +
              'WebGL 2: turn on hardware acceleration in the browser settings, or use another browser.');
    return;
  }
  const lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();   // free the probe's context: browsers allow only a few at once

  window.Module = {
    canvas: document.getElementById('canvas'),
    showError,
    // Emscripten reports "Downloading data... (12345/67890)" while fetching the .data package.
    setStatus(text) {
      const m = text && text.match(/\((\d+(?:\.\d+)?)\/(\d+)\)/);
      if (m) {
        const pct = Math.max(5, Math.round(100 * Number(m[1]) / Number(m[2])));
        progress.style.width = pct + '%';
        loadingText.textContent = 'Downloading… ' + pct + '%';
      } else if (text) {
        loadingText.textContent = text.replace('...', '…');
      }
    },
    onRuntimeInitialized() {
      started = true;
      progress.style.width = '100%';
      loadingText.textContent = 'Loading the rota…';
    },
    onFirstFrame() { loading.hidden = true; },
    onAbort(what) {
      showError('Shiftbank stopped while starting (' + what + '). A file may have failed to download.');
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };

  // A file that fails to download (script, .wasm or .data) must never leave a blank page.
  window.addEventListener('error', (e) => {
    if (!started && !window.shiftbankTest.ready) showError('A part of Shiftbank failed to load: ' + (e.message || e.type) + '.');
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (!started) showError('A part of Shiftbank failed to load: ' + e.reason + '.');
  });

  const script = document.createElement('script');
  script.src = 'shiftbank.js';
  script.async = true;
  script.onerror = () => showError('The file shiftbank.js could not be downloaded. Check your connection and reload.');
  document.body.appendChild(script);
})();
