/* Cartography of the operations map: one place for colours, widths and symbols. */
(function () {
  'use strict';

  var DISTRICT_PALETTE = ['#2563eb', '#0d9488', '#7c3aed', '#db2777', '#ca8a04',
    '#16a34a', '#ea580c', '#0891b2', '#9333ea', '#65a30d', '#dc2626', '#4f46e5'];

  var BUILDING_USE = {
    residential: { color: '#94a3b8', label: 'Residential' },
    commercial: { color: '#60a5fa', label: 'Commercial' },
    industrial: { color: '#a78bfa', label: 'Industrial' },
    school: { color: '#facc15', label: 'School' },
    hospital: { color: '#f87171', label: 'Hospital' },
    public: { color: '#34d399', label: 'Public' },
    religious: { color: '#f0abfc', label: 'Religious' },
    other: { color: '#64748b', label: 'Other' }
  };

  // Width in pixels by OSM highway class; foot-only ways are thin and dashed.
  var ROAD_CLASS = [
    { classes: ['motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link', 'primary_link'], width: 4.5, color: '#fbbf24', label: 'Primary' },
    { classes: ['secondary', 'secondary_link'], width: 3.5, color: '#fcd34d', label: 'Secondary' },
    { classes: ['tertiary', 'tertiary_link'], width: 2.8, color: '#e2e8f0', label: 'Tertiary' },
    { classes: ['residential', 'unclassified', 'living_street', 'road'], width: 2, color: '#cbd5e1', label: 'Residential' },
    { classes: ['service', 'raceway'], width: 1.3, color: '#94a3b8', label: 'Service' },
    { classes: ['pedestrian', 'footway', 'steps', 'path', 'cycleway', 'track', 'platform', 'corridor', 'elevator'], width: 1, color: '#7dd3fc', dash: '2 3', label: 'Foot / steps' }
  ];
  var ROAD_DEFAULT = { width: 1, color: '#94a3b8', label: 'Other' };

  var POI_KIND = {
    hospital: { color: '#ef4444', glyph: 'H', label: 'Hospital', major: true },
    fire_station: { color: '#f97316', glyph: 'F', label: 'Fire station', major: true },
    police: { color: '#3b82f6', glyph: 'P', label: 'Police', major: true },
    shelter: { color: '#22c55e', glyph: 'S', label: 'Shelter', major: true },
    assembly_point: { color: '#16a34a', glyph: 'A', label: 'Assembly point', major: true },
    school: { color: '#eab308', glyph: 'E', label: 'School', major: false },
    kindergarten: { color: '#ca8a04', glyph: 'K', label: 'Kindergarten', major: false },
    university: { color: '#a16207', glyph: 'U', label: 'University', major: false },
    clinic: { color: '#f472b6', glyph: 'C', label: 'Clinic', major: false },
    doctors: { color: '#ec4899', glyph: 'D', label: 'Doctors', major: false },
    pharmacy: { color: '#10b981', glyph: '+', label: 'Pharmacy', major: false },
    townhall: { color: '#8b5cf6', glyph: 'T', label: 'Town hall', major: false }
  };
  var POI_DEFAULT = { color: '#64748b', glyph: '?', label: 'Other', major: false };

  function roadStyle(highway) {
    for (var i = 0; i < ROAD_CLASS.length; i++) {
      if (ROAD_CLASS[i].classes.indexOf(highway) >= 0) { return ROAD_CLASS[i]; }
    }
    return ROAD_DEFAULT;
  }

  // Sequential ramp for residents per km² (synthetic population).
  var DENSITY_STEPS = [
    { min: 0, color: '#1e293b' }, { min: 5000, color: '#3b0764' }, { min: 10000, color: '#6b21a8' },
    { min: 20000, color: '#a21caf' }, { min: 30000, color: '#db2777' }, { min: 45000, color: '#f97316' }
  ];
  function densityColor(d) {
    var c = DENSITY_STEPS[0].color;
    DENSITY_STEPS.forEach(function (s) { if (d >= s.min) { c = s.color; } });
    return c;
  }

  // Sensor health as the twin reports it; the order is the legend's.
  var SENSOR_STATUS = {
    ok: { color: '#22c55e', label: 'OK' },
    stale: { color: '#f59e0b', label: 'Stale' },
    'no-signal': { color: '#64748b', label: 'No signal' },
    faulty: { color: '#ef4444', label: 'Faulty' }
  };
  var SENSOR_STATUS_UNKNOWN = { color: '#a855f7', label: 'Unknown' };

  // Telemetry quantities: label, the district statistic worth showing (the hazard is in the
  // extreme for levels and crowds, in the mean for air; free beds add up) and display digits.
  var QUANTITY = {
    pm25: { label: 'PM2.5', stat: 'mean', digits: 1 },
    pm10: { label: 'PM10', stat: 'mean', digits: 1 },
    no2: { label: 'NO₂', stat: 'mean', digits: 1 },
    o3: { label: 'O₃', stat: 'mean', digits: 1 },
    co: { label: 'CO', stat: 'max', digits: 1 },
    gas: { label: 'Gas', stat: 'max', digits: 0 },
    temperature: { label: 'Temperature', stat: 'mean', digits: 1 },
    humidity: { label: 'Humidity', stat: 'mean', digits: 0 },
    water_level: { label: 'Water level', stat: 'max', digits: 2 },
    rainfall: { label: 'Rainfall', stat: 'max', digits: 1 },
    smoke: { label: 'Smoke', stat: 'max', digits: 2 },
    traffic_flow: { label: 'Traffic flow', stat: 'mean', digits: 0 },
    speed: { label: 'Speed', stat: 'mean', digits: 0 },
    crowd_density: { label: 'Crowd density', stat: 'max', digits: 2 },
    noise: { label: 'Noise', stat: 'mean', digits: 0 },
    beds_free: { label: 'Free beds', stat: 'sum', digits: 0 },
    occupancy: { label: 'Occupancy', stat: 'sum', digits: 0 }
  };
  var UNIT = { 'ug/m3': 'µg/m³', Cel: '°C', 'persons/m2': 'persons/m²', '%RH': '%', count: '', '%obs/m': '%obs/m' };

  function quantity(name) {
    return QUANTITY[name] || { label: name, stat: 'mean', digits: 2 };
  }

  // Incidents: a symbol and colour per type (DejaVu Sans has every glyph), the map's area colour
  // per severity (least to most severe), agencies' colours for their tasks and routes.
  var INCIDENT_TYPE = {
    fire: { glyph: '♨', color: '#f97316', label: 'Fire' },
    flood: { glyph: '≈', color: '#3b82f6', label: 'Flood' },
    gas_leak: { glyph: '☁', color: '#eab308', label: 'Gas leak' },
    chemical_release: { glyph: '☣', color: '#a855f7', label: 'Chemical release' },
    traffic_accident: { glyph: '⚠', color: '#f43f5e', label: 'Traffic accident' },
    crowd_crush_risk: { glyph: '☷', color: '#ec4899', label: 'Crowd crush risk' },
    air_quality_episode: { glyph: '☁', color: '#94a3b8', label: 'Air-quality episode' },
    disease_cluster: { glyph: '✚', color: '#22c55e', label: 'Disease cluster' },
    infrastructure_failure: { glyph: '⚡', color: '#facc15', label: 'Infrastructure failure' },
    external_warning: { glyph: '⚑', color: '#06b6d4', label: 'External warning' }
  };
  var INCIDENT_TYPE_UNKNOWN = { glyph: '!', color: '#64748b', label: 'Incident' };
  var SEVERITY = {
    minor: { color: '#facc15', label: 'Minor' },
    moderate: { color: '#f59e0b', label: 'Moderate' },
    severe: { color: '#ef4444', label: 'Severe' },
    extreme: { color: '#d946ef', label: 'Extreme' }
  };
  var SEVERITY_UNKNOWN = { color: '#64748b', label: 'Unknown' };
  var AGENCY = {
    fire: { color: '#f97316', label: 'Fire brigade' },
    ems: { color: '#ef4444', label: 'EMS' },
    police: { color: '#3b82f6', label: 'Police' },
    traffic: { color: '#eab308', label: 'Traffic' },
    utilities: { color: '#14b8a6', label: 'Utilities' },
    health: { color: '#22c55e', label: 'Health' }
  };
  var AGENCY_UNKNOWN = { color: '#94a3b8', label: 'Other' };
  var ESCALATION = ['', 'Escalated to the duty supervisor', 'Escalated to the operations-centre commander'];

  // Scenarios (drills and forecasts): a symbol and colour per type; drill footprints are orange
  // (hatched fill, see index.html), their outlines told apart by these shades.
  var SCENARIO_TYPE = {
    chemical_release: { glyph: '☣', color: '#a855f7', label: 'Chemical release' },
    flood: { glyph: '≈', color: '#3b82f6', label: 'Flood' },
    building_fire: { glyph: '♨', color: '#f97316', label: 'Building fire' },
    traffic_incident: { glyph: '⚠', color: '#f43f5e', label: 'Traffic incident' },
    evacuation: { glyph: '⇶', color: '#22c55e', label: 'Evacuation' },
    epidemic: { glyph: '✚', color: '#14b8a6', label: 'Epidemic' }
  };
  var SCENARIO_TYPE_UNKNOWN = { glyph: '?', color: '#64748b', label: 'Scenario' };
  var FOOTPRINT_OUTLINES = ['#f97316', '#fb923c', '#ea580c', '#fdba74', '#c2410c'];

  window.CityTwinStyles = {
    scenarioType: function (t) { return SCENARIO_TYPE[t] || SCENARIO_TYPE_UNKNOWN; },
    footprintOutline: function (i) { return FOOTPRINT_OUTLINES[i % FOOTPRINT_OUTLINES.length]; },
    incidentType: function (t) { return INCIDENT_TYPE[t] || INCIDENT_TYPE_UNKNOWN; },
    severity: function (s) { return SEVERITY[s] || SEVERITY_UNKNOWN; },
    severities: SEVERITY,
    agency: function (a) { return AGENCY[a] || AGENCY_UNKNOWN; },
    agencyOrder: Object.keys(AGENCY),
    escalation: function (level) { return ESCALATION[level] || (level > 0 ? 'Escalated (level ' + level + ')' : ''); },
    sensorStatus: function (s) { return SENSOR_STATUS[s] || SENSOR_STATUS_UNKNOWN; },
    sensorStatuses: SENSOR_STATUS,
    quantity: quantity,
    quantityOrder: Object.keys(QUANTITY),
    unit: function (u) { return u in UNIT ? UNIT[u] : (u || ''); },
    districtColor: function (i) { return DISTRICT_PALETTE[i % DISTRICT_PALETTE.length]; },
    buildingUse: function (use) { return BUILDING_USE[use] || BUILDING_USE.other; },
    buildingUses: BUILDING_USE,
    roadStyle: roadStyle,
    roadClasses: ROAD_CLASS,
    poiKind: function (kind) { return POI_KIND[kind] || POI_DEFAULT; },
    poiKinds: POI_KIND,
    densityColor: densityColor,
    densitySteps: DENSITY_STEPS
  };
})();
