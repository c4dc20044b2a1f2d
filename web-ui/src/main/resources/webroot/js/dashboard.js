/* CityTwin operations dashboard: draws the city's own layers (no web tiles) from the REST API. */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  // Read by the browser tests and handy in the console: what is loaded and what went wrong.
  var state = window.cityTwin = { ready: false, counts: {}, errors: [], layers: {}, districtNames: {} };

  var map = L.map('map', {
    zoomControl: true, preferCanvas: false, attributionControl: true,
    minZoom: 12, maxZoom: 20, zoomSnap: 0.25, zoomDelta: 0.5
  });
  state.map = map;
  map.attributionControl.setPrefix(false);
  L.control.scale({ imperial: false }).addTo(map);
  [['districts', 410], ['population', 415], ['roads', 420], ['buildings', 430], ['simulation', 620], ['incidents', 630],
    ['routes', 640], ['sensors', 650]].forEach(function (p) {
    map.createPane(p[0]).style.zIndex = p[1];
  });

  function text(id, value) { document.getElementById(id).textContent = value; }
  function fmt(n) { return Number(n).toLocaleString('en-GB'); }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function report(message) {
    state.errors.push(message);
    text('message', message);
  }
  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ' answered ' + r.status); }
      return r.json();
    });
  }
  // Fails with the API's own message (its error body) when the answer is not 2xx.
  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (json) {
          if (!r.ok) { throw new Error(json.message || url + ' answered ' + r.status); }
          return json;
        });
      });
  }
  // Text for codes, durations and ages, shared by the incident views.
  var format = {
    /** stand_by -> "Stand by". */
    label: function (code) {
      var s = String(code || '').replace(/_/g, ' ');
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
    /** Seconds (sign ignored) as m:ss or h:mm:ss. */
    duration: function (seconds) {
      var s = Math.abs(Math.round(seconds));
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
      return (h ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(r).padStart(2, '0');
    },
    /** How long ago an ISO-8601 instant was: "45 s", "12 min", "2 h 5 min", "3 d". */
    since: function (iso) {
      if (!iso) { return ''; }
      var s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
      if (s < 60) { return s + ' s'; }
      if (s < 3600) { return Math.floor(s / 60) + ' min'; }
      if (s < 86400) { return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min'; }
      return Math.floor(s / 86400) + ' d';
    }
  };
  // The EXERCISE banner shows while any source says so: exercise incidents (incidents.js), a
  // drill in progress (drills.js).
  var exerciseSources = {};
  function exercise(source, on) {
    exerciseSources[source] = !!on;
    var any = Object.keys(exerciseSources).some(function (k) { return exerciseSources[k]; });
    document.getElementById('exercise-banner').hidden = !any;
    document.body.classList.toggle('ct-drill', any);
  }

  // Shared with telemetry.js, incident-map.js, incidents.js, drill-map.js and drills.js.
  state.exercise = exercise;
  state.report = report;
  state.getJson = getJson;
  state.postJson = postJson;
  state.format = format;
  state.esc = esc;
  /** A GeoJSON geometry worth drawing: simulation frames may carry empty footprints. */
  state.drawable = function drawable(geometry) {
    if (!geometry || !geometry.type) { return false; }
    if (geometry.type === 'GeometryCollection') { return (geometry.geometries || []).some(drawable); }
    return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0;
  };

  var HIDDEN = { id: 1, type: 1, name: 1 };
  function popup(props, note) {
    var rows = Object.keys(props).filter(function (k) { return !HIDDEN[k]; }).map(function (k) {
      var v = props[k];
      if (typeof v === 'number') { v = v.toLocaleString('en-GB', { maximumFractionDigits: 1 }); }
      return '<tr><td class="k">' + esc(k) + '</td><td>' + esc(v) + '</td></tr>';
    }).join('');
    return '<div class="ct-popup"><h4>' + esc(props.name || props.type) + '</h4>' +
      '<div class="id">' + esc(props.id) + '</div><table>' + rows + '</table>' +
      (note ? '<div class="synthetic">' + esc(note) + '</div>' : '') + '</div>';
  }

  function districtsLayer(fc) {
    var i = 0;
    return L.geoJSON(fc, {
      pane: 'districts',
      style: function () {
        var c = S.districtColor(i++);
        return { color: c, weight: 2, opacity: 0.9, fillColor: c, fillOpacity: 0.16, className: 'ct-district' };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(esc(f.properties.name), { permanent: true, direction: 'center', className: 'ct-district-label' });
        layer.bindPopup(popup(f.properties, f.properties.residentsSynthetic ? 'Residents are synthetic (modelled).' : ''));
      }
    });
  }

  function populationLayer(fc) {
    return L.geoJSON(fc, {
      pane: 'population',
      style: function (f) {
        return { color: '#0f172a', weight: 1, fillColor: S.densityColor(f.properties.densityPerKm2), fillOpacity: 0.75, className: 'ct-population' };
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(popup(f.properties, 'Synthetic population: modelled from the city total, not observed.'));
      }
    });
  }

  // Road widths are drawn for street level; a whole-city view gets thinner lines.
  function roadScale() {
    var z = map.getZoom();
    return z >= 17 ? 1.2 : z >= 16 ? 0.95 : z >= 15 ? 0.7 : 0.45;
  }

  function roadStyle(f) {
    var s = S.roadStyle(f.properties.highway);
    return {
      color: s.color, weight: Math.max(0.6, s.width * roadScale()), opacity: s.dash ? 0.55 : 0.85,
      dashArray: s.dash || null, lineCap: 'round', className: 'ct-road'
    };
  }

  // Minor POIs (pharmacies, schools...) only from street level, so the emergency services stand out.
  function updateZoomClasses() {
    var container = map.getContainer();
    container.classList.toggle('ct-zoom-city', map.getZoom() < 15.5);
    if (state.layers.roads) { state.layers.roads.setStyle(roadStyle); }
  }
  map.on('zoomend', updateZoomClasses);

  function roadsLayer(fc) {
    return L.geoJSON(fc, {
      pane: 'roads',
      style: roadStyle,
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties)); }
    });
  }

  function buildingsLayer(fc) {
    return L.geoJSON(fc, {
      pane: 'buildings',
      style: function (f) {
        var c = S.buildingUse(f.properties.use).color;
        return { color: c, weight: 0.6, opacity: 0.9, fillColor: c, fillOpacity: 0.55, className: 'ct-building' };
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(popup(f.properties, f.properties.residentsSynthetic ? 'Residents are synthetic (modelled).' : ''));
      }
    });
  }

  function poisLayer(fc) {
    return L.geoJSON(fc, {
      pointToLayer: function (f, latlng) {
        var k = S.poiKind(f.properties.kind);
        var size = k.major ? 20 : 14;
        var icon = L.divIcon({
          className: '',
          html: '<div class="ct-poi' + (k.major ? '' : ' ct-poi-minor') + '" style="background:' + k.color + '">' + esc(k.glyph) + '</div>',
          iconSize: [size, size], iconAnchor: [size / 2, size / 2], popupAnchor: [0, -size / 2]
        });
        return L.marker(latlng, { icon: icon, title: (f.properties.name || k.label) + ' (' + k.label + ')', zIndexOffset: k.major ? 1000 : 0 });
      },
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties)); }
    });
  }

  function legend() {
    var html = '<h3>Buildings by use</h3>';
    Object.keys(S.buildingUses).forEach(function (u) {
      var b = S.buildingUses[u];
      html += '<div class="row"><span class="sw" style="background:' + b.color + '"></span>' + b.label + '</div>';
    });
    html += '<h3>Roads by class</h3>';
    S.roadClasses.forEach(function (r) {
      html += '<div class="row"><span class="ln" style="height:' + Math.max(2, r.width) + 'px;background:' + r.color + '"></span>' + r.label + '</div>';
    });
    html += '<h3>Points of interest <span class="note">(minor ones from street level)</span></h3>';
    Object.keys(S.poiKinds).forEach(function (k) {
      var p = S.poiKinds[k];
      html += '<div class="row"><span class="ct-poi ct-poi-minor" style="background:' + p.color + '">' + esc(p.glyph) + '</span>' + p.label + '</div>';
    });
    html += '<h3>Sensors by status</h3>';
    Object.keys(S.sensorStatuses).forEach(function (k) {
      var st = S.sensorStatuses[k];
      html += '<div class="row"><span class="ct-dot" style="background:' + st.color + '"></span>' + st.label + '</div>';
    });
    html += '<h3>Incident areas by severity</h3>';
    Object.keys(S.severities).forEach(function (k) {
      var sv = S.severities[k];
      html += '<div class="row"><span class="sw" style="background:' + sv.color + '"></span>' + sv.label + '</div>';
    });
    html += '<h3>Drill footprints <span class="note">(simulated, exercise only)</span></h3>' +
      '<div class="row"><span class="sw ct-sw-hatch"></span>Hazard area of the running drill</div>';
    html += '<h3>Residents per km² (synthetic)</h3>';
    S.densitySteps.forEach(function (d) {
      html += '<div class="row"><span class="sw" style="background:' + d.color + '"></span>≥ ' + fmt(d.min) + '</div>';
    });
    document.getElementById('legend').innerHTML = html;
  }

  function services(pois) {
    var counts = {};
    pois.features.forEach(function (f) { counts[f.properties.kind] = (counts[f.properties.kind] || 0) + 1; });
    document.getElementById('services').innerHTML = Object.keys(S.poiKinds).filter(function (k) {
      return S.poiKinds[k].major || counts[k];
    }).map(function (k) {
      var p = S.poiKinds[k];
      return '<li><span class="ct-poi ct-poi-minor" style="background:' + p.color + '">' + esc(p.glyph) + '</span>' +
        p.label + '<span class="n">' + (counts[k] || 0) + '</span></li>';
    }).join('');
  }

  function population(fc) {
    var total = 0;
    var rows = fc.features.slice().sort(function (a, b) { return b.properties.residents - a.properties.residents; })
      .map(function (f) {
        total += f.properties.residents;
        return '<tr data-id="' + esc(f.properties.id) + '" title="Show on map"><td>' + esc(f.properties.name) +
          '</td><td class="n">' + fmt(f.properties.residents) + '</td></tr>';
      }).join('');
    text('pop-total', fmt(total));
    var body = document.querySelector('#pop-table tbody');
    body.innerHTML = rows;
    body.addEventListener('click', function (e) {
      var row = e.target.closest('tr');
      if (row) { focusDistrict(row.getAttribute('data-id')); }
    });
  }

  function focusDistrict(id) {
    var districts = state.layers.districts;
    if (!districts) { return; }
    districts.eachLayer(function (layer) {
      if (layer.feature.properties.id === id) {
        map.fitBounds(layer.getBounds(), { padding: [30, 30] });
        layer.openPopup(layer.getBounds().getCenter());
      }
    });
  }

  var HomeControl = L.Control.extend({
    options: { position: 'topleft' },
    onAdd: function () {
      var bar = L.DomUtil.create('div', 'leaflet-bar');
      var a = L.DomUtil.create('a', 'ct-home', bar);
      a.href = '#';
      a.title = 'Whole city';
      a.setAttribute('role', 'button');
      a.textContent = '⌂';
      L.DomEvent.on(a, 'click', function (e) {
        L.DomEvent.preventDefault(e);
        if (state.bounds) { map.fitBounds(state.bounds, { padding: [10, 10] }); }
      });
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    }
  });

  function health() {
    var pill = document.getElementById('health');
    fetch('/health').then(function (r) { return r.json(); }).then(function (h) {
      pill.textContent = h.status;
      pill.className = 'ct-pill ' + (h.status === 'UP' ? 'ct-pill-up' : h.status === 'DEGRADED' ? 'ct-pill-wait' : 'ct-pill-down');
      var checks = h.checks || {};
      pill.title = Object.keys(checks).map(function (k) {
        return k + ': ' + checks[k].status + (checks[k].message ? ' (' + checks[k].message + ')' : '');
      }).join('\n') || 'Server and city model health';
    }).catch(function () {
      pill.textContent = 'OFFLINE';
      pill.className = 'ct-pill ct-pill-down';
    });
  }

  function clock() {
    text('clock', new Date().toISOString().substring(11, 19) + ' UTC');
  }

  map.on('mousemove', function (e) {
    text('cursor', 'lon ' + e.latlng.lng.toFixed(5) + ', lat ' + e.latlng.lat.toFixed(5));
  });

  var builders = { districts: districtsLayer, population: populationLayer, roads: roadsLayer, buildings: buildingsLayer, pois: poisLayer };
  var titles = { districts: 'Districts', population: 'Population (synthetic)', roads: 'Roads', buildings: 'Buildings', pois: 'Points of interest' };
  var onByDefault = { districts: true, roads: true, buildings: true, pois: true, population: false };

  legend();
  clock();
  setInterval(clock, 1000);
  health();
  setInterval(health, 15000);

  state.whenLayers = getJson('/api/layers').then(function (catalog) {
    text('city-name', catalog.city);
    document.title = catalog.city + ' · CityTwin Operations';
    map.attributionControl.addAttribution(esc(catalog.attribution));
    map.attributionControl.addAttribution('Population: synthetic');
    text('attribution-text', catalog.attribution);
    var control = state.layerControl = L.control.layers(null, null, { collapsed: false, position: 'topright' }).addTo(map);
    var names = catalog.layers.map(function (l) { return l.name; });
    return Promise.all(names.map(function (name) {
      return getJson('/api/layers/' + encodeURIComponent(name)).then(function (fc) { return [name, fc]; });
    })).then(function (loaded) {
      var byName = {};
      loaded.forEach(function (p) { byName[p[0]] = p[1]; });
      // Bottom to top, so the layer control lists them in drawing order.
      ['districts', 'population', 'roads', 'buildings', 'pois'].forEach(function (name) {
        var fc = byName[name];
        if (!fc || !builders[name]) { return; }
        var layer = builders[name](fc);
        state.layers[name] = layer;
        state.counts[name] = fc.features.length;
        control.addOverlay(layer, titles[name] + ' <small>(' + fmt(fc.features.length) + ')</small>');
        if (onByDefault[name]) { layer.addTo(map); }
      });
      text('stat-districts', fmt(state.counts.districts || 0));
      text('stat-buildings', fmt(state.counts.buildings || 0));
      text('stat-roads', fmt(state.counts.roads || 0));
      text('stat-pois', fmt(state.counts.pois || 0));
      if (byName.districts) {
        byName.districts.features.forEach(function (f) { state.districtNames[f.properties.id] = f.properties.name; });
      }
      if (byName.pois) { services(byName.pois); }
      if (byName.population) { population(byName.population); }
      var bounds = state.layers.districts ? state.layers.districts.getBounds() : null;
      if (bounds && bounds.isValid()) {
        state.bounds = bounds;
        new HomeControl().addTo(map);
        map.fitBounds(bounds, { padding: [10, 10] });
        map.setMaxBounds(bounds.pad(0.5));
        updateZoomClasses();
      } else {
        map.setView([0, 0], 13);
      }
      state.ready = true;
    });
  }).catch(function (e) {
    report('Could not load the city: ' + e.message);
  });
})();
