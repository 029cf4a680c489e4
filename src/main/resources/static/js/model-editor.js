// The advisor's editor: bpmn-js modeler with the Camunda properties panel (vendored bundle). Loads the draft, saves
// it back as XML and lists the problems Tramita's model rules find in what was saved.
(function () {
  var config = document.getElementById('editor-config');
  var canvas = document.getElementById('lienzo');
  if (!config || !canvas || !window.TramitaModeler) { return; }
  // Spanish pages give the editor its Spanish texts (bpmn-es.js); English pages leave bpmn-js's own
  var modeler = window.TramitaModeler(canvas, document.getElementById('propiedades'), window.TramitaBpmnEs);
  var save = document.getElementById('guardar');
  var status = document.getElementById('estado-editor');
  var list = document.getElementById('problemas-editor');

  fetch(config.getAttribute('data-bpmn'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return modeler.importXML(xml); })
    .then(function () {
      // fit, then leave the palette's strip on the left free
      var view = modeler.get('canvas');
      view.zoom('fit-viewport');
      view.zoom(view.zoom() * 0.85);
      view.scroll({ dx: 110, dy: 10 });
      save.disabled = false;
      canvas.setAttribute('data-rendered', String(modeler.get('elementRegistry').getAll().length));
    })
    .catch(function (error) { canvas.setAttribute('data-error', String(error)); });

  save.addEventListener('click', function () {
    save.disabled = true;
    modeler.saveXML({ format: true })
      .then(function (result) {
        var headers = { 'Content-Type': 'application/xml', 'Accept': 'application/json' };
        headers[config.getAttribute('data-csrf-header')] = config.getAttribute('data-csrf');
        return fetch(config.getAttribute('data-save'), { method: 'POST', credentials: 'same-origin', headers: headers, body: result.xml });
      })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        list.innerHTML = '';
        if (!answer.guardado) {
          status.textContent = config.getAttribute('data-failed') + ' ' + answer.mensaje;
          return;
        }
        (answer.problemas || []).forEach(function (problem) {
          var item = document.createElement('li');
          item.textContent = problem.mensaje;
          item.setAttribute('data-element', problem.elemento);
          list.appendChild(item);
        });
        status.textContent = config.getAttribute(answer.problemas.length ? 'data-saved-problems' : 'data-saved');
        status.setAttribute('data-saved-at', String(Date.now()));
      })
      .catch(function (error) { status.textContent = config.getAttribute('data-failed') + ' ' + error; })
      .then(function () { save.disabled = false; });
  });
})();
