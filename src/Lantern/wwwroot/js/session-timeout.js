// Warns before the idle timeout and lets the person stay signed in (WCAG 2.2.1 Timing Adjustable).
// The server enforces the timeout; this only tells the person in time and extends the session on request.
(function () {
  'use strict'
  var dialog = document.getElementById('session-timeout')
  if (!dialog) return
  var secondsLeft = parseInt(dialog.getAttribute('data-seconds-left') || '0', 10)
  var extendUrl = dialog.getAttribute('data-extend-url')
  var signedOutUrl = dialog.getAttribute('data-signed-out-url')
  var left = document.getElementById('session-timeout-left')
  var token = document.getElementById('session-antiforgery')
  if (!secondsLeft || !extendUrl || typeof dialog.showModal !== 'function') return

  var warnBefore = 180
  var deadline = Date.now() + secondsLeft * 1000
  var lastFocus = null
  var ticker = null

  function describe (seconds) {
    // Never overstate the time left: whole minutes, rounded down, then seconds.
    var minutes = Math.floor(seconds / 60)
    var rest = seconds % 60
    var parts = []
    if (minutes > 0) parts.push(minutes + (minutes === 1 ? ' minute' : ' minutes'))
    if (rest > 0 || minutes === 0) parts.push(rest + (rest === 1 ? ' second' : ' seconds'))
    return parts.join(' and ')
  }

  function tick () {
    var remaining = Math.max(0, Math.round((deadline - Date.now()) / 1000))
    if (remaining === 0) {
      window.location.href = signedOutUrl
      return
    }
    if (remaining <= warnBefore && !dialog.open) {
      lastFocus = document.activeElement
      // Say it once when the dialog opens; a live countdown would talk over the person every second.
      left.textContent = describe(remaining)
      dialog.showModal()
    } else if (dialog.open && remaining % 30 === 0) {
      left.textContent = describe(remaining)
    }
  }

  function extend () {
    var form = new URLSearchParams()
    form.append('__RequestVerificationToken', token ? token.value : '')
    fetch(extendUrl, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('not extended')
        return response.json()
      })
      .then(function (data) {
        deadline = Date.now() + data.secondsLeft * 1000
        dialog.close()
        if (lastFocus && lastFocus.focus) lastFocus.focus()
      })
      .catch(function () { window.location.href = signedOutUrl })
  }

  dialog.querySelector('[data-session-extend]').addEventListener('click', extend)
  dialog.querySelector('[data-session-sign-out]').addEventListener('click', function () {
    document.querySelector('.lantern-sign-out form').submit()
  })
  dialog.addEventListener('cancel', function (event) {
    // Escape means "I'm still here", not "sign me out".
    event.preventDefault()
    extend()
  })
  ticker = window.setInterval(tick, 1000)
  tick()
})()
