// The same rota in vis-timeline (a DOM-based resource timeline): one group per person, one item per
// shift, two weeks visible. window.timelineReady is set after the first paint that shows them.
'use strict';
(async () => {
  const data = await (await fetch(new URLSearchParams(location.search).get('data'))).json();
  const groups = data.staff.map((p) => ({ id: p.id, content: p.name }));
  groups.unshift({ id: '#vacant', content: 'Vacant' });
  const items = data.shifts.filter((s) => s.status !== 'cancelled').map((s) => ({
    id: s.id, group: s.assignee || '#vacant', start: s.start, end: s.end, content: s.type,
  }));
  const start = new Date(data.period.start + 'T00:00');
  const end = new Date(start.getTime() + 14 * 86400000);
  const timeline = new vis.Timeline(document.getElementById('timeline'), new vis.DataSet(items), new vis.DataSet(groups),
    { start, end, stack: false, orientation: 'top', verticalScroll: true, maxHeight: '100vh' });
  timeline.once('changed', () => requestAnimationFrame(() => { window.timelineReady = true; }));
})();
