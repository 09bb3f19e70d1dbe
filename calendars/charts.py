"""Small charts drawn on the server as SVG: one horizontal bar per measure, split into its categories. Positions
are computed here so that a template only places them; no script, no chart library, nothing from a CDN."""

from dataclasses import dataclass

WIDTH, BAR_HEIGHT, LEGEND_ROW = 320, 24, 20
COLOURS = {
    "good": "#0f6b3a",
    "late": "#b8860b",
    "bad": "#a50e0e",
    "pending": "#8fb8a0",
    "none": "#c8cdd2",
}


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    x: int
    width: int
    colour: str
    legend_y: int


@dataclass(frozen=True)
class BarChart:
    title: str
    total: int
    segments: list
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return self.bar_height + 8 + LEGEND_ROW * len(self.segments)

    @property
    def description(self) -> str:
        return "；".join(f"{segment.label} {segment.count}" for segment in self.segments) + f"（共 {self.total}）"


def bar_chart(title: str, parts: list[tuple[str, int, str]]) -> BarChart:
    """A bar of `parts` (label, count, tone), each as wide as its share; the last takes what rounding leaves."""
    total = sum(count for _label, count, _tone in parts)
    segments, x = [], 0
    for index, (label, count, tone) in enumerate(parts):
        width = round(WIDTH * count / total) if total else 0
        if index == len(parts) - 1 and total:
            width = WIDTH - x
        segments.append(
            Segment(label, count, x, width, COLOURS[tone], legend_y=BAR_HEIGHT + 8 + LEGEND_ROW * index + 12)
        )
        x += width
    return BarChart(title=title, total=total, segments=segments)
