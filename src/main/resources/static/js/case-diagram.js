// A BPMN diagram (bpmn-js viewer, vendored): a case's, with the steps it waits on highlighted, or an advisor's model,
// with the elements that break a rule marked.
(function () {
  var container = document.getElementById('diagrama');
  if (!container || !window.BpmnJS) {
    return;
  }
  var current = (container.getAttribute('data-current') || '').split(',').filter(Boolean);
  var problems = (container.getAttribute('data-problems') || '').split(',').filter(Boolean);
  var viewer = new window.BpmnJS({ container: container });
  fetch(container.getAttribute('data-bpmn'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      viewer.get('canvas').zoom('fit-viewport');
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      current.forEach(function (id) {
        if (registry.get(id)) { canvas.addMarker(id, 'current-step'); }
      });
      problems.forEach(function (id) {
        if (registry.get(id)) { canvas.addMarker(id, 'has-problem'); }
      });
      container.setAttribute('data-rendered', String(registry.getAll().length));
    })
    .catch(function (error) {
      container.setAttribute('data-error', String(error));
    });
})();
