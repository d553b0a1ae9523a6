// Ridgeline's report: a tip for every chart element that carries a <title>, and legends that hide series.
(function () {
  var tip = document.createElement('div');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  document.body.appendChild(tip);
  document.addEventListener('mouseover', function (e) {
    var el = e.target.closest ? e.target.closest('svg .tip') : null;
    if (!el) { tip.style.display = 'none'; return; }
    var title = el.querySelector('title');
    tip.textContent = title ? title.textContent : '';
    tip.style.display = 'block';
    var r = el.getBoundingClientRect();
    var left = window.scrollX + r.right + 10;
    if (r.right + 10 + tip.offsetWidth > document.documentElement.clientWidth) {
      left = Math.max(0, window.scrollX + r.left - 10 - tip.offsetWidth);
    }
    tip.style.left = left + 'px';
    tip.style.top = (window.scrollY + r.top) + 'px';
  });
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('.legend button') : null;
    if (!b) { return; }
    var shown = b.getAttribute('aria-pressed') !== 'false';
    b.setAttribute('aria-pressed', shown ? 'false' : 'true');
    b.closest('.chart').querySelectorAll('g[data-series="' + b.dataset.series + '"]').forEach(function (g) {
      g.style.display = shown ? 'none' : '';
    });
  });
})();
