"""One page showing every screenshot the browser tests left, a row per page or state, a column per variant."""

import html
from datetime import datetime
from pathlib import Path

# The variants `screenshot()` takes, in the order a reader compares them.
VARIANTS = ("390-normal", "390-care", "1366-normal", "1366-care")
VARIANT_LABELS = {
    "390-normal": "390 px",
    "390-care": "390 px 关怀版",
    "1366-normal": "1366 px",
    "1366-care": "1366 px 关怀版",
}


def _rows(directory: Path) -> dict[str, dict[str, Path]]:
    rows: dict[str, dict[str, Path]] = {}
    for path in sorted(directory.glob("*.png")):
        name, _, variant = path.stem.rpartition("--")
        if name and variant in VARIANTS:  # a file of another shape is not one of `screenshot()`'s
            rows.setdefault(name, {})[variant] = path
    return rows


def _cell(path: Path | None) -> str:
    if path is None:
        return "<td>—</td>"
    src = html.escape(path.name)
    return f'<td><a href="{src}"><img src="{src}" alt="" loading="lazy"></a></td>'


def write_contact_sheet(directory: Path) -> Path:
    """Write index.html into the screenshots' directory and return its path."""
    rows = _rows(directory)
    header = "".join(f"<th scope='col'>{VARIANT_LABELS[variant]}</th>" for variant in VARIANTS)
    body = "\n".join(
        f"<tr><th scope='row'>{html.escape(name)}<br><small>{_taken(variants)}</small></th>"
        + "".join(_cell(variants.get(variant)) for variant in VARIANTS)
        + "</tr>"
        for name, variants in rows.items()
    )
    page = f"""<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>浏览器测试截图（{len(rows)} 个页面或状态）</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: 0.4rem; vertical-align: top; text-align: left; }}
img {{ width: 220px; max-height: 480px; object-fit: cover; object-position: top; display: block; }}
</style></head>
<body>
<h1>浏览器测试截图</h1>
<p>每行一个页面或状态；每列一种宽度和模式。点击图片看全尺寸。</p>
<table><thead><tr><th scope="col">页面或状态</th>{header}</tr></thead>
<tbody>
{body}
</tbody></table>
</body></html>
"""
    index = directory / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def _taken(variants: dict[str, Path]) -> str:
    newest = max(path.stat().st_mtime for path in variants.values())
    return datetime.fromtimestamp(newest).strftime("%Y-%m-%d %H:%M")
