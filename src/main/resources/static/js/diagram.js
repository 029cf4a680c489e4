// BPMN diagrams (bpmn-js viewer, vendored): every .diagram[data-bpmn] on the page, with the elements its data
// attributes name marked — a case's current steps, the elements of a model that break a rule, what one version
// added, removed or changed against another. Sets data-rendered (elements marked) or data-error when done.
(function () {
  if (!window.BpmnJS) {
    return;
  }
  var markers = { 'data-current': 'current-step', 'data-problems': 'has-problem', 'data-added': 'diff-added',
    'data-removed': 'diff-removed', 'data-changed': 'diff-changed' };
  document.querySelectorAll('.diagram[data-bpmn]').forEach(function (container) {
    var viewer = new window.BpmnJS({ container: container });
    fetch(container.getAttribute('data-bpmn'), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        var marked = 0;
        Object.keys(markers).forEach(function (attribute) {
          (container.getAttribute(attribute) || '').split(',').filter(Boolean).forEach(function (id) {
            if (registry.get(id)) { canvas.addMarker(id, markers[attribute]); marked++; }
          });
        });
        container.setAttribute('data-rendered', String(marked));
      })
      .catch(function (error) {
        container.setAttribute('data-error', String(error));
      });
  });
})();
