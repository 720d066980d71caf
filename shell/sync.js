// Live sync with shiftbank-server (docs/api.md): sign-in, the snapshot, the change feed (long-poll)
// and this browser's commands. Commands are applied in the app at once (optimistically), kept in
// IndexedDB until the server has answered them — so they survive a reload and going offline — and
// replayed on top of each fresh snapshot until then. Without a server (a static host) the page runs
// read-only on data/snapshot.json, and local changes are kept as drafts that can be exported.
'use strict';
window.shiftbankSync = (function () {
  const TOKEN = 'shiftbank.session';
  let mode = 'server';          // 'server' | 'static'
  let session = null;           // {token, user}
  let revision = -1;            // of the last snapshot given to the app
  let online = true, lastSynced = '';
  let pending = [];             // [{id, type, payload}], in the order they were made
  let flushing = false, polling = false, fetching = false, refetch = false;
  let dbPromise = null;

  const C = () => window.Module;
  const call = (name, types, args) => C().ccall(name, null, types, args);

  // --- IndexedDB: the pending commands, one record each, ordered by when they were made ---------
  function db() {
    if (!dbPromise) dbPromise = new Promise((resolve) => {
      if (!window.indexedDB) return resolve(null);
      const open = indexedDB.open('shiftbank', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('pending', { keyPath: 'order' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);   // private browsing without storage: keep them in memory only
    });
    return dbPromise;
  }
  async function store(op, value) {
    const d = await db();
    if (!d) return op === 'all' ? [] : undefined;
    return new Promise((resolve) => {
      const tx = d.transaction('pending', op === 'all' ? 'readonly' : 'readwrite');
      const s = tx.objectStore('pending');
      const req = op === 'all' ? s.getAll() : op === 'put' ? s.put(value) : s.delete(value);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(op === 'all' ? [] : undefined);
    });
  }

  function status() {
    const t = lastSynced ? lastSynced : '';
    call('sb_sync_status', ['number', 'number', 'string', 'number'], [online ? 1 : 0, pending.length, t, mode === 'static' ? 1 : 0]);
  }
  function clock() { return new Date().toTimeString().slice(0, 5); }
  function headers() { return session ? { Authorization: 'Bearer ' + session.token } : {}; }
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // --- Start: which kind of host is this? -------------------------------------------------------
  async function start() {
    const params = new URLSearchParams(location.search);
    pending = ((await store('all')) || []).sort((a, b) => a.order - b.order);
    if (params.get('data')) return loadStatic(params.get('data'));
    let health = null;
    try {
      const r = await fetch('api/health', { cache: 'no-store' });
      if (r.ok && (r.headers.get('Content-Type') || '').includes('json')) health = await r.json();
    } catch (e) { /* no server */ }
    if (!health || !health.auth) return loadStatic('data/snapshot.json');
    try { session = JSON.parse(localStorage.getItem(TOKEN) || 'null'); } catch (e) { session = null; }
    const wanted = params.get('user') || params.get('role');
    if (session && (!wanted || wanted === session.user.id || wanted === session.user.role)) return fetchSnapshot();
    return showSignIn('');
  }

  async function loadStatic(url) {
    mode = 'static';
    online = false;
    try {
      const r = await fetch(url, { cache: 'no-store' });
      const body = await r.text();
      if (!r.ok) return call('sb_receive_data', ['string', 'number', 'number'], [body.slice(0, 300), r.status, 0]);
      deliver(body);
    } catch (e) {
      call('sb_receive_data', ['string', 'number', 'number'],
           ['The server could not be reached (' + e + '). Check your connection and reload the page.', -1, 0]);
    }
  }

  // The sign-in screen, with the demo's accounts when the server offers them. ?user= or ?role= sign
  // in straight away as that demo account (links in docs and tests).
  async function showSignIn(message) {
    let accounts = [];
    try {
      const r = await fetch('api/demo-users', { cache: 'no-store' });
      if (r.ok) accounts = await r.json();
    } catch (e) { /* none */ }
    const params = new URLSearchParams(location.search);
    const wantUser = params.get('user'), wantRole = params.get('role');
    let auto = wantUser ? accounts.find((a) => a.username === wantUser) : null;
    if (!auto && wantRole) {
      auto = accounts.find((a) => a.role === wantRole &&
        (wantRole !== 'clinician' || (a.group === 'nurse' && a.grade === 'Band 5' && a.employment === 'substantive')));
    }
    if (auto && !message) return signIn(auto.username, auto.password);
    call('sb_show_sign_in', ['string', 'string'], [JSON.stringify(accounts), message]);
  }

  async function signIn(username, password) {
    try {
      const r = await fetch('api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                           body: JSON.stringify({ username, password }) });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) return showSignIn(body.error || ('Sign-in failed (HTTP ' + r.status + ')'));
      session = { token: body.token, user: body.user, expires_at: body.expires_at };
      localStorage.setItem(TOKEN, JSON.stringify(session));
      // Another person's unsent changes must not be sent under this sign-in.
      for (const p of pending) await store('delete', p.order);
      pending = [];
      revision = -1;
      return fetchSnapshot();
    } catch (e) {
      return showSignIn('The server could not be reached: check your connection and try again.');
    }
  }

  function signOut() {
    session = null;
    localStorage.removeItem(TOKEN);
    showSignIn('');
  }

  // --- The snapshot, and pending commands replayed on it ---------------------------------------
  function deliver(body) {
    // Only the top-level object has a "revision" key: no need to parse the whole document here.
    const m = body.match(/"revision":(\d+)/);
    revision = m ? Number(m[1]) : 0;
    const cmds = pending.map((p) => ({ id: p.id, type: p.type, payload: p.payload }));
    call('sb_rebase', ['string', 'string', 'string', 'string'],
         [body, JSON.stringify(cmds), session ? session.user.id : '', mode]);
    status();
  }

  async function fetchSnapshot() {
    if (fetching) { refetch = true; return; }
    fetching = true;
    try {
      do {
        refetch = false;
        const r = await fetch('api/snapshot', { headers: headers(), cache: 'no-store' });
        if (r.status === 401) { fetching = false; session = null; localStorage.removeItem(TOKEN); return showSignIn('Please sign in again.'); }
        const body = await r.text();
        if (!r.ok) { call('sb_receive_data', ['string', 'number', 'number'], [body.slice(0, 300), r.status, 0]); break; }
        online = true;
        lastSynced = clock();
        deliver(body);
      } while (refetch);
    } catch (e) {
      online = false;
      status();
      if (revision < 0) call('sb_receive_data', ['string', 'number', 'number'],
                             ['The server could not be reached (' + e + '). Check your connection and reload the page.', -1, 0]);
    }
    fetching = false;
    poll();
    flush();
  }

  // Long-poll for others' changes; on any, reload the snapshot (and replay what is still pending).
  async function poll() {
    if (polling || mode !== 'server' || !session) return;
    polling = true;
    let backoff = 1000;
    while (session) {
      try {
        const r = await fetch('api/changes?since=' + Math.max(0, revision) + '&wait=25', { headers: headers(), cache: 'no-store' });
        if (r.status === 401) break;
        const c = await r.json();
        online = true;
        backoff = 1000;
        // Others' commands in full (a manager's feed) are applied in place; otherwise reload.
        if (!c.reload && c.changes.length && !pending.length && c.changes.every((x) => x.payload) &&
            c.changes[0].revision === revision + 1 &&
            C().ccall('sb_apply_remote', 'number', ['string'], [JSON.stringify(c.changes)]) === 1) {
          revision = c.revision;
          lastSynced = clock();
          status();
        } else if (c.reload || c.revision > revision) await fetchSnapshot();
        else { lastSynced = clock(); status(); }
        if (pending.length) flush();
      } catch (e) {
        online = false;
        status();
        await sleep(backoff);
        backoff = Math.min(15000, backoff * 2);
      }
    }
    polling = false;
  }

  // --- This browser's commands -----------------------------------------------------------------
  let order = Date.now() * 1000;
  async function send(json) {
    const c = JSON.parse(json);
    const record = { order: ++order, id: c.id, type: c.type, payload: c.payload };
    pending.push(record);
    await store('put', record);
    status();
    flush();
  }

  async function flush() {
    if (flushing || mode !== 'server' || !session || !pending.length) return;
    flushing = true;
    let rejected = false;
    try {
      while (pending.length) {
        const batch = pending.slice(0, 100);
        const r = await fetch('api/commands', {
          method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers()),
          body: JSON.stringify({ commands: batch.map((p) => ({ id: p.id, type: p.type, payload: p.payload })) }) });
        if (r.status === 401) { signOut(); break; }
        const body = await r.json().catch(() => null);
        if (!body || !body.results) {
          // A 400 about the request itself: these commands can never succeed; drop them, say why.
          for (const p of batch) await forget(p);
          rejected = true;
          call('sb_command_rejected', ['string', 'string'], ['', (body && body.error) || ('HTTP ' + r.status)]);
          continue;
        }
        online = true;
        for (const res of body.results) {
          const p = batch.find((x) => x.id === res.id);
          if (p) await forget(p);
          if (res.status !== 'accepted') {
            rejected = true;
            call('sb_command_rejected', ['string', 'string'], [res.id, res.reason || 'refused']);
          }
        }
        lastSynced = clock();
        status();
      }
    } catch (e) {
      online = false;   // kept in IndexedDB; sent again when the connection is back
      status();
      setTimeout(() => { flushing = false; flush(); }, 3000);
      return;
    }
    flushing = false;
    if (rejected) fetchSnapshot();   // roll back: the server's state, with what is still pending on top
  }

  async function forget(p) {
    pending = pending.filter((x) => x !== p);
    await store('delete', p.order);
  }

  // Drafts of a read-only copy, as a JSON file of commands.
  function exportDrafts() {
    return JSON.stringify({ commands: pending.map((p) => ({ id: p.id, type: p.type, payload: p.payload })) }, null, 2);
  }

  window.addEventListener('online', () => { if (mode === 'server') { flush(); poll(); } });
  return { start, signIn, signOut, send, exportDrafts, state: () => ({ mode, online, pending: pending.length, revision, busy: fetching || flushing }) };
})();
