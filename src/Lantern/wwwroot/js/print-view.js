// The print view's "Print this page" button needs script, so it is shown only where script runs;
// without it the page says how to print with the browser's own command.
(function () {
  var button = document.querySelector('[data-print-page]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  }
})();
