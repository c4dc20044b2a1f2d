/*
 * Drill footprints on the operations map: the hazard areas of the running drill's latest sim-frame
 * (plume above a threshold, flooded cells, burning buildings...), hatched orange on their own pane
 * and overlay so they are never mistaken for a real incident's area. Drawn on request of drills.js
 * through window.cityTwin.drillMap. Needs dashboard.js (window.cityTwin) and styles.js.
 */
(function () {
  'use strict';
  var S = window.CityTwinStyles;
  var state = window.cityTwin;
  var esc = state.esc;
  var map = state.map;

  var layer = L.layerGroup();
  var shown = []; // footprint names drawn, in frame order

  function style(index) {
    return {
      color: S.footprintOutline(index), weight: 2, opacity: 0.95, dashArray: '6 4',
      fillColor: 'url(#ct-sim-hatch)', fillOpacity: 1, className: 'ct-sim-footprint'
    };
  }

  // Leaflet creates a new SVG element whenever a layer is added; mark it for the tests and CSS.
  function mark(l, attributes) {
    l.on('add', function () {
      var el = l.getElement && l.getElement();
      if (el) { Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); }); }
    });
  }

  /** Replaces the footprints shown with those of a frame (a GeoJSON FeatureCollection, properties.name). */
  function draw(collection, drillId) {
    layer.clearLayers();
    shown = [];
    ((collection && collection.features) || []).forEach(function (feature, i) {
      if (!feature || !state.drawable(feature.geometry)) { return; }
      var name = (feature.properties && feature.properties.name) || 'footprint ' + (i + 1);
      var s = style(i);
      var g;
      try {
        g = L.geoJSON(feature, {
          pane: 'simulation',
          style: function () { return s; },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, Object.assign({ pane: 'simulation', radius: 10 }, s)); }
        });
      } catch (e) {
        state.report('Drill footprint ' + name + ' cannot be drawn: ' + e.message);
        return;
      }
      g.eachLayer(function (l) { mark(l, { 'data-footprint': name, 'data-drill-id': drillId || '' }); });
      g.bindTooltip(esc('EXERCISE · ' + state.format.label(name)), { sticky: true });
      layer.addLayer(g);
      shown.push(name);
    });
  }

  function clear() {
    layer.clearLayers();
    shown = [];
  }

  state.drillMap = {
    draw: draw,
    clear: clear,
    shown: function () { return shown.slice(); }
  };

  state.whenLayers.then(function () {
    layer.addTo(map);
    if (state.layerControl) { state.layerControl.addOverlay(layer, 'Drill footprints'); }
  });
})();
