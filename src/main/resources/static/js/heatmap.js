// The procedure's diagram with each step's median time and count drawn on it, coloured by its share of the total
// cycle time (bpmn-js viewer, vendored; the figures come from the dashboard's JSON).
(function () {
  var container = document.getElementById('diagrama');
  if (!container || !window.BpmnJS) { return; }
  var viewer = new window.BpmnJS({ container: container });
  function text(url) { return fetch(url, { credentials: 'same-origin' }).then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r; }); }
  Promise.all([text(container.getAttribute('data-bpmn')).then(function (r) { return r.text(); }),
               text(container.getAttribute('data-steps')).then(function (r) { return r.json(); })])
    .then(function (loaded) {
      return viewer.importXML(loaded[0]).then(function () { return loaded[1].pasos || []; });
    })
    .then(function (steps) {
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      var drawn = 0;
      steps.forEach(function (step) {
        if (!registry.get(step.activityId)) { return; }
        var heat = Math.min(4, Math.floor(step.shareOfCycleTime * 5));
        canvas.addMarker(step.activityId, 'heat-' + heat);
        var badge = document.createElement('div');
        badge.className = 'heat-badge heat-' + heat;
        badge.textContent = step.medianDays.toFixed(1) + ' d · ' + step.count + ' · ' + Math.round(step.shareOfCycleTime * 100) + '%';
        overlays.add(step.activityId, { position: { bottom: 4, left: 0 }, html: badge });
        drawn++;
      });
      container.setAttribute('data-rendered', String(drawn));
    })
    .catch(function (error) { container.setAttribute('data-error', String(error)); });
})();
