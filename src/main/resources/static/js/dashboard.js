// The dashboard's daily trend as a chart (Chart.js from a WebJar). The numbers come from a JSON
// block in the page, which also shows them as a table for screen readers; no inline script (CSP).
// Also: the period choice follows the dates (a date typed means "from–to"; a named period clears the dates).
(function () {
  var chart = null;
  function draw() {
    var data = document.getElementById('trend-data');
    var canvas = document.getElementById('trend-chart');
    if (!data || !canvas || typeof Chart === 'undefined') {
      return;
    }
    var days = JSON.parse(data.textContent);
    if (chart) {
      chart.destroy();
    }
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: days.map(function (d) { return d.label; }),
        datasets: [
          { label: canvas.dataset.filed, data: days.map(function (d) { return d.filed; }), backgroundColor: '#0b4f6c' },
          { label: canvas.dataset.ontime, data: days.map(function (d) { return d.onTime; }), backgroundColor: '#198754' },
          { label: canvas.dataset.breached, data: days.map(function (d) { return d.breached; }), backgroundColor: '#b02a37' }
        ]
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } },
        locale: 'id-ID' }
    });
  }
  document.addEventListener('change', function (event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.classList.contains('filters')) {
      return;
    }
    var period = form.querySelector('#period');
    if (field.type === 'date' && field.value && period) {
      period.value = 'custom';
    }
    if (field === period && period.value !== 'custom') {
      form.querySelectorAll('input[type=date]').forEach(function (date) { date.value = ''; });
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    draw();
  });
  document.addEventListener('htmx:afterSettle', draw);
})();
