/* The workspace forms, enhanced: the page works without this script.
 * - The error summary takes focus, so that a screen reader reads it first (GOV.UK's error summary).
 * - A text box with data-max-chars shows how many characters are left, or how many too many, as one types;
 *   a polite live region repeats it once typing pauses. The limit is enforced by the server, never by cutting.
 * - A form with data-warn-unsaved asks before the page is left (the 关怀版 switch, a link) with unsaved typing.
 */
(function () {
  "use strict";

  function count(text) {
    return Array.from(text).length; // characters, as the server counts them (an emoji is one)
  }

  function describe(left) {
    if (left >= 0) return "还可以输入 " + left.toLocaleString("zh-CN") + " 字";
    return "超出 " + (-left).toLocaleString("zh-CN") + " 字，请删减";
  }

  function countCharacters(box) {
    var limit = parseInt(box.getAttribute("data-max-chars"), 10);
    var shown = document.createElement("p");
    shown.className = "char-count";
    shown.id = box.id + "_count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);
    var timer = null;
    function update(announce) {
      var left = limit - count(box.value);
      shown.textContent = describe(left);
      shown.classList.toggle("char-count--over", left < 0);
      if (announce) {
        clearTimeout(timer);
        timer = setTimeout(function () { spoken.textContent = describe(left); }, 600);
      }
    }
    box.addEventListener("input", function () { update(true); });
    update(false);
  }

  function warnBeforeLeaving(form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return undefined;
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
    document.querySelectorAll("textarea[data-max-chars], input[data-max-chars]").forEach(countCharacters);
    document.querySelectorAll("form[data-warn-unsaved]").forEach(warnBeforeLeaving);
  });
})();
