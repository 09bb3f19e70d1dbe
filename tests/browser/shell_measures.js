// Measures the browser tests read from the page (tests/browser/test_site_shell.py); plain functions on window.
window.portalMeasures = {
  luminance(rgb) {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  },
  rgb(color) {
    const parts = color.match(/[\d.]+/g).map(Number);
    return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
  },
  contrast(a, b) {
    const [light, dark] = [this.luminance(a), this.luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  },
  // The opaque background painted at (x, y) under everything that belongs to `element`.
  backdrop(element, x, y) {
    for (const under of document.elementsFromPoint(x, y)) {
      if (element.contains(under)) continue;
      const background = this.rgb(getComputedStyle(under).backgroundColor);
      if (background.alpha > 0.5) return background.rgb;
    }
    return [255, 255, 255];
  },
  // The focus outline of `element` against the background on each of its four sides.
  focusOutline(element) {
    element.scrollIntoView({ block: "center" });
    element.focus();
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth);
    const reach = parseFloat(style.outlineOffset) + width / 2;
    const box = element.getBoundingClientRect();
    const points = [
      [box.left - reach, box.top + box.height / 2], [box.right + reach, box.top + box.height / 2],
      [box.left + box.width / 2, box.top - reach], [box.left + box.width / 2, box.bottom + reach],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const outline = this.rgb(style.outlineColor).rgb;
    const ratios = points.map(([x, y]) => this.contrast(outline, this.backdrop(element, x, y)));
    return {
      label: (element.textContent.trim() || element.getAttribute("aria-label") || element.name || element.tagName).slice(0, 30),
      style: style.outlineStyle, width, color: style.outlineColor, contrast: Math.min(...ratios),
    };
  },
  focusables() {
    return [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
      .filter((element) => element.getClientRects().length || element.classList.contains("skip-link"));
  },
};
