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
    // The core's state_hash of what this person sees: equal hashes, equal data (docs/testing.md).
    stateHash: () => Module.UTF8ToString(Module._sb_test_state_hash()),
    frameCount: () => Module._sb_test_frame_count(),
    // The rota cell of a person on a date, in CSS pixels ({x, y, w, h}), or null when not on screen.
    cellRect: (staffId, date) => JSON.parse(Module.ccall('sb_test_cell_rect', 'string', ['string', 'string'], [staffId, date])),
    // {from: {staff, date, shift}, to: {staff, date}}: a visible shift that may legally move to a visible empty cell.
    sampleCells: () => JSON.parse(Module.UTF8ToString(Module._sb_test_sample_cells())),
    // {label, x, y, w, h} in CSS pixels of the first button drawn last frame whose ImGui label starts
    // with `prefix` ("Book now##" finds the first Book now button), or null.
    itemRect: (prefix) => JSON.parse(Module.ccall('sb_test_item_rect', 'string', ['string'], [prefix])),
    // Every text field drawn last frame, as [{label, x, y, w, h}].
    textFields: () => JSON.parse(Module.UTF8ToString(Module._sb_test_text_fields())),
    // Applies a command as the app would ({type}, payload object) and returns its result.
    submit: (type, payload) => JSON.parse(Module.ccall('sb_test_submit', 'string', ['string', 'string'], [type, JSON.stringify(payload)])),
    // What the command would do, asked of the core as the screens ask it; nothing is changed.
    preview: (type, payload) => JSON.parse(Module.ccall('sb_test_preview', 'string', ['string', 'string'], [type, JSON.stringify(payload)])),
    // What the rota's history panel shows: {from_server, loading, error, entries: [{revision, author, type, text, override_reason}]}.
    audit: () => JSON.parse(Module.UTF8ToString(Module._sb_test_audit())),
    // Ids of the open shifts in what this person sees.
    openShifts: () => JSON.parse(Module.UTF8ToString(Module._sb_test_open_shifts())),
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('This browser does not support WebAssembly, which Shiftbank needs to run.');
    return;
  }
  installKeyboardBridge(document.getElementById('canvas'), document.getElementById('keyboard'));

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

  // The phone keyboard (docs/testing.md, WEB-NOTES §1). A tap on one of the app's text fields focuses
  // the hidden input inside the touch handler itself (iOS opens the keyboard only then); what is typed
  // there goes to the app as text or editing keys, and the input is emptied again. A one-character
  // sentinel keeps Backspace working on an "empty" input.
  function installKeyboardBridge(canvas, input) {
    const SENTINEL = ' ';
    const ready = () => window.Module && Module._sb_text_field_at;
    const reset = () => { input.value = SENTINEL; input.setSelectionRange(1, 1); };
    const send = (text) => { if (text) Module.ccall('sb_text_input', null, ['string'], [text]); };
    const key = (n) => Module._sb_key(n);
    function onTap(x, y) {
      if (!ready()) return;
      const r = canvas.getBoundingClientRect();
      if (Module._sb_text_field_at(x - r.left, y - r.top)) {
        reset();
        input.focus({ preventScroll: true });
      }
    }
    canvas.addEventListener('touchend', (e) => {
      const t = e.changedTouches[0];
      if (t) onTap(t.clientX, t.clientY);
    });
    canvas.addEventListener('pointerup', (e) => { if (e.pointerType === 'pen') onTap(e.clientX, e.clientY); });
    // The mouse events a browser makes up after a tap would move focus to the canvas and close the
    // keyboard again; the app still receives them (SDL listens separately).
    canvas.addEventListener('mousedown', (e) => { if (document.activeElement === input) e.preventDefault(); });
    // A mouse: the keys go to the canvas (SDL listens there), but SDL cancels the press, and with it the
    // browser's own focusing, so the canvas is focused here or typing into a field would go nowhere.
    canvas.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse' && document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    });
    input.addEventListener('input', (e) => {
      if (!ready() || e.isComposing) return;   // IME: wait for compositionend
      if (e.inputType === 'deleteContentBackward') key(0);
      else if (e.inputType === 'insertLineBreak') key(1);
      else if (e.data) send(e.data);
      else if (input.value.length > 1) send(input.value.slice(1));   // autofill, paste
      reset();
    });
    input.addEventListener('compositionend', (e) => { send(e.data); reset(); });
    // Keys that type nothing: handled here, and kept from SDL's window-wide listeners so nothing
    // arrives twice (the typed text comes through the input event above).
    const editing = { Enter: 1, Tab: 2, Escape: 3, ArrowLeft: 4, ArrowRight: 5 };
    for (const type of ['keydown', 'keypress', 'keyup']) {
      input.addEventListener(type, (e) => {
        e.stopPropagation();
        if (type === 'keydown' && e.key in editing && ready()) {
          e.preventDefault();
          key(editing[e.key]);
        }
      });
    }
  }

  const script = document.createElement('script');
  script.src = 'shiftbank.js';
  script.async = true;
  script.onerror = () => showError('The file shiftbank.js could not be downloaded. Check your connection and reload.');
  document.body.appendChild(script);
})();
