// The board's clock: time since activation, ticking every second, red past the requirement.
// Elements: <span class="clock" data-since="ISO time" data-limit-minutes="15">.
(function () {
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    document.querySelectorAll(".clock[data-since]").forEach(function (el) {
      var since = Date.parse(el.dataset.since);
      if (isNaN(since)) { return; }
      var seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
      var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
      el.textContent = (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
      var limit = Number(el.dataset.limitMinutes) * 60;
      el.classList.toggle("overdue", limit > 0 && seconds > limit && el.dataset.open === "true");
    });
  }
  tick();
  setInterval(tick, 1000);
})();
