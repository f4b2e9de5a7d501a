// The dashboard's daily trend as a chart (Chart.js from a WebJar). The numbers come from a JSON
// block in the page, which also shows them as a table for screen readers; no inline script (CSP).
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
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSwap', draw);
})();
