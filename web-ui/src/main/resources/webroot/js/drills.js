/*
 * Scenarios and drills on the operations dashboard: the built-in scenarios, drills with a "Start
 * drill" button (POST /api/drills at the chosen speed) and forecasts with a "Run forecast" button
 * (started and followed by forecasts.js), the drill in progress (step of steps, simulated
 * time, the latest sim-frame's metrics, its footprints on the map through drill-map.js) under the
 * EXERCISE banner, and once it has finished its score with links to the after-action report.
 * Frames come over /ws (sim-frame); the drill's status from /api/drills/{id}, asked for when its
 * last frame arrives and now and then while it runs. Needs dashboard.js (window.cityTwin),
 * styles.js, telemetry.js (the /ws connection) and drill-map.js.
 */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  var state = window.cityTwin;
  var esc = state.esc;
  var f = state.format;
  var drillMap = state.drillMap;

  // What the browser tests read: the scenarios, the drill shown (in progress or the last one) and
  // its latest frame. pollMs: how often a drill in progress is asked for its status.
  var drills = state.drills = { scenarios: [], current: null, frame: null, frames: 0, ready: false, pollMs: 5000 };
  var pollTimer = null;
  var starting = false;

  function text(id, value) { document.getElementById(id).textContent = value; }
  function inProgress(drill) { return !!drill && (drill.status === 'running' || drill.status === 'scoring'); }

  function utc(iso) { return iso ? new Date(iso).toISOString().substring(11, 19) + ' UTC' : ''; }

  /** An ISO-8601 duration (PT6H, P1DT30M) or a number of seconds, in seconds; null when neither. */
  function seconds(duration) {
    if (typeof duration === 'number') { return duration; }
    var m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(duration || ''));
    if (!m) { return null; }
    return (Number(m[1] || 0) * 86400) + (Number(m[2] || 0) * 3600) + (Number(m[3] || 0) * 60) + Number(m[4] || 0);
  }

  /** 90 -> "1 min 30 s", 21600 -> "6 h", 93600 -> "1 d 2 h". */
  function span(s) {
    if (s === null || s === undefined) { return ''; }
    var parts = [];
    [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']].forEach(function (u) {
      var n = Math.floor(s / u[0]);
      if (n > 0 && parts.length < 2) { parts.push(n + ' ' + u[1]); s -= n * u[0]; }
    });
    return parts.join(' ') || '0 s';
  }

  /** peopleInDanger -> "People in danger", flooded_area_m2 -> "Flooded area m²". */
  function metricLabel(name) {
    var s = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase()
      .replace(/\bm2\b/g, 'm²').replace(/\bkm2\b/g, 'km²');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function number(v, digits) {
    return typeof v === 'number' ? v.toLocaleString('en-GB', { maximumFractionDigits: digits }) : '–';
  }

  function reportUrl(id, format) {
    return '/api/drills/' + encodeURIComponent(id) + '/report?format=' + format;
  }

  // ---- scenarios -----------------------------------------------------------------------------

  function renderScenarios() {
    drills.renderScenarios = renderScenarios; // forecasts.js re-renders when a forecast starts or ends
    var box = document.getElementById('scenario-list');
    if (!drills.ready) { return; }
    if (!drills.scenarios.length) {
      box.innerHTML = '<li class="ct-note">No built-in scenario.</li>';
      return;
    }
    var busy = starting || inProgress(drills.current);
    box.innerHTML = drills.scenarios.map(function (sc) {
      var t = S.scenarioType(sc.type);
      var mode = String(sc.mode || '');
      return '<li class="ct-scenario" data-scenario-id="' + esc(sc.id) + '" data-type="' + esc(sc.type) + '">' +
        '<span class="ct-inc-icon" style="background:' + t.color + '">' + esc(t.glyph) + '</span>' +
        '<div class="ct-inc-main"><div class="ct-inc-title" title="' + esc(sc.id) + '">' + esc(sc.name || sc.id) + '</div>' +
        '<div class="ct-inc-sub"><span>' + esc(t.label) + '</span><span>' + esc(span(seconds(sc.duration))) + '</span>' +
        (mode ? '<span class="ct-mode ct-mode-' + esc(mode) + '">' + esc(mode.toUpperCase()) + '</span>' : '') + '</div></div>' +
        (mode === 'forecast' ? forecastButton(sc) :
        '<button type="button" class="ct-start-drill" data-scenario-id="' + esc(sc.id) + '"' + (busy ? ' disabled' : '') +
        ' title="' + (busy ? 'One drill at a time' : 'Run as an exercise on the live platform') + '">Start drill</button>') + '</li>';
    }).join('');
  }

  // Forecast scenarios run on the model, not on the live platform: forecasts.js starts and follows them.
  function forecastButton(sc) {
    var busy = state.forecasts && state.forecasts.busy();
    return '<button type="button" class="ct-run-forecast" data-scenario-id="' + esc(sc.id) + '"' + (busy ? ' disabled' : '') +
      ' title="' + (busy ? 'One forecast at a time' : 'Run this forecast on the city model') + '">Run forecast</button>';
  }

  function showError(message) {
    var box = document.getElementById('drill-error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  function start(button) {
    var id = button.getAttribute('data-scenario-id');
    var speed = Number(document.getElementById('drill-speed-select').value);
    showError(null);
    starting = true;
    renderScenarios();
    var pressed = document.querySelector('.ct-start-drill[data-scenario-id="' + CSS.escape(id) + '"]');
    if (pressed) { pressed.textContent = 'Starting…'; }
    state.postJson('/api/drills', { scenario: id, speed: speed }).then(function (drill) {
      starting = false;
      adopt(drill);
    }).catch(function (e) {
      starting = false;
      showError('Drill not started: ' + e.message);
      renderScenarios();
    });
  }

  // ---- the drill shown -----------------------------------------------------------------------

  /** Takes a drill as started, listed, fetched or announced: it becomes the one shown unless an older one. */
  function adopt(drill) {
    var current = drills.current;
    if (current && current.id !== drill.id && String(drill.startedAt || '') < String(current.startedAt || '') &&
        !inProgress(drill)) {
      return;
    }
    if (current && current.id === drill.id) {
      drill = Object.assign({}, current, drill, { step: Math.max(drill.step || 0, current.step || 0) });
    } else if (drills.frame && drills.frame.drillId !== drill.id) {
      drills.frame = null;
    }
    drills.current = drill;
    render();
    schedulePoll();
  }

  function fetchDrill(id) {
    return state.getJson('/api/drills/' + encodeURIComponent(id)).then(adopt)
      .catch(function (e) { state.report('Drill ' + id + ': ' + e.message); schedulePoll(); });
  }

  /** Asks for the drill's status: soon once its last frame is in or it is being scored, else now and then. */
  function schedulePoll() {
    clearTimeout(pollTimer);
    pollTimer = null;
    var d = drills.current;
    if (!inProgress(d)) { return; }
    var last = drills.frame && drills.frame.drillId === d.id && drills.frame.step >= drills.frame.steps;
    pollTimer = setTimeout(function () { fetchDrill(d.id); }, last || d.status === 'scoring' ? 1000 : drills.pollMs);
  }

  function renderProgress(d) {
    var box = document.getElementById('drill-running');
    box.hidden = !inProgress(d);
    if (box.hidden) { return; }
    box.setAttribute('data-drill-id', d.id);
    box.setAttribute('data-status', d.status);
    var frame = drills.frame && drills.frame.drillId === d.id ? drills.frame : null;
    var step = Math.max(d.step || 0, frame ? frame.step : 0);
    var steps = (frame && frame.steps) || d.steps || 0;
    var pct = steps ? Math.min(100, Math.round(100 * step / steps)) : 0;
    text('drill-name', (d.scenario && (d.scenario.name || d.scenario.id)) || d.id);
    text('drill-status', d.status === 'scoring' ? 'SCORING' : 'RUNNING');
    document.getElementById('drill-progress-bar').style.width = pct + '%';
    document.querySelector('#drill-running .ct-progress').setAttribute('aria-valuenow', String(pct));
    text('drill-step', 'step ' + step + '/' + steps);
    text('drill-time', frame && frame.time ? 'simulated ' + utc(frame.time) : '');
    text('drill-speed', d.speed ? '×' + number(d.speed, 1) + (d.endsAt ? ' · ends ' + utc(d.endsAt) : '') : '');
    var metrics = (frame && frame.metrics) || {};
    document.querySelector('#drill-metrics tbody').innerHTML = Object.keys(metrics).map(function (k) {
      return '<tr data-metric="' + esc(k) + '"><td class="k">' + esc(metricLabel(k)) + '</td><td class="n">' +
        esc(number(metrics[k], 2)) + '</td></tr>';
    }).join('');
  }

  function scoreHtml(d) {
    var s = d.score || {};
    var rows = [
      ['timeToDetect', 'Time to detect', typeof s.timeToDetectSeconds === 'number' ? f.duration(s.timeToDetectSeconds) : 'not detected'],
      ['incidents', 'Incidents', number(s.incidents, 0)],
      ['ackSla', 'Tasks acknowledged within SLA', number(s.tasksWithinAckSla, 0) + ' / ' + number(s.tasks, 0)],
      ['arrivalSla', 'Arrivals within SLA', number(s.tasksWithinArrivalSla, 0) + ' / ' + number(s.tasksArrived, 0)],
      ['escalations', 'Escalations', number(s.escalations, 0)]
    ];
    var agencies = s.agencies || {};
    var names = S.agencyOrder.filter(function (a) { return agencies[a]; })
      .concat(Object.keys(agencies).filter(function (a) { return S.agencyOrder.indexOf(a) < 0; }));
    var ackTime = function (v) { return typeof v === 'number' ? f.duration(v) : '–'; };
    return '<div class="ct-score-head"><span class="ct-drill-status">FINISHED</span> ' +
      esc((d.scenario && (d.scenario.name || d.scenario.id)) || '') + '<div class="id">' + esc(d.id) +
      (d.finishedAt ? ' · ' + esc(f.since(d.finishedAt)) + ' ago' : '') + '</div></div>' +
      '<dl class="ct-score">' + rows.map(function (r) {
        return '<div data-score="' + r[0] + '"><dt>' + esc(r[1]) + '</dt><dd>' + esc(r[2]) + '</dd></div>';
      }).join('') + '</dl>' +
      (names.length ? '<table class="ct-score-agencies"><thead><tr><th>Agency</th><th>Tasks</th><th>Acked</th>' +
        '<th>In SLA</th><th>Mean ack</th><th>Max ack</th></tr></thead><tbody>' + names.map(function (a) {
          var g = agencies[a];
          return '<tr data-agency="' + esc(a) + '"><td><span class="ct-dot" style="background:' + S.agency(a).color + '"></span> ' +
            esc(S.agency(a).label) + '</td><td class="n">' + esc(number(g.tasks, 0)) + '</td><td class="n">' +
            esc(number(g.acknowledged, 0)) + '</td><td class="n">' + esc(number(g.withinSla, 0)) + '</td><td class="n">' +
            esc(ackTime(g.meanAckSeconds)) + '</td><td class="n">' + esc(ackTime(g.maxAckSeconds)) + '</td></tr>';
        }).join('') + '</tbody></table>' : '') +
      '<div class="ct-report-links">After-action report: ' +
      '<a class="ct-report" data-format="html" target="_blank" rel="noopener" href="' + esc(reportUrl(d.id, 'html')) + '">HTML</a> · ' +
      '<a class="ct-report" data-format="markdown" target="_blank" rel="noopener" href="' + esc(reportUrl(d.id, 'markdown')) + '">Markdown</a> · ' +
      '<a class="ct-report" data-format="json" target="_blank" rel="noopener" href="' + esc(reportUrl(d.id, 'json')) + '">JSON</a></div>';
  }

  function renderOutcome(d) {
    var box = document.getElementById('drill-score');
    var over = !!d && (d.status === 'finished' || d.status === 'failed');
    box.hidden = !over;
    if (!over) { return; }
    box.setAttribute('data-drill-id', d.id);
    box.setAttribute('data-status', d.status);
    box.innerHTML = d.status === 'finished' ? scoreHtml(d)
      : '<div class="ct-score-head"><span class="ct-drill-status ct-failed">FAILED</span> ' +
        esc((d.scenario && (d.scenario.name || d.scenario.id)) || d.id) + '</div>' +
        '<div class="ct-task-error">' + esc(d.error || 'the drill failed') + '</div>';
  }

  function render() {
    var d = drills.current;
    var running = inProgress(d);
    renderScenarios();
    renderProgress(d);
    renderOutcome(d);
    document.getElementById('drill-badge').hidden = !running;
    var frame = drills.frame && d && drills.frame.drillId === d.id ? drills.frame : null;
    text('exercise-detail', running ? ' · ' + ((d.scenario && (d.scenario.name || d.scenario.id)) || d.id) + ' · step ' +
      Math.max(d.step || 0, frame ? frame.step : 0) + '/' + ((frame && frame.steps) || d.steps || 0) : '');
    state.exercise('drill', running);
    // A hazard of a drill that is over must not linger on the map of real operations.
    if (!running) { drillMap.clear(); }
  }

  document.getElementById('scenario-list').addEventListener('click', function (e) {
    var button = e.target.closest('button.ct-start-drill');
    if (button && !button.disabled) { start(button); }
    var run = e.target.closest('button.ct-run-forecast');
    if (run && !run.disabled && state.forecasts) { state.forecasts.startScenario(run.getAttribute('data-scenario-id')); }
  });

  // ---- live events ---------------------------------------------------------------------------

  var handlers = state.liveHandlers;
  var hello = handlers.hello;
  handlers.hello = function (m) {
    hello(m);
    if (!m.drills) { return; }
    if (m.drills.length) {
      adopt(m.drills[0]);
    } else if (inProgress(drills.current)) {
      // It was in progress when this page last heard of it: it has ended since.
      fetchDrill(drills.current.id);
    }
  };
  handlers['sim-frame'] = function (m) {
    drills.frames++;
    var d = drills.current;
    if (d && d.id === m.drillId && !inProgress(d)) { return; } // a straggler of a drill that is over
    if (!d || d.id !== m.drillId) {
      // A drill this page has not heard of (started elsewhere): show it, and ask what it is.
      drills.current = { id: m.drillId, status: 'running', exercise: true, step: m.step, steps: m.steps, scenario: {} };
      fetchDrill(m.drillId);
    }
    drills.frame = m;
    drillMap.draw(m.footprints, m.drillId);
    render();
    if (m.step >= m.steps) {
      // The last step is in: the drill is being scored.
      clearTimeout(pollTimer);
      fetchDrill(m.drillId);
    } else if (!pollTimer) {
      schedulePoll();
    }
  };

  // ---- start ---------------------------------------------------------------------------------

  state.getJson('/api/scenarios').then(function (reply) {
    drills.scenarios = reply.scenarios || [];
    drills.ready = true;
    render();
  }).catch(function (e) {
    document.getElementById('scenario-list').innerHTML = '<li class="ct-note">Scenarios unavailable.</li>';
    state.report('Could not load the scenarios: ' + e.message);
  });
  // The newest drill: the one in progress, or the last one's score.
  state.getJson('/api/drills').then(function (reply) {
    var newest = (reply.drills || [])[0];
    if (newest && (!drills.current || drills.current.id === newest.id)) { adopt(newest); }
  }).catch(function (e) {
    state.report('Could not load the drills: ' + e.message);
  });
})();
