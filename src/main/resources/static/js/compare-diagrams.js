// Two versions of a model side by side (bpmn-js viewer, vendored), with what was added, removed and changed marked.
(function () {
  if (!window.BpmnJS) { return; }
  ['diagrama-antes', 'diagrama-despues'].forEach(function (id) {
    var container = document.getElementById(id);
    if (!container) { return; }
    var viewer = new window.BpmnJS({ container: container });
    function ids(name) { return (container.getAttribute(name) || '').split(',').filter(Boolean); }
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
        [['data-added', 'diff-added'], ['data-removed', 'diff-removed'], ['data-changed', 'diff-changed']].forEach(function (kind) {
          ids(kind[0]).forEach(function (element) {
            if (registry.get(element)) { canvas.addMarker(element, kind[1]); marked++; }
          });
        });
        container.setAttribute('data-rendered', String(marked));
      })
      .catch(function (error) { container.setAttribute('data-error', String(error)); });
  });
})();
