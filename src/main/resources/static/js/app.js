// Final or destructive actions ask once: a form with data-confirm="..." asks before it submits.
// (No inline script anywhere: the Content-Security-Policy forbids it.)
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
