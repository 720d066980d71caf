// The accessibility mirror's DOM: the app (src/ui/access_mirror.hpp) describes what the canvas
// shows as nodes (role, name, state, rectangle) whenever it changes; this renders them as real
// elements laid over the canvas, invisible but read by screen readers, reachable with Tab, and
// filled by password managers. What happens to them goes back to the app, which moves ImGui's
// focus, presses the item, or takes the field's text. The app decides everything; this only keeps
// elements in step with its list.
'use strict';
(function () {
  const root = document.getElementById('mirror');
  // "Turn on screen reader support": the page's first Tab stop while the person's setting is off
  // (the mirror costs time in every frame, so it is theirs to turn on; docs/accessibility.md).
  const turnOn = document.getElementById('a11y-on');
  let focusAfterTurningOn = false;
  const byId = new Map();   // node id -> element
  let moving = false;        // focus being moved here, not by the person

  function call(name, id, text) {
    const M = window.Module;
    if (!M || !M['_' + name]) return;
    if (text === undefined) M['_' + name](id >>> 0);
    else M.ccall(name, null, ['number', 'string'], [id >>> 0, text]);
  }

  function tagFor(n) {
    switch (n.role) {
      case 'navigation': return 'nav';
      case 'main': return 'main';
      case 'heading': return 'h' + Math.min(6, Math.max(1, n.level || 1));
      case 'button': case 'combobox': case 'menuitem': case 'option': return 'button';
      case 'article': return 'article';
      case 'link': return 'a';
      case 'textbox': case 'password': case 'checkbox': return 'input';
      case 'status': case 'grid': case 'row': case 'columnheader': case 'rowheader': case 'gridcell':
      case 'dialog': case 'menu': case 'listbox': case 'table': case 'cell': return 'div';
      case 'list': return 'ul';
      case 'listitem': return 'li';
      default: return 'span';
    }
  }

  function create(n) {
    const el = document.createElement(tagFor(n));
    el.dataset.id = String(n.id);
    el.dataset.role = n.role;
    if (el.tagName === 'BUTTON') el.type = 'button';
    if (n.role === 'link') el.href = '#';
    if (n.role === 'password') { el.type = 'password'; el.autocomplete = 'current-password'; }
    if (n.role === 'textbox') el.type = 'text';
    if (n.role === 'checkbox') el.type = 'checkbox';
    if (n.role === 'status') { el.setAttribute('role', 'status'); el.setAttribute('aria-live', 'polite'); }
    if (['grid', 'row', 'columnheader', 'rowheader', 'gridcell', 'combobox', 'menuitem', 'option', 'dialog', 'menu', 'listbox', 'table', 'cell'].includes(n.role)) el.setAttribute('role', n.role);
    if (n.role === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
    if (n.role === 'dialog') el.setAttribute('aria-modal', 'true');
    if (['button', 'link', 'checkbox', 'combobox', 'menuitem', 'option'].includes(n.role)) {
      el.addEventListener('click', (e) => { e.preventDefault(); call('sb_a11y_activate', n.id); });
    }
    if (el.tagName === 'INPUT' && n.role !== 'checkbox') {
      el.addEventListener('input', () => call('sb_a11y_value', Number(el.dataset.id), el.value));
    }
    return el;
  }

  function apply(el, n) {
    const set = (k, v) => { if (v === null || v === undefined || v === false) { if (el.hasAttribute(k)) el.removeAttribute(k); } else if (el.getAttribute(k) !== String(v)) el.setAttribute(k, String(v)); };
    if (el.tagName === 'INPUT') {
      set('aria-label', n.name);
      if (n.role === 'textbox' && /user ?name/i.test(n.name)) el.autocomplete = 'username';
      // The person's own typing is the newest text: only a change made elsewhere is written back.
      if (n.role !== 'checkbox' && document.activeElement !== el && (n.value || '') !== el.value) el.value = n.value || '';
      if (n.role === 'checkbox') el.checked = !!n.checked;
    } else if (['navigation', 'main', 'dialog', 'article', 'menu', 'listbox', 'list'].includes(n.role)) {
      set('aria-label', n.name || null);
    } else if (n.role === 'combobox') {
      // "Staff group" is its name; what it shows ("All staff groups") is its value.
      set('aria-label', n.name);
      set('aria-expanded', n.expanded ? 'true' : 'false');
      if (el.textContent !== (n.value || '')) el.textContent = n.value || '';
    } else if (n.role === 'grid' || n.role === 'table') {
      // Every row counts, drawn or not: "row 212 of 2,031".
      set('aria-label', n.name);
      set('aria-rowcount', n.rows);
      set('aria-colcount', n.columns);
    } else if (n.role === 'row') {
      set('aria-rowindex', n.row);
    } else if (!n.container && el.textContent !== n.name) {
      el.textContent = n.name;   // a container's words are its children's
    }
    set('aria-current', n.current ? 'page' : null);
    // Partly outside the area it is drawn in (scrolled half out of view): for the layout tests.
    set('data-cut', n.cut ? '1' : null);
    if (el.tagName === 'BUTTON' || el.tagName === 'INPUT') el.disabled = !!n.disabled;
    else set('aria-disabled', n.disabled ? 'true' : null);
    // A container is laid out statically, so that its children's places are the canvas's.
    if (el.dataset.container !== (n.container ? '1' : '')) {
      if (n.container) el.dataset.container = '1'; else delete el.dataset.container;
    }
    if (n.w > 0 && n.h > 0 && !n.container) {
      // Where it is on the canvas, so touch exploration finds it under the finger.
      const s = el.style;
      const l = n.x + 'px', t = n.y + 'px', w = n.w + 'px', h = n.h + 'px';
      if (s.left !== l) s.left = l;
      if (s.top !== t) s.top = t;
      if (s.width !== w) s.width = w;
      if (s.height !== h) s.height = h;
    }
  }

  let started = false, follow = false;
  const openers = new Map();   // dialog node id -> the element focused when it opened
  const canvas = document.getElementById('canvas');
  // Tab pressed on the canvas (after a click there) moves ImGui's focus: the page's follows.
  if (canvas) canvas.addEventListener('keydown', (e) => { if (e.key === 'Tab') follow = true; });
  function update(json) {
    if (!root) return;
    const message = JSON.parse(json), nodes = message.nodes;
    if (turnOn) turnOn.hidden = !!message.support;
    // While the mirror has elements it is the page's Tab order: the canvas and the phone keyboard's
    // hidden input are reached by pointer, not by Tab. Without it, they are Tab stops again.
    const wasStarted = started;
    if (started !== nodes.length > 0) {
      started = nodes.length > 0;
      for (const id of ['canvas', 'keyboard']) { const el = document.getElementById(id); if (el) el.tabIndex = started ? -1 : 0; }
    }
    const seen = new Set();
    // Focus in the mirror before this update: if its element goes (a dialog closed), it is given back.
    const hadFocus = root.contains(document.activeElement);
    const elements = nodes.map((n) => {
      let el = byId.get(n.id);
      if (!el || el.dataset.role !== n.role || el.tagName.toLowerCase() !== tagFor(n)) {
        if (el) el.remove();
        el = create(n);
        byId.set(n.id, el);
      }
      apply(el, n);
      seen.add(n.id);
      return el;
    });
    for (const [id, el] of byId) if (!seen.has(id)) { el.remove(); byId.delete(id); }
    // In the app's order, inside their landmarks: the DOM order is the reading and Tab order.
    const next = new Map();   // parent element -> index of the next child
    nodes.forEach((n, i) => {
      const parent = n.parent >= 0 ? elements[n.parent] : root;
      const at = next.get(parent) || 0;
      if (parent.children[at] !== elements[i]) parent.insertBefore(elements[i], parent.children[at] || null);
      next.set(parent, at + 1);
    });
    // ImGui's focus leads while the person is working in the mirror (a screen reader, Tab);
    // a mouse or a finger on the canvas keeps the focus there.
    // A dialog's opener is remembered, so that closing it gives the focus back to where it was.
    nodes.forEach((n, i) => {
      if (n.role === 'dialog' && !openers.has(n.id)) openers.set(n.id, hadFocus ? document.activeElement : null);
    });
    let giveBack = null;
    for (const [id, opener] of openers) if (!byId.has(id)) { openers.delete(id); giveBack = opener; }
    const lost = hadFocus && !root.contains(document.activeElement);
    const focused = nodes.findIndex((n) => n.focused);
    if (focused >= 0 && (follow || lost || root.contains(document.activeElement)) && document.activeElement !== elements[focused]) {
      follow = false;
      moving = true;
      elements[focused].focus({ preventScroll: true });
      moving = false;
    } else if (lost && giveBack && giveBack.isConnected) {
      moving = true;
      giveBack.focus({ preventScroll: true });
      moving = false;
    } else if (focusAfterTurningOn && started && message.support) {
      // Just turned on: the screen reader starts at the page's heading ("Rota, heading level 1").
      const heading = root.querySelector('main h1, h1, h2') || root.querySelector('a, button, input');
      if (heading) {
        if (/^H\d$/.test(heading.tagName)) heading.tabIndex = -1;
        moving = true;
        heading.focus({ preventScroll: true });
        moving = false;
      }
    } else if (wasStarted && !started && turnOn && !turnOn.hidden && (hadFocus || document.activeElement === document.body)) {
      // The mirror went (signed in with the setting off, or it was turned off) while the person was
      // in it: the focus goes to the one thing left that can bring it back.
      turnOn.focus({ preventScroll: true });
    }
    if (message.support && started) focusAfterTurningOn = false;
  }

  function forwardKey(e) {
    const M = window.Module;
    if (!M || !M._sb_a11y_key || e.altKey || e.metaKey) return;
    if (M.ccall('sb_a11y_key', 'number', ['string', 'number', 'number'], [e.key, e.ctrlKey ? 1 : 0, e.shiftKey ? 1 : 0])) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  if (turnOn) turnOn.addEventListener('click', () => {
    const M = window.Module;
    if (!M || !M._sb_a11y_enable) return;
    focusAfterTurningOn = true;
    M._sb_a11y_enable();
  });

  if (root) {
    root.addEventListener('focusin', (e) => {
      const el = e.target.closest('[data-id]');
      if (el && !moving) call('sb_a11y_focus', Number(el.dataset.id));
    });
    // Keys meant for the element stay with it (the browser moves focus on Tab, presses a button on
    // Enter or Space, edits a field); others (Ctrl+Z, Escape) go on to the app.
    root.addEventListener('keydown', (e) => {
      const el = e.target;
      const field = el.tagName === 'INPUT' && el.type !== 'checkbox';
      if (field && e.key === 'Enter') {
        // Enter in a form's field presses the form's next button, as in any web form.
        const all = Array.from(root.querySelectorAll('button, input'));
        const button = all.slice(all.indexOf(el) + 1).find((x) => x.tagName === 'BUTTON');
        if (button && !button.disabled) button.click();
        e.preventDefault();
      }
      if (e.key === 'Tab' || (field && e.key !== 'Escape') || e.key === 'Enter' || e.key === ' ') { e.stopPropagation(); return; }
      // The rest (arrow keys through the rota and lists, Escape, Delete, the menu key, Ctrl+Z, "?")
      // are the app's, pressed in ImGui as on the canvas; the browser's own use of them is stopped.
      forwardKey(e);
    });
    // With the focus nowhere (its element gone), keys still reach the app, as they would from the mirror.
    // ImGui's focus then leads, and the page's follows it back into the mirror.
    document.addEventListener('keydown', (e) => { if (started && document.activeElement === document.body) { follow = true; forwardKey(e); } });
    for (const type of ['keyup', 'keypress']) root.addEventListener(type, (e) => {
      const el = e.target;
      if (e.key === 'Tab' || e.key === 'Enter' || e.key === ' ' || (el.tagName === 'INPUT' && e.key !== 'Escape')) e.stopPropagation();
    });
  }

  window.shiftbankMirror = {
    update,
    // For tests: the node list the app sent last, as elements.
    count: () => (root ? root.querySelectorAll('[data-id]').length : 0),
  };
})();
