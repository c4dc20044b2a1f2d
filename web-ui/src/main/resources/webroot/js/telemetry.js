/*
 * Live telemetry on the operations dashboard: sensor markers coloured by status, district
 * indicators, a reading-history chart, all kept current by the WebSocket /ws.
 * Needs dashboard.js (window.cityTwin) and styles.js (window.CityTwinStyles).
 */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  var state = window.cityTwin;
  var esc = state.esc;
  var map = state.map;

  // What the browser tests read: markers by sensor id, live connection, the chart.
  var live = state.live = { status: 'connecting', messages: 0, hellos: 0, last: null };
  state.sensors = {};
  state.indicators = {};
  state.sensorsReady = false;

  var sensorLayer = L.layerGroup();
  var selected = null; // { id, quantity }
  var fetching = {}; // sensor ids being fetched

  function text(id, value) { document.getElementById(id).textContent = value; }

  function fmtValue(value, quantity) {
    if (typeof value !== 'number') { return '–'; }
    var d = S.quantity(quantity).digits;
    return value.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  }

  function withUnit(value, quantity, unit) {
    var u = S.unit(unit);
    return fmtValue(value, quantity) + (u ? ' ' + u : '');
  }

  function ago(iso) {
    if (!iso) { return 'never'; }
    var s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    if (s < 60) { return s + ' s ago'; }
    if (s < 3600) { return Math.round(s / 60) + ' min ago'; }
    if (s < 86400) { return Math.round(s / 3600) + ' h ago'; }
    return Math.round(s / 86400) + ' d ago';
  }

  // ---- sensor markers ------------------------------------------------------------------------

  function popupHtml(p) {
    var st = S.sensorStatus(p.status);
    var latest = p.latest || {};
    var rows = Object.keys(latest).sort(byQuantityOrder).map(function (q) {
      var v = latest[q];
      return '<tr data-quantity="' + esc(q) + '"><td class="k">' + esc(S.quantity(q).label) + '</td><td class="v">' +
        esc(withUnit(v.value, q, v.unit)) + '</td><td class="t" title="' + esc(v.ts) + '">' + esc(ago(v.ts)) + '</td></tr>';
    }).join('');
    return '<div class="ct-popup ct-sensor-popup"><h4>' + esc(p.name || p.id) + '</h4>' +
      '<div class="id">' + esc(p.id) + ' · ' + esc(p.kind || '') + '</div>' +
      '<div class="ct-status-line"><span class="ct-dot" style="background:' + st.color + '"></span>' +
      '<span class="ct-status-text">' + esc(st.label) + '</span>' +
      '<span class="ct-seen" title="' + esc(p.lastSeen || '') + '">last seen ' + esc(ago(p.lastSeen)) + '</span></div>' +
      (p.status === 'faulty' && p.lastRejectReason
        ? '<div class="ct-fault">' + esc(p.rejectsInARow || 0) + ' rejected in a row: ' + esc(p.lastRejectReason) + '</div>' : '') +
      (rows ? '<table>' + rows + '</table>' : '<div class="ct-note">No readings yet.</div>') +
      '<div class="ct-note">' + esc(state.districtNames[p.district] || p.district || 'outside the districts') +
      (p.owner ? ' · ' + esc(p.owner) : '') + '</div></div>';
  }

  function byQuantityOrder(a, b) {
    var ia = S.quantityOrder.indexOf(a), ib = S.quantityOrder.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  }

  // Leaflet creates a new SVG element each time a marker is added to the map.
  function decorate(marker) {
    var el = marker.getElement();
    if (!el) { return; }
    var p = marker.props;
    el.setAttribute('data-sensor-id', p.id);
    el.setAttribute('data-status', p.status || 'unknown');
    el.setAttribute('class', 'leaflet-interactive ct-sensor ct-sensor-' + (p.status || 'unknown'));
  }

  function restyle(marker) {
    var st = S.sensorStatus(marker.props.status);
    marker.setStyle({ fillColor: st.color });
    marker.setTooltipContent(esc((marker.props.name || marker.props.id) + ' · ' + st.label));
    decorate(marker);
    if (marker.isPopupOpen()) { marker.setPopupContent(popupHtml(marker.props)); }
  }

  /** Adds or updates a sensor from a full record: {id, lat, lon, ...properties, status, latest...}. */
  function upsert(record) {
    var marker = state.sensors[record.id];
    if (!marker) {
      if (typeof record.lat !== 'number' || typeof record.lon !== 'number') { return; }
      marker = L.circleMarker([record.lat, record.lon], {
        pane: 'sensors', radius: 7, color: '#0a1220', weight: 2, fillOpacity: 0.95, className: 'ct-sensor'
      });
      marker.props = {};
      marker.bindTooltip('', { direction: 'top', offset: [0, -6] });
      marker.bindPopup('');
      marker.on('add', function () { decorate(marker); });
      marker.on('click', function () { selectSensor(record.id); });
      marker.on('popupopen', function () { marker.setPopupContent(popupHtml(marker.props)); });
      state.sensors[record.id] = marker;
      sensorLayer.addLayer(marker);
    } else if (typeof record.lat === 'number' && typeof record.lon === 'number') {
      marker.setLatLng([record.lat, record.lon]);
    }
    Object.keys(record).forEach(function (k) { if (k !== 'lat' && k !== 'lon') { marker.props[k] = record[k]; } });
    restyle(marker);
  }

  /** Applies a live change {id, status, lastSeen, latest} to a known sensor. */
  function applyChange(change) {
    var marker = state.sensors[change.id];
    if (!marker) {
      // Registered after this page loaded: fetch where it stands (once; it is current when it answers).
      if (!fetching[change.id]) {
        fetching[change.id] = true;
        state.getJson('/api/sensors/' + encodeURIComponent(change.id))
          .then(function (s) { upsert(flatten(s)); countStatuses(); })
          .catch(function (e) { state.report('Sensor ' + change.id + ': ' + e.message); })
          .then(function () { delete fetching[change.id]; });
      }
      return;
    }
    var p = marker.props;
    if (change.status) { p.status = change.status; }
    if ('lastSeen' in change) { p.lastSeen = change.lastSeen; }
    if ('rejectsInARow' in change) { p.rejectsInARow = change.rejectsInARow; }
    if ('lastRejectReason' in change) { p.lastRejectReason = change.lastRejectReason; }
    if (change.latest) {
      p.latest = Object.assign({}, p.latest, change.latest);
      extendChart(change.id, change.latest);
    }
    restyle(marker);
  }

  /** A sensor of the API or the hello frame ({..., state: {...}}) as one flat record. */
  function flatten(sensor) {
    var r = {};
    Object.keys(sensor).forEach(function (k) { if (k !== 'state') { r[k] = sensor[k]; } });
    Object.assign(r, sensor.state || {});
    return r;
  }

  function countStatuses() {
    var counts = {};
    var total = 0;
    Object.keys(state.sensors).forEach(function (id) {
      var s = state.sensors[id].props.status || 'unknown';
      counts[s] = (counts[s] || 0) + 1;
      total++;
    });
    text('sensor-total', String(total));
    document.getElementById('sensor-counts').innerHTML = Object.keys(S.sensorStatuses).map(function (k) {
      var st = S.sensorStatuses[k];
      return '<li data-status="' + k + '"><span class="ct-dot" style="background:' + st.color + '"></span>' +
        st.label + '<span class="n">' + (counts[k] || 0) + '</span></li>';
    }).join('');
  }

  // ---- district indicators -------------------------------------------------------------------

  function statValue(ind, stat) {
    if (stat === 'sum') { return ind.mean * ind.sensors; }
    return ind[stat];
  }

  function renderIndicators(changed) {
    var ids = Object.keys(state.indicators).sort(function (a, b) {
      return String(state.districtNames[a] || a).localeCompare(String(state.districtNames[b] || b));
    });
    var box = document.getElementById('indicators');
    if (!ids.length) {
      box.innerHTML = '<div class="ct-note">No district has live readings yet.</div>';
      return;
    }
    box.innerHTML = ids.map(function (id) {
      var d = state.indicators[id];
      var rows = (d.indicators || []).slice().sort(function (a, b) { return byQuantityOrder(a.quantity, b.quantity); })
        .map(function (ind) {
          var q = S.quantity(ind.quantity);
          return '<tr data-quantity="' + esc(ind.quantity) + '"><td>' + esc(q.label) + ' <small>' + esc(q.stat) + '</small></td>' +
            '<td class="n">' + esc(withUnit(statValue(ind, q.stat), ind.quantity, ind.unit)) + '</td>' +
            '<td class="s" title="sensors counted">' + esc(ind.sensors) + '</td></tr>';
        }).join('');
      return '<div class="ct-ind-district' + (changed && changed[id] ? ' ct-flash' : '') + '" data-district="' + esc(id) + '">' +
        '<h3>' + esc(state.districtNames[id] || d.code || id) + '</h3><table>' + rows + '</table></div>';
    }).join('');
  }

  function applyIndicators(list, replaceAll) {
    var changed = {};
    if (replaceAll) { state.indicators = {}; }
    (list || []).forEach(function (d) { state.indicators[d.district] = d; changed[d.district] = true; });
    renderIndicators(replaceAll ? null : changed);
  }

  // ---- history chart -------------------------------------------------------------------------

  function selectSensor(id) {
    var marker = state.sensors[id];
    if (!marker) { return; }
    var p = marker.props;
    var quantities = (p.quantities && p.quantities.length ? p.quantities : Object.keys(p.latest || {})).slice().sort(byQuantityOrder);
    var select = document.getElementById('history-quantity');
    select.innerHTML = quantities.map(function (q) {
      return '<option value="' + esc(q) + '">' + esc(S.quantity(q).label) + '</option>';
    }).join('');
    var withValue = quantities.filter(function (q) { return p.latest && p.latest[q]; });
    var q = withValue[0] || quantities[0];
    select.value = q || '';
    document.getElementById('history-card').hidden = false;
    text('history-title', p.name || p.id);
    loadHistory(id, q);
  }

  function loadHistory(id, quantity) {
    selected = { id: id, quantity: quantity };
    if (!quantity) {
      drawChart([], '', '', Date.now() - DAY_MS, Date.now());
      text('history-note', 'This sensor declares no quantities.');
      return;
    }
    text('history-note', 'Loading…');
    var to = Date.now();
    var from = to - DAY_MS;
    state.getJson('/api/sensors/' + encodeURIComponent(id) + '/history?quantity=' + encodeURIComponent(quantity) +
        '&from=' + from + '&to=' + to)
      .then(function (h) {
        if (!selected || selected.id !== id || selected.quantity !== quantity) { return; }
        var marker = state.sensors[id];
        var latest = marker && marker.props.latest && marker.props.latest[quantity];
        var unit = latest ? latest.unit : '';
        var points = h.points.map(function (pt) { return { x: Date.parse(pt.ts), y: pt.value }; });
        drawChart(points, quantity, unit, from, to);
        text('history-note', points.length ? points.length + ' readings' : 'No readings in the last 24 h.');
      })
      .catch(function (e) {
        text('history-note', 'History unavailable: ' + e.message);
      });
  }

  var DAY_MS = 24 * 3600 * 1000;
  var HOUR_MS = 3600 * 1000;

  function hhmm(ms) {
    return new Date(ms).toISOString().substring(11, 16);
  }

  // Ticks on whole UTC hours (multiples of the step from the epoch).
  function tickStep(span) {
    return span <= 2 * HOUR_MS ? HOUR_MS / 4 : span <= 6 * HOUR_MS ? HOUR_MS : span <= 12 * HOUR_MS ? 2 * HOUR_MS : 4 * HOUR_MS;
  }

  function drawChart(points, quantity, unit, from, to) {
    var q = S.quantity(quantity);
    if (state.chart) { state.chart.destroy(); }
    state.chart = new Chart(document.getElementById('history-chart'), {
      type: 'line',
      data: { datasets: [{ label: q.label, data: points, borderColor: '#38bdf8', backgroundColor: 'rgba(56,189,248,.15)',
        fill: true, pointRadius: points.length > 60 ? 0 : 2, borderWidth: 1.5, tension: 0.2 }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: {
          title: function (items) { return items.length ? new Date(items[0].parsed.x).toISOString().replace('.000Z', 'Z') : ''; },
          label: function (item) { return withUnit(item.parsed.y, quantity, unit); }
        } } },
        scales: {
          x: { type: 'linear', min: from, max: to,
            ticks: { color: '#8193ad', stepSize: tickStep(to - from), maxRotation: 0, autoSkip: true,
              callback: function (v) { return hhmm(v); } },
            title: { display: true, text: 'UTC', color: '#8193ad' }, grid: { color: '#22324d' } },
          y: { ticks: { color: '#8193ad' }, grid: { color: '#22324d' },
            title: { display: !!S.unit(unit), text: S.unit(unit), color: '#8193ad' } }
        }
      }
    });
  }

  // A live reading of the charted sensor and quantity extends the line.
  function extendChart(id, latest) {
    if (!selected || selected.id !== id || !state.chart || !latest[selected.quantity]) { return; }
    var v = latest[selected.quantity];
    var data = state.chart.data.datasets[0].data;
    var x = Date.parse(v.ts);
    if (!data.length || x > data[data.length - 1].x) {
      data.push({ x: x, y: v.value });
      var xAxis = state.chart.options.scales.x;
      if (x > xAxis.max) { xAxis.max = x; }
      state.chart.update('none');
      text('history-note', data.length + ' readings');
    }
  }

  document.getElementById('history-quantity').addEventListener('change', function (e) {
    if (selected) { loadHistory(selected.id, e.target.value); }
  });
  document.getElementById('history-close').addEventListener('click', function () {
    selected = null;
    document.getElementById('history-card').hidden = true;
  });

  // ---- WebSocket -----------------------------------------------------------------------------

  // By frame type; incidents.js adds its own.
  var handlers = state.liveHandlers = {
    hello: function (m) {
      live.hellos++;
      if (m.sensors) {
        m.sensors.forEach(function (s) { upsert(flatten(s)); });
        countStatuses();
      }
      if (m.indicators) { applyIndicators(m.indicators, true); }
      if (m.unavailable) {
        state.report('Live snapshot incomplete: ' + Object.keys(m.unavailable).map(function (k) {
          return k + ' (' + m.unavailable[k] + ')';
        }).join(', '));
      }
      setLive('live');
    },
    telemetry: function (m) {
      (m.sensors || []).forEach(applyChange);
      if (m.sensors && m.sensors.length) { countStatuses(); }
      if (m.indicators && m.indicators.length) { applyIndicators(m.indicators, false); }
    }
  };

  var PILL = {
    connecting: ['CONNECTING', 'ct-pill-wait'], live: ['LIVE', 'ct-pill-up'], offline: ['OFFLINE', 'ct-pill-down']
  };

  function setLive(status, detail) {
    live.status = status;
    var pill = document.getElementById('live');
    pill.textContent = PILL[status][0];
    pill.className = 'ct-pill ' + PILL[status][1];
    var line = status === 'live'
      ? 'Live: connected · ' + live.messages + ' updates' + (live.last ? ' · last ' + new Date(live.last).toISOString().substring(11, 19) + ' UTC' : '')
      : status === 'connecting' ? 'Live: connecting…' : 'Live: disconnected' + (detail ? ' · ' + detail : '');
    text('live-status', line);
  }

  var retryMs = 1000;
  function connect() {
    setLive('connecting');
    var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    state.socket = ws;
    ws.onopen = function () { retryMs = 1000; };
    ws.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { state.report('Unreadable live message: ' + err.message); return; }
      live.messages++;
      live.last = Date.now();
      var h = handlers[m.type];
      if (h) { h(m); }
      if (live.status === 'live') { setLive('live'); }
    };
    ws.onclose = function () {
      setLive('offline', 'retrying in ' + Math.round(retryMs / 1000) + ' s');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
  }

  // ---- start ---------------------------------------------------------------------------------

  countStatuses();
  state.whenLayers.then(function () {
    sensorLayer.addTo(map);
    if (state.layerControl) { state.layerControl.addOverlay(sensorLayer, 'Sensors'); }
    return state.getJson('/api/sensors?format=geojson');
  }).then(function (fc) {
    fc.features.forEach(function (f) {
      // A sensor the hello frame already drew is kept current by /ws; this answer may be older.
      if (!f.geometry || state.sensors[f.id]) { return; }
      var r = Object.assign({}, f.properties, { id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] });
      upsert(r);
    });
    countStatuses();
    renderIndicators(null);
    state.sensorsReady = true;
  }).catch(function (e) {
    state.report('Could not load the sensors: ' + e.message);
    state.sensorsReady = true;
  });
  // Connect right away: frames that arrive before the map is drawn are kept in the markers' state.
  connect();
  window.addEventListener('pagehide', function () { if (state.socket) { state.socket.onclose = null; state.socket.close(); } });
})();
