// Final or destructive actions ask once: a form with data-confirm="..." asks before it submits.
// (No inline script anywhere: the Content-Security-Policy forbids it.)
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Filters folded behind "Saring" (details.filters-fold, which works without script): open on wide
// screens, folded on phones (also when the screen turns); a fold the server rendered open (a
// refused filter with its messages, or filters in use) stays open.
document.addEventListener('DOMContentLoaded', function () {
  var wide = window.matchMedia('(min-width: 768px)');
  document.querySelectorAll('details.filters-fold').forEach(function (fold) {
    var keepOpen = fold.open;
    fold.open = keepOpen || wide.matches;
    wide.addEventListener('change', function (event) {
      fold.open = keepOpen || event.matches;
    });
  });
});

// The case page right after a filing names the filing form's draft (data-draft-filed): the case is
// filed, so what the browser kept of the form is forgotten (see filing.js).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-draft-filed]').forEach(function (el) {
    try {
      window.localStorage.removeItem(el.getAttribute('data-draft-filed'));
    } catch (e) {
      // storage switched off: there was no draft
    }
  });
});
