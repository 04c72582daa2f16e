// Writers' room: send the session's CSRF token (from the page's meta, never inline script) with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  }
});
