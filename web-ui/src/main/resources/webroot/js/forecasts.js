/*
 * Forecasts on the dashboard: the selected incident's card offers to run its hazard forward from
 * the live state (POST /api/forecasts {incident}), and every forecast scenario in the scenario list
 * can be run (POST /api/forecasts {scenario}). The forecast's frames arrive over /ws
 * (forecast-frame); their footprints are drawn in blue on their own overlay, with step and
 * simulated time where it was started; once it has stopped, /api/forecasts/{id} says how it ended
 * and where its outputs are. One forecast at a time, as the platform runs them.
 * Needs dashboard.js (window.cityTwin), incidents.js (calls incidentShown) and drills.js (its
 * scenario list holds the Run forecast buttons).
 */
(function () {
  'use strict';
  var state = window.cityTwin;
  var esc = state.esc;
  // Incident types with a hazard model (io.citytwin.sim.whatif.WhatIf).
  var FORECASTABLE = { fire: true, flood: true, gas_leak: true, chemical_release: true, traffic_accident: true };

  var box = document.getElementById('incident-forecast');
  var button = document.getElementById('forecast-start');
  var incidentStatus = document.getElementById('forecast-status');
  var scenarioStatus = document.getElementById('scenario-forecast');
  var layer = L.layerGroup();
  var shown = [];
  var incident = null; // the incident in the card
  // {kind: 'incident'|'scenario', key, id, name, step, steps, time, state, message}
  var current = null;
  var pollTimer = null;

  function draw(collection, forecastId) {
    layer.clearLayers();
    shown = [];
    ((collection && collection.features) || []).forEach(function (feature, i) {
      if (!feature || !state.drawable(feature.geometry)) { return; }
      var name = (feature.properties && feature.properties.name) || 'footprint ' + (i + 1);
      var style = { color: '#2563eb', weight: 2, opacity: 0.9, fillColor: '#3b82f6', fillOpacity: 0.18, className: 'ct-forecast-footprint' };
      var g;
      try {
        g = L.geoJSON(feature, {
          pane: 'simulation',
          style: function () { return style; },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, Object.assign({ pane: 'simulation', radius: 8 }, style)); }
        });
      } catch (e) {
        state.report('Forecast footprint ' + name + ' cannot be drawn: ' + e.message);
        return;
      }
      g.eachLayer(function (l) {
        l.on('add', function () {
          var el = l.getElement && l.getElement();
          if (el) { el.setAttribute('data-footprint', name); el.setAttribute('data-forecast-id', forecastId); }
        });
      });
      g.bindTooltip(esc('FORECAST · ' + state.format.label(name)), { sticky: true });
      layer.addLayer(g);
      shown.push(name);
    });
  }

  function busy() {
    return !!(current && (current.state === 'starting' || current.state === 'running'));
  }

  function describe(c) {
    if (c.state === 'starting') { return 'Starting…'; }
    if (c.state === 'running') {
      return c.name + ' · step ' + c.step + '/' + c.steps + (c.time ? ' · simulated ' + c.time.substring(11, 19) + ' UTC' : '');
    }
    return c.message;
  }

  function show(element, c) {
    element.removeAttribute('data-state');
    element.removeAttribute('data-forecast-id');
    if (!c) {
      element.textContent = '';
      return;
    }
    element.setAttribute('data-state', c.state);
    element.setAttribute('data-forecast-id', c.id || '');
    element.textContent = describe(c);
  }

  function render() {
    var forecastable = incident && FORECASTABLE[incident.type] && incident.status !== 'closed';
    box.hidden = !forecastable;
    button.disabled = busy();
    show(incidentStatus, forecastable && current && current.kind === 'incident' && current.key === incident.id ? current : null);
    var forScenario = current && current.kind === 'scenario' ? current : null;
    scenarioStatus.hidden = !forScenario;
    show(scenarioStatus, forScenario);
  }

  /** Re-renders the scenario list too: its Run forecast buttons follow whether one is running. */
  function renderAll() {
    render();
    if (state.drills && state.drills.renderScenarios) { state.drills.renderScenarios(); }
  }

  function start(kind, key, body) {
    if (busy()) { return; }
    current = { kind: kind, key: key, state: 'starting', step: 0, steps: 0 };
    renderAll();
    var mine = current;
    state.postJson('/api/forecasts', body).then(function (f) {
      mine.id = f.id;
      mine.name = (f.scenario && (f.scenario.name || f.scenario.id)) || f.id;
      mine.steps = f.steps;
      mine.state = 'running';
      renderAll();
      pollSoon();
    }).catch(function (e) {
      mine.state = 'failed';
      mine.message = 'Forecast not started: ' + e.message;
      renderAll();
    });
  }

  // A forecast may stop before its last step (the hazard is over): ask how it stands after frames settle.
  function pollSoon() {
    if (pollTimer) { clearTimeout(pollTimer); }
    pollTimer = setTimeout(function () {
      pollTimer = null;
      if (!current || !current.id || current.state !== 'running') { return; }
      var c = current;
      state.getJson('/api/forecasts/' + encodeURIComponent(c.id)).then(function (f) {
        if (current !== c) { return; }
        if (f.status === 'running') {
          pollSoon();
          return;
        }
        c.state = f.status;
        c.step = f.step;
        var outcome = f.summary && f.summary.outcome ? state.format.label(f.summary.outcome).toLowerCase() : f.status;
        c.message = f.status === 'finished'
          ? 'Forecast ' + f.id + ': ' + outcome + ' after ' + f.step + ' of ' + f.steps + ' steps · outputs in ' + f.outputs
          : 'Forecast ' + f.id + ' failed: ' + (f.error || 'unknown error');
        renderAll();
      }).catch(function (e) { state.report('Forecast ' + c.id + ': ' + e.message); });
    }, 400);
  }

  button.addEventListener('click', function () {
    if (!button.disabled && incident) { start('incident', incident.id, { incident: incident.id }); }
  });

  var handlers = state.liveHandlers;
  handlers['forecast-frame'] = function (m) {
    if (!current || m.forecastId !== current.id) { return; }
    current.step = m.step;
    current.steps = m.steps;
    current.time = m.time;
    draw(m.footprints, m.forecastId);
    render();
    pollSoon();
  };

  state.forecasts = {
    incidentShown: function (i) {
      incident = i;
      render();
    },
    startScenario: function (id) { start('scenario', id, { scenario: id }); },
    busy: busy,
    current: function () { return current; },
    shown: function () { return shown.slice(); }
  };

  state.whenLayers.then(function () {
    layer.addTo(state.map);
    if (state.layerControl) { state.layerControl.addOverlay(layer, 'Forecast footprints'); }
  });
})();
