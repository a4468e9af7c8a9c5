// Saves the step being typed to the person's draft on the server a few seconds after they stop
// typing, so a lost connection loses almost nothing. Nothing is kept in the browser. Without
// JavaScript the step is saved when the person presses Continue.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }

  var url = form.getAttribute('data-autosave');
  var timer = null;
  var sending = false;

  function save() {
    if (sending) {
      schedule();
      return;
    }

    sending = true;
    fetch(url, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .catch(function () { /* The Continue button saves it anyway and says so if it cannot. */ })
      .then(function () { sending = false; });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 3000);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', function () { window.clearTimeout(timer); });
})();
