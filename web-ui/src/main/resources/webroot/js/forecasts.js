/*
 * Forecast from now: the selected incident's card offers to run its hazard forward from the live
 * state (POST /api/forecasts {incident}); the forecast's frames arrive over /ws (forecast-frame) and
 * their footprints are drawn in blue on their own overlay, with step and simulated time in the card;
 * once the forecast has stopped, /api/forecasts/{id} says how it ended and where its outputs are.
 * Needs dashboard.js (window.cityTwin), styles.js and incidents.js (which calls incidentShown).
 */
(function () {
  'use strict';
  var state = window.cityTwin;
  var esc = state.esc;
  // Incident types with a hazard model (io.citytwin.sim.whatif.WhatIf).
  var FORECASTABLE = { fire: true, flood: true, gas_leak: true, chemical_release: true, traffic_accident: true };

  var box = document.getElementById('incident-forecast');
  var button = document.getElementById('forecast-start');
  var status = document.getElementById('forecast-status');
  var layer = L.layerGroup();
  var shown = [];
  var incident = null; // the incident in the card
  var current = null;  // {id, incidentId, name, step, steps, time, state, message}
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

  function utcTime(iso) {
    return iso ? iso.substring(11, 19) + ' UTC' : '';
  }

  function render() {
    var forecastable = incident && FORECASTABLE[incident.type] && incident.status !== 'closed';
    box.hidden = !forecastable;
    if (!forecastable) { return; }
    var mine = current && current.incidentId === incident.id;
    button.disabled = !!(current && current.state === 'running');
    status.removeAttribute('data-state');
    if (!mine) {
      status.textContent = '';
      return;
    }
    status.setAttribute('data-state', current.state);
    status.setAttribute('data-forecast-id', current.id || '');
    if (current.state === 'starting') {
      status.textContent = 'Starting…';
    } else if (current.state === 'failed') {
      status.textContent = current.message;
    } else if (current.state === 'running') {
      status.textContent = current.name + ' · step ' + current.step + '/' + current.steps +
        (current.time ? ' · simulated ' + utcTime(current.time) : '');
    } else {
      status.textContent = current.message;
    }
  }

  function start() {
    if (!incident) { return; }
    current = { incidentId: incident.id, state: 'starting', step: 0, steps: 0 };
    render();
    state.postJson('/api/forecasts', { incident: incident.id }).then(function (f) {
      if (!current || current.state !== 'starting') { return; }
      current.id = f.id;
      current.name = (f.scenario && (f.scenario.name || f.scenario.id)) || f.id;
      current.steps = f.steps;
      current.state = 'running';
      render();
      pollSoon();
    }).catch(function (e) {
      current.state = 'failed';
      current.message = 'Forecast not started: ' + e.message;
      render();
    });
  }

  // A forecast may stop before its last step (the hazard is over): ask how it stands after frames settle.
  function pollSoon() {
    if (pollTimer) { clearTimeout(pollTimer); }
    pollTimer = setTimeout(function () {
      pollTimer = null;
      if (!current || !current.id || current.state !== 'running') { return; }
      var id = current.id;
      state.getJson('/api/forecasts/' + encodeURIComponent(id)).then(function (f) {
        if (!current || current.id !== id) { return; }
        if (f.status === 'running') {
          pollSoon();
          return;
        }
        current.state = f.status;
        current.step = f.step;
        var outcome = f.summary && f.summary.outcome ? state.format.label(f.summary.outcome).toLowerCase() : f.status;
        current.message = f.status === 'finished'
          ? 'Forecast ' + f.id + ': ' + outcome + ' after ' + f.step + ' of ' + f.steps + ' steps · outputs in ' + f.outputs
          : 'Forecast ' + f.id + ' failed: ' + (f.error || 'unknown error');
        render();
      }).catch(function (e) { state.report('Forecast ' + id + ': ' + e.message); });
    }, 400);
  }

  button.addEventListener('click', function () {
    if (!button.disabled) { start(); }
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
    current: function () { return current; },
    shown: function () { return shown.slice(); }
  };

  state.whenLayers.then(function () {
    layer.addTo(state.map);
    if (state.layerControl) { state.layerControl.addOverlay(layer, 'Forecast footprints'); }
  });

})();
