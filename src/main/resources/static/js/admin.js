// Writers' room: send the session's CSRF token (from the page's meta, never inline script) only with htmx requests
// that our own markup starts: the element that sends the request must carry data-csrf, and must not sit inside an
// hx-disable container (where writer or model text is shown). Any other element that htmx might act on (markup that
// slipped into writer text, say) gets no token, so its request is refused. Forms also carry the token as a field.
document.addEventListener('htmx:configRequest', function (event) {
  var elt = event.detail.elt;
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta || !elt || !elt.hasAttribute || !elt.hasAttribute('data-csrf')) {
    return;
  }
  if (elt.closest('[hx-disable], [data-hx-disable]')) {
    return;
  }
  event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
});
