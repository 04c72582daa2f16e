// Liminal Transit: the little the page needs beyond htmx. Loaded from our origin (the CSP forbids inline script).
// Screen readers hear each new stop once: focus moves to its heading (the journey is not a live region). The only
// live region is the choices form's status, which is in the page, empty, from the start: words put into it later
// are announced, where a region shown only when the request starts would be missed.

var reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

/** Smooth scrolling, unless the player asked their system for less motion. */
function scrollBehaviour() {
  return reducedMotion && reducedMotion.matches ? 'auto' : 'smooth';
}

/**
 * The status region that speaks for a request: the choices form's, for a choice and for "ask the train again" alike
 * (one live region on the page, so nothing is announced twice), or null for any other request.
 */
function statusOf(elt) {
  var form = elt && elt.closest ? elt.closest('form.choices, form.ask-again') : null;
  return form ? document.querySelector('form.choices .working') : null;
}

/** What the status says while the request is out: the form's own words (data-working), or a choice's. */
function wordsFor(elt) {
  var form = elt.closest('form');
  return (form && form.getAttribute('data-working')) || 'The train is writing the next stop…';
}

// While the next stop is written (seconds, with a real model), say so: a polite status, and the lamp. An earlier
// notice is about an earlier try: it goes.
document.addEventListener('htmx:beforeRequest', function (event) {
  var status = statusOf(event.detail.elt);
  if (status) {
    var notice = document.getElementById('notice');
    if (notice) {
      notice.textContent = '';
    }
    status.textContent = '';
    var lamp = document.createElement('span');
    lamp.className = 'lamp';
    lamp.setAttribute('aria-hidden', 'true');
    status.appendChild(lamp);
    status.appendChild(document.createTextNode(wordsFor(event.detail.elt)));
    lastSpoken = wordsFor(event.detail.elt);
  }
});

// Whatever the answer (a stop, a notice, nothing at all), the wait is over. Emptying a region is not announced.
document.addEventListener('htmx:afterRequest', function (event) {
  var status = statusOf(event.detail.elt);
  if (status) {
    status.textContent = '';
  }
});

// After htmx adds a stop, move focus to its heading so keyboard and screen-reader players continue from there.
document.addEventListener('htmx:afterSettle', function (event) {
  if (!event.target || event.target.id !== 'journey') {
    return;
  }
  // one stream status at most: the one of the newest stream (earlier ones have said their last word)
  var streams = event.target.querySelectorAll('.stream');
  for (var i = 0; i < streams.length - 1; i++) {
    var spoken = streams[i].querySelector('.stream-status');
    if (spoken) {
      spoken.remove();
    }
  }
  var stops = event.target.querySelectorAll('article.stop');
  var newest = stops[stops.length - 1];
  var heading = newest && newest.querySelector('.stop-title');
  if (heading) {
    // a stop being streamed is brought into view, but takes focus only at its commit (its heading's autofocus)
    if (!newest.classList.contains('writing')) {
      heading.focus({ preventScroll: true });
    }
    newest.scrollIntoView({ behavior: scrollBehaviour(), block: 'start' });
  }
});

// A notice htmx swapped in (a 409's ride, an error under the newest stop) took focus through its autofocus; bring it
// to the middle of the screen, so the choices just below it show too.
document.addEventListener('htmx:afterSettle', function (event) {
  var focused = document.activeElement;
  var target = event.target && event.target.id;
  if ((target === 'notice' || target === 'ride') && focused && focused.matches('.notice, .problem')) {
    focused.scrollIntoView({ behavior: scrollBehaviour(), block: 'center' });
  }
});

// A network failure (not an HTTP answer) leaves the page as it was: say so under the newest stop, where the player
// is, and move focus there (the disabled choices had let it fall to the page), so they can choose again.
document.addEventListener('htmx:sendError', function () {
  var notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = '';
    var p = document.createElement('p');
    p.className = 'notice';
    p.setAttribute('tabindex', '-1');
    p.textContent = notice.dataset.sendError
        || 'The line went quiet: your choice did not reach the train. Please choose again.';
    notice.appendChild(p);
    p.focus({ preventScroll: true });
    p.scrollIntoView({ behavior: scrollBehaviour(), block: 'center' });
  }
});

// htmx loaded a whole page in place (HX-Location after taking another door): focus the stop its address names, so
// the player goes on reading where the new branch begins.
document.addEventListener('htmx:afterSettle', function (event) {
  if (event.target !== document.body) {
    return;
  }
  var anchor = (event.detail && event.detail.pathInfo && event.detail.pathInfo.anchor) || window.location.hash.slice(1);
  // the address's fragment names the stop's heading (#stop-N); its article is what scrolls into view
  var heading = /^stop-\d+$/.test(anchor || '') ? document.getElementById(anchor) : null;
  if (heading) {
    heading.focus({ preventScroll: true });
    (heading.closest('article') || heading).scrollIntoView({ block: 'start' });
  }
});

// What a status last said. A streamed choice is announced by the choices' status as the request leaves; the stop's
// stream then says the same words when it finds the stop still being written (and again if it reconnects): a screen
// reader hears each once.
var lastSpoken = '';

document.addEventListener('htmx:sseBeforeMessage', function (event) {
  var region = event.target;
  if (!region || !region.classList || !region.classList.contains('stream-status') || !event.detail) {
    return;
  }
  var said = new DOMParser().parseFromString(String(event.detail.data), 'text/html').body.textContent.trim();
  if (said === lastSpoken) {
    event.preventDefault();
  } else {
    lastSpoken = said;
  }
});
