// Buttons marked data-print open the browser's print dialog (no inline handlers: the pages' policy runs only files).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
