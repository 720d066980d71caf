// Carries bytes for the app's sync client (src/client/sync_client.hpp), which decides everything:
// what to ask the server for and when, and what the answers mean. Here are only the two things a
// WebAssembly module cannot do itself: HTTP requests (fetch), and storage that outlives the page
// (IndexedDB, for the sign-in and the changes not yet answered, so they survive a reload, going
// offline and signing out and in again).
'use strict';
window.shiftbankSync = (function () {
  let inFlight = 0;
  let dbPromise = null;

  // --- IndexedDB: key → value strings, written as the app asks ---------------------------------
  function db() {
    if (!dbPromise) dbPromise = new Promise((resolve) => {
      if (!window.indexedDB) return resolve(null);
      const open = indexedDB.open('shiftbank', 2);
      open.onupgradeneeded = () => {
        const d = open.result;
        if (d.objectStoreNames.contains('pending')) d.deleteObjectStore('pending');   // version 1's layout
        if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);   // private browsing without storage: the app keeps working
    });
    return dbPromise;
  }

  async function loadAll() {
    const d = await db();
    if (!d) return {};
    return new Promise((resolve) => {
      const out = {};
      const req = d.transaction('kv', 'readonly').objectStore('kv').openCursor();
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return resolve(out);
        out[c.key] = c.value;
        c.continue();
      };
      req.onerror = () => resolve(out);
    });
  }

  async function save(key, value) {
    const d = await db();
    if (!d) return;
    const store = d.transaction('kv', 'readwrite').objectStore('kv');
    if (value === '') store.delete(key); else store.put(value, key);
  }

  // --- HTTP: one request, its answer handed back by tag; a streamed one line by line -----------
  async function request(tag, method, path, body, token, stream) {
    const headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    inFlight++;
    let status = 0, text = '', date = 0;
    try {
      const r = await fetch(path, { method, headers, body: method === 'POST' ? body : undefined, cache: 'no-store' });
      status = r.status;
      const d = Date.parse(r.headers.get('Date') || '');
      date = Number.isFinite(d) ? Math.floor(d / 1000) : 0;
      if (stream && r.ok && r.body && r.body.getReader) {
        const reader = r.body.getReader(), decoder = new TextDecoder();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
            window.Module.ccall('sb_http_part', null, ['number', 'string'], [tag, buffered.slice(0, nl)]);
            buffered = buffered.slice(nl + 1);
          }
        }
      } else {
        text = await r.text();
      }
    } catch (e) {
      status = 0;   // no answer: offline, or the server is down
      text = String(e);
    }
    inFlight--;
    window.Module.ccall('sb_http_response', null, ['number', 'number', 'string', 'number'], [tag, status, text, date]);
  }

  async function start() {
    const saved = await loadAll();
    window.Module.ccall('sb_sync_start', null, ['string'], [JSON.stringify(saved)]);
  }

  window.addEventListener('online', () => { if (window.Module && window.Module._sb_sync_online) window.Module._sb_sync_online(); });
  return { start, request, save, state: () => ({ busy: inFlight > 0, inFlight }) };
})();
