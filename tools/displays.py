"""Write the notebook displays the tests hold the module to (tests/displays/NAME.html), and a
page per display for looking at them as people will: light and dark, as Jupyter shows them.

    python tools/displays.py [REVIEW_FOLDER]

Look at every page (rendered, for instance by headless Chromium) before committing the files:
tests/test_display.py compares each display with its file.
"""

import sys
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_display import APPROVED, DISPLAYS  # noqa: E402

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{name} ({theme})</title></head>
<body style="background: {background}; color: {text}; font-family: sans-serif; margin: 16px;">
{display}
</body></html>
"""
THEMES = {"light": ("#ffffff", "#1f2328"), "dark": ("#111111", "#e6e6e6")}


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    review = Path(args[0]) if args else None
    APPROVED.mkdir(exist_ok=True)
    for name, show in sorted(DISPLAYS.items()):
        display = show()
        (APPROVED / f"{name}.html").write_text(display + "\n", encoding="utf-8")
        if review is not None:
            review.mkdir(parents=True, exist_ok=True)
            for theme, (background, text) in THEMES.items():
                page = PAGE.format(name=name, theme=theme, background=background, text=text, display=display)
                (review / f"{name}-{theme}.html").write_text(page, encoding="utf-8")
    print(f"wrote {len(DISPLAYS)} displays to {APPROVED}" + (f" and review pages to {review}" if review else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
