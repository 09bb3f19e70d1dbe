// For print: write each link's absolute address beside it (print.css shows data-print-href) and the
// day the page is printed into the print header. The page works without this file.
(function () {
  function prepare() {
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (/^(https?|mailto|tel):/.test(link.href)) link.setAttribute("data-print-href", link.href.replace(/^(mailto|tel):/, ""));
    });
    var day = document.querySelector("[data-print-date]");
    if (day) {
      var now = new Date();
      var pad = function (n) { return String(n).padStart(2, "0"); };
      var text = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      day.textContent = text;
      day.setAttribute("datetime", text);
    }
    var address = document.querySelector("[data-print-address]");
    if (address) address.textContent = window.location.href;
  }
  window.addEventListener("beforeprint", prepare);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
