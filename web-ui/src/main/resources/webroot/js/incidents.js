/*
 * Incidents and linked disposal on the operations dashboard: the active incidents (panel, and map
 * areas through incident-map.js), one incident's tasks per agency with their SLA countdowns,
 * escalation, unit, ETA and route, acknowledgement, and its timeline; all kept current by the /ws
 * incident and task events. Needs dashboard.js (window.cityTwin), styles.js, telemetry.js (the /ws
 * connection) and incident-map.js.
 */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  var state = window.cityTwin;
  var esc = state.esc;
  var f = state.format;
  var incidentMap = state.incidentMap;

  var ACTIVE = { open: 1, dispatched: 1, in_progress: 1 };
  var AWAITING_ACK = { pending: 1, dispatched: 1 };
  var ARRIVING = { acknowledged: 1, en_route: 1 };

  // What the browser tests read: active incidents by id (list shape, with tasks) and the selection.
  state.incidents = {};
  state.incidentsReady = false;
  var selected = null; // { id, detail (full incident, with timeline) }
  var refetchTimer = null;

  function text(id, value) { document.getElementById(id).textContent = value; }

  function utc(iso) {
    return iso ? new Date(iso).toISOString().substring(11, 19) : '';
  }

  // ---- the incident book ---------------------------------------------------------------------

  function isActive(incident) { return !!ACTIVE[incident.status]; }

  /** Newest first. */
  function activeList() {
    return Object.keys(state.incidents).map(function (id) { return state.incidents[id]; })
      .sort(function (a, b) { return String(b.openedAt).localeCompare(String(a.openedAt)); });
  }

  /** Takes an incident as listed or published: kept while active, forgotten otherwise. */
  function upsertIncident(incident) {
    var known = state.incidents[incident.id];
    if (known && !incident.tasks) { incident.tasks = known.tasks; }
    if (isActive(incident)) {
      state.incidents[incident.id] = incident;
      incidentMap.draw(incident);
    } else {
      delete state.incidents[incident.id];
      incidentMap.remove(incident.id);
    }
    if (selected && selected.id === incident.id) {
      var timeline = selected.detail ? selected.detail.timeline : null;
      selected.detail = Object.assign({}, selected.detail, incident, { timeline: timeline });
    }
  }

  function upsertTask(task) {
    var incident = state.incidents[task.incidentId];
    var holders = [];
    if (incident) { holders.push(incident); }
    if (selected && selected.id === task.incidentId && selected.detail) { holders.push(selected.detail); }
    holders.forEach(function (h) {
      var tasks = h.tasks = (h.tasks || []).slice();
      var i = tasks.findIndex(function (t) { return t.id === task.id; });
      if (i >= 0) { tasks[i] = task; } else { tasks.push(task); }
    });
    return holders.length > 0;
  }

  function replaceAll(list) {
    var ids = {};
    list.forEach(function (incident) { ids[incident.id] = true; upsertIncident(incident); });
    Object.keys(state.incidents).concat(incidentMap.drawn()).forEach(function (id) {
      if (!ids[id]) { delete state.incidents[id]; incidentMap.remove(id); }
    });
  }

  // ---- panel ---------------------------------------------------------------------------------

  function renderList() {
    var list = activeList();
    text('incident-total', String(list.length));
    var box = document.getElementById('incident-list');
    if (!list.length) {
      box.innerHTML = '<li class="ct-note">No active incident.</li>';
    } else {
      box.innerHTML = list.map(function (i) {
        var t = S.incidentType(i.type);
        var sev = S.severity(i.severity);
        return '<li class="ct-incident' + (selected && selected.id === i.id ? ' ct-selected' : '') +
          '" data-incident-id="' + esc(i.id) + '" data-severity="' + esc(i.severity) + '" title="' + esc(t.label) + '">' +
          '<span class="ct-inc-icon" style="background:' + t.color + '">' + esc(t.glyph) + '</span>' +
          '<div class="ct-inc-main"><div class="ct-inc-title">' + esc(i.title) + '</div>' +
          '<div class="ct-inc-sub"><span class="ct-sev" style="background:' + sev.color + '">' + esc(sev.label) + '</span>' +
          '<span class="ct-inc-age" data-since="' + esc(i.openedAt) + '">' + esc(f.since(i.openedAt)) + '</span>' +
          '<span class="ct-inc-alarms">' + esc(i.alarmCount || 1) + ' alarm' + ((i.alarmCount || 1) === 1 ? '' : 's') + '</span>' +
          (i.exercise ? '<span class="ct-badge-exercise">EXERCISE</span>' : '') + '</div></div></li>';
      }).join('');
    }
    state.exercise('incidents', list.some(function (i) { return i.exercise; }));
  }

  /** {kind: ack|arrive, due: ms} for the task's next deadline, or null. */
  function deadline(task) {
    if (AWAITING_ACK[task.status] && task.ackDueAt) { return { kind: 'ack', due: Date.parse(task.ackDueAt) }; }
    if (ARRIVING[task.status] && task.arriveDueAt) { return { kind: 'arrive', due: Date.parse(task.arriveDueAt) }; }
    return null;
  }

  function slaHtml(task) {
    var d = deadline(task);
    if (!d) { return ''; }
    return '<span class="ct-sla' + (d.due < Date.now() ? ' ct-overdue' : '') + '" data-kind="' + d.kind + '" data-due="' +
      d.due + '">' + esc(slaText(d)) + '</span>';
  }

  function slaText(d) {
    var left = (d.due - Date.now()) / 1000;
    return d.kind + (left >= 0 ? ' due in ' : ' overdue ') + f.duration(left);
  }

  function taskHtml(task) {
    var unit = task.unit ? (task.unit.name || task.unit.id) : '';
    var eta = typeof task.etaSeconds === 'number' ? 'ETA ' + f.duration(task.etaSeconds) : '';
    var acked = task.ackedAt ? 'acknowledged ' + utc(task.ackedAt) + ' UTC' + (task.ackedBy ? ' by ' + task.ackedBy : '') +
      (task.ackChannel ? ' (' + task.ackChannel + ')' : '') : '';
    return '<div class="ct-task" data-task-id="' + esc(task.id) + '" data-status="' + esc(task.status) + '">' +
      '<div class="ct-task-head"><span class="ct-task-action">' + esc(f.label(task.action)) + '</span>' +
      '<span class="ct-task-status ct-task-' + esc(task.status) + '">' + esc(f.label(task.status)) + '</span></div>' +
      '<div class="ct-task-line">' + slaHtml(task) +
      (task.escalationLevel > 0 ? '<span class="ct-esc" data-level="' + esc(task.escalationLevel) + '">' +
        esc(S.escalation(task.escalationLevel)) + '</span>' : '') + '</div>' +
      (unit || eta ? '<div class="ct-task-line ct-unit">' + esc(unit) + (unit && eta ? ' · ' : '') +
        '<span class="ct-eta">' + esc(eta) + '</span></div>' : '') +
      (acked ? '<div class="ct-task-line ct-acked">' + esc(acked) + '</div>' : '') +
      (AWAITING_ACK[task.status] ? '<button type="button" class="ct-ack" data-task-id="' + esc(task.id) + '">Acknowledge</button>' : '') +
      '<div class="ct-task-error" hidden></div></div>';
  }

  function renderDetail() {
    var card = document.getElementById('incident-card');
    if (!selected || !selected.detail) {
      card.hidden = true;
      incidentMap.routes([]);
      if (state.forecasts) { state.forecasts.incidentShown(null); }
      return;
    }
    var i = selected.detail;
    var t = S.incidentType(i.type);
    var sev = S.severity(i.severity);
    card.hidden = false;
    card.setAttribute('data-incident-id', i.id);
    text('incident-title', t.glyph + ' ' + i.title);
    document.getElementById('incident-meta').innerHTML =
      '<span class="ct-sev" style="background:' + sev.color + '">' + esc(sev.label) + '</span>' +
      '<span class="ct-inc-status" data-status="' + esc(i.status) + '">' + esc(f.label(i.status)) + '</span>' +
      '<span class="ct-inc-alarms">' + esc(i.alarmCount || 1) + ' alarm' + ((i.alarmCount || 1) === 1 ? '' : 's') + '</span>' +
      '<span class="ct-inc-age" data-since="' + esc(i.openedAt) + '">' + esc(f.since(i.openedAt)) + '</span>' +
      (i.exercise ? '<span class="ct-badge-exercise">EXERCISE</span>' : '') +
      '<div class="id">' + esc(i.id) + ' · ' + esc(t.label) + '</div>';
    var byAgency = {};
    (i.tasks || []).forEach(function (task) { (byAgency[task.agency] = byAgency[task.agency] || []).push(task); });
    var agencies = S.agencyOrder.filter(function (a) { return byAgency[a]; })
      .concat(Object.keys(byAgency).filter(function (a) { return S.agencyOrder.indexOf(a) < 0; }));
    document.getElementById('incident-tasks').innerHTML = agencies.length ? agencies.map(function (a) {
      var ag = S.agency(a);
      return '<div class="ct-agency" data-agency="' + esc(a) + '"><h3><span class="ct-dot" style="background:' + ag.color +
        '"></span>' + esc(ag.label) + '</h3>' + byAgency[a].map(taskHtml).join('') + '</div>';
    }).join('') : '<div class="ct-note">No tasks.</div>';
    var timeline = i.timeline || [];
    document.getElementById('incident-timeline').innerHTML = timeline.length ? timeline.map(function (e) {
      return '<li data-kind="' + esc(e.kind) + '"><time datetime="' + esc(e.at) + '">' + esc(utc(e.at)) + '</time> ' +
        (e.agency ? '<span class="ct-dot" style="background:' + S.agency(e.agency).color + '"></span>' : '') +
        esc(e.text) + '</li>';
    }).join('') : '<li class="ct-note">Loading…</li>';
    incidentMap.routes(i.tasks);
    if (state.forecasts) { state.forecasts.incidentShown(i); }
  }

  function render() {
    renderList();
    renderDetail();
  }

  // Countdowns and ages move every second without re-rendering (buttons keep focus).
  function tick() {
    document.querySelectorAll('.ct-sla[data-due]').forEach(function (el) {
      var d = { kind: el.getAttribute('data-kind'), due: Number(el.getAttribute('data-due')) };
      el.textContent = slaText(d);
      el.classList.toggle('ct-overdue', d.due < Date.now());
    });
    document.querySelectorAll('.ct-inc-age[data-since]').forEach(function (el) {
      el.textContent = f.since(el.getAttribute('data-since'));
    });
  }

  // ---- selection, acknowledgement ------------------------------------------------------------

  function select(id) {
    var known = state.incidents[id];
    selected = { id: id, detail: known ? Object.assign({}, known, { timeline: null }) : null };
    render();
    fetchDetail(id, true);
  }

  function fetchDetail(id, focus) {
    return state.getJson('/api/incidents/' + encodeURIComponent(id)).then(function (full) {
      if (!selected || selected.id !== id) { return; }
      selected.detail = full;
      render();
      if (focus) { incidentMap.focus(id); }
    }).catch(function (e) { state.report('Incident ' + id + ': ' + e.message); });
  }

  // A burst of events about the selected incident costs one fetch of its timeline.
  function refetchSoon() {
    if (!selected || refetchTimer) { return; }
    var id = selected.id;
    refetchTimer = setTimeout(function () { refetchTimer = null; fetchDetail(id, false); }, 250);
  }

  function acknowledge(button) {
    var taskId = button.getAttribute('data-task-id');
    var incidentId = selected.id;
    var row = button.closest('.ct-task');
    var error = row.querySelector('.ct-task-error');
    button.disabled = true;
    button.textContent = 'Acknowledging…';
    state.postJson('/api/incidents/' + encodeURIComponent(incidentId) + '/tasks/' + encodeURIComponent(taskId) + '/ack',
        { by: 'operations centre' })
      .then(function (task) {
        upsertTask(task);
        render();
        refetchSoon();
      })
      .catch(function (e) {
        button.disabled = false;
        button.textContent = 'Acknowledge';
        error.hidden = false;
        error.textContent = 'Not acknowledged: ' + e.message;
      });
  }

  document.getElementById('incident-list').addEventListener('click', function (e) {
    var item = e.target.closest('[data-incident-id]');
    if (item) { select(item.getAttribute('data-incident-id')); }
  });
  document.getElementById('incident-tasks').addEventListener('click', function (e) {
    var button = e.target.closest('button.ct-ack');
    if (button && !button.disabled) { acknowledge(button); }
  });
  document.getElementById('incident-close').addEventListener('click', function () {
    selected = null;
    render();
  });
  incidentMap.onOpen = select;

  // ---- live events ---------------------------------------------------------------------------

  var handlers = state.liveHandlers;
  var hello = handlers.hello;
  handlers.hello = function (m) {
    hello(m);
    if (m.incidents) {
      replaceAll(m.incidents);
      state.incidentsReady = true;
      render();
      if (selected) { refetchSoon(); }
    }
  };
  handlers.incident = function (m) {
    if (!m.incident) { return; }
    upsertIncident(m.incident);
    render();
    if (selected && selected.id === m.incident.id) { refetchSoon(); }
  };
  handlers.task = function (m) {
    var task = m.task;
    if (!task) { return; }
    if (!upsertTask(task) && m.incident && m.incident.id) {
      // A task of an incident this page does not know yet: fetch where the incident stands.
      state.getJson('/api/incidents/' + encodeURIComponent(m.incident.id)).then(function (full) {
        upsertIncident(full);
        render();
      }).catch(function (e) { state.report('Incident ' + m.incident.id + ': ' + e.message); });
      return;
    }
    render();
    if (selected && selected.id === task.incidentId) { refetchSoon(); }
  };

  // ---- start ---------------------------------------------------------------------------------

  render();
  setInterval(tick, 1000);
  state.whenLayers.then(function () {
    // Without incidents from /ws (e.g. a proxy that does not pass WebSockets), ask the API once.
    if (state.incidentsReady) { return null; }
    return state.getJson('/api/incidents?active=true').then(function (reply) {
      if (state.incidentsReady) { return; }
      replaceAll(reply.incidents);
      state.incidentsReady = true;
      render();
    });
  }).catch(function (e) {
    state.report('Could not load the incidents: ' + e.message);
  });
})();
