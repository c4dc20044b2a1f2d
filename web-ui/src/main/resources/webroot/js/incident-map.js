/*
 * Incidents on the operations map: each active incident's area (polygon, or a circle for a point)
 * coloured by severity, with a popup, and the routes of the selected incident's dispatched units
 * coloured by agency. Drawn on request of incidents.js through window.cityTwin.incidentMap.
 * Needs dashboard.js (window.cityTwin) and styles.js.
 */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  var state = window.cityTwin;
  var esc = state.esc;
  var f = state.format;
  var map = state.map;

  var areaLayer = L.layerGroup();
  var routeLayer = L.layerGroup();
  var areas = {}; // incident id -> Leaflet layer
  var current = {}; // incident id -> the incident last drawn, for its popup

  function areaStyle(incident) {
    var c = S.severity(incident.severity).color;
    return { color: c, weight: 3, opacity: 0.95, fillColor: c, fillOpacity: 0.3, dashArray: incident.exercise ? '8 5' : null,
      className: 'ct-incident-area' };
  }

  // Leaflet creates a new SVG element whenever a layer is added; mark it for the tests and CSS.
  function mark(layer, attributes) {
    layer.on('add', function () {
      var el = layer.getElement && layer.getElement();
      if (el) { Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); }); }
    });
  }

  function popupHtml(incident) {
    var t = S.incidentType(incident.type);
    return '<div class="ct-popup ct-incident-popup"><h4>' + esc(t.glyph + ' ' + incident.title) + '</h4>' +
      '<div class="id">' + esc(incident.id) + ' · ' + esc(t.label) + '</div>' +
      '<table><tr><td class="k">Severity</td><td>' + esc(S.severity(incident.severity).label) + '</td></tr>' +
      '<tr><td class="k">Status</td><td>' + esc(f.label(incident.status)) + '</td></tr>' +
      '<tr><td class="k">Alarms</td><td>' + esc(incident.alarmCount || 1) + '</td></tr>' +
      '<tr><td class="k">Opened</td><td>' + esc(f.since(incident.openedAt)) + ' ago</td></tr></table>' +
      (incident.exercise ? '<div class="ct-badge-exercise">EXERCISE</div>' : '') +
      '<button type="button" class="ct-open-incident" data-incident-id="' + esc(incident.id) + '">Tasks and timeline</button></div>';
  }

  function remove(id) {
    if (areas[id]) { areaLayer.removeLayer(areas[id]); }
    delete areas[id];
    delete current[id];
  }

  /** Draws (or redraws) an incident's area; an incident without one is only forgotten. */
  function draw(incident) {
    remove(incident.id);
    if (!incident.area) { return; }
    var style = areaStyle(incident);
    var layer = L.geoJSON(incident.area, {
      pane: 'incidents',
      style: function () { return style; },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, Object.assign({ pane: 'incidents', radius: 14 }, style));
      }
    });
    layer.eachLayer(function (l) { mark(l, { 'data-incident-id': incident.id, 'data-severity': incident.severity || '' }); });
    layer.bindPopup(function () { return popupHtml(current[incident.id] || incident); });
    layer.bindTooltip(esc(S.incidentType(incident.type).glyph + ' ' + incident.title), { direction: 'top', sticky: true });
    areas[incident.id] = layer;
    current[incident.id] = incident;
    areaLayer.addLayer(layer);
  }

  /** Shows the routes of these tasks' units still on their way or on site (replacing any shown). */
  function routes(tasks) {
    routeLayer.clearLayers();
    (tasks || []).forEach(function (task) {
      if (!task.route || task.status === 'done' || task.status === 'cancelled') { return; }
      var line = L.geoJSON(task.route, {
        pane: 'routes',
        style: function () {
          return { color: S.agency(task.agency).color, weight: 5, opacity: 0.9, dashArray: '10 6', className: 'ct-route' };
        }
      });
      line.eachLayer(function (l) { mark(l, { 'data-task-id': task.id, 'data-agency': task.agency }); });
      line.bindTooltip(esc(S.agency(task.agency).label + ': ' + ((task.unit && task.unit.name) || 'unit') +
        (typeof task.etaSeconds === 'number' ? ', ETA ' + f.duration(task.etaSeconds) : '')), { sticky: true });
      routeLayer.addLayer(line);
    });
  }

  /** Fits the map to an incident's area and the routes shown. */
  function focus(id) {
    var bounds = L.latLngBounds([]);
    if (areas[id]) { bounds.extend(areas[id].getBounds()); }
    routeLayer.eachLayer(function (l) { bounds.extend(l.getBounds()); });
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [40, 40], maxZoom: 17 }); }
  }

  var api = state.incidentMap = {
    draw: draw,
    remove: remove,
    routes: routes,
    focus: focus,
    drawn: function () { return Object.keys(areas); },
    /** Called with an incident id when its popup's button is pressed; set by incidents.js. */
    onOpen: function () {}
  };

  map.getContainer().addEventListener('click', function (e) {
    var button = e.target.closest('button.ct-open-incident');
    if (button) {
      map.closePopup();
      api.onOpen(button.getAttribute('data-incident-id'));
    }
  });

  state.whenLayers.then(function () {
    areaLayer.addTo(map);
    routeLayer.addTo(map);
    if (state.layerControl) { state.layerControl.addOverlay(areaLayer, 'Incidents'); }
  });
})();
