// Liminal Transit: the little the page needs beyond htmx. Loaded from our origin (the CSP forbids inline script).
// After htmx adds a stop, move focus to its heading so keyboard and screen-reader players continue from there.
document.addEventListener('htmx:afterSettle', function (event) {
  if (!event.target || event.target.id !== 'journey') {
    return;
  }
  var stops = event.target.querySelectorAll('article.stop');
  var newest = stops[stops.length - 1];
  var heading = newest && newest.querySelector('.stop-title');
  if (heading) {
    heading.focus({ preventScroll: true });
    newest.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
});

// A network failure (not an HTTP answer) leaves the page as it was: say so, and let the player try again.
document.addEventListener('htmx:sendError', function () {
  var notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = '';
    var p = document.createElement('p');
    p.className = 'notice';
    p.setAttribute('role', 'alert');
    p.textContent = 'The line went quiet: your choice did not reach the train. Please choose again.';
    notice.appendChild(p);
  }
});

// htmx loaded a whole page in place (HX-Location after taking another door): focus the stop its address names, so
// the player goes on reading where the new branch begins.
document.addEventListener('htmx:afterSettle', function (event) {
  if (event.target !== document.body) {
    return;
  }
  var anchor = (event.detail && event.detail.pathInfo && event.detail.pathInfo.anchor) || window.location.hash.slice(1);
  var stop = /^stop-\d+$/.test(anchor || '') ? document.getElementById(anchor) : null;
  var heading = stop && stop.querySelector('.stop-title');
  if (heading) {
    heading.focus({ preventScroll: true });
    stop.scrollIntoView({ block: 'start' });
  }
});
