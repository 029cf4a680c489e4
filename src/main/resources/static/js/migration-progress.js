// Follows a migration batch: asks for its progress every second until it has finished.
(function () {
  var bar = document.getElementById('avance');
  var status = document.getElementById('estado-migracion');
  if (!bar || bar.getAttribute('data-finished') === 'true') { return; }
  function counts(p) {
    return bar.getAttribute('data-counts').replace('{0}', p.completed).replace('{1}', p.total).replace('{2}', p.failed);
  }
  function poll() {
    fetch(bar.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (p) {
        bar.max = p.total;
        bar.value = p.finished ? p.total : p.completed;
        status.textContent = p.finished ? bar.getAttribute('data-done') : counts(p);
        bar.setAttribute('data-finished', String(p.finished));
        if (!p.finished) { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
