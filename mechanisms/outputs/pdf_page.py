"""The handout's page: fonts, margins, footer, and the few kinds of block it is written in.

fpdf2 with a Unicode TrueType font (DejaVu Sans, Debian's fonts-dejavu-core), so names such as
Fernández-de-las-Peñas and words such as β-endorphin print. Text is black on white, emphasis is
bold and boxes are outlined, so it reads the same printed in black and white. Author text is
written as plain text (fpdf2's `write`/`multi_cell` without markdown): it is never parsed as markup.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fpdf import FPDF

from ..present.catalogue import Words
from .errors import ExportError

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
PAPERS = {"a4": "A4", "letter": "Letter"}


def font_dir() -> Path:
    """The folder holding DejaVu Sans, or an ExportError naming the package to install."""
    for folder in FONT_DIRS:
        if all((folder / name).exists() for name in FONT_FILES.values()):
            return folder
    raise ExportError("the PDF needs the DejaVu Sans font (Debian: apt-get install fonts-dejavu-core)")


class HandoutPage(FPDF):
    """An A4 or Letter document with the handout's fonts, footer and blocks (heading, paragraph, note, link)."""

    def __init__(self, paper: str, title: str, words: Words):
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.words = words
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.running_title = title if len(title) <= 70 else title[:69] + "…"
        # A random page-count alias: author text can never contain it by chance and be rewritten.
        self.pages_alias = "{nb-" + secrets.token_hex(6) + "}"
        self.alias_nb_pages(self.pages_alias)
        fonts = font_dir()
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(fonts / name))
        self.set_title(title)
        self.set_lang(words.language_code)
        self.set_creator("mechanisms explainer")
        self.set_text_color(0)
        self.set_draw_color(0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        # Left-aligned: the alias is wider than the number that replaces it, so centring would drift.
        self.cell(0, 6, self.words.page_footer(self.running_title, self.page_no(), self.pages_alias), align="L")

    def room_for(self, height: float) -> None:
        """Start a new page unless `height` mm fit: a heading never sits alone at a page's foot."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, size: float = 14, space_before: float = 2) -> None:
        self.room_for(space_before + size * 0.5 + 14)
        self.ln(space_before)
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def para(self, text: str, size: float = 10.5, lead: str | None = None, after: float = 2.2) -> None:
        """A paragraph; `lead` is a bold opening ('Not yet known:'). Both are plain text."""
        height = size * 0.5
        self.set_x(self.l_margin)
        if lead:
            self.set_font("DejaVu", "B", size)
            self.write(height, lead + " ")
        self.set_font("DejaVu", "", size)
        self.write(height, text)
        self.ln(height + after)

    def text_height(self, text: str, size: float, indent: float = 0) -> float:
        """How tall `para` writes this text (lines wrapped as fpdf2 wraps them), to keep it with what follows."""
        self.set_font("DejaVu", "", size)
        lines = self.multi_cell(self.epw - indent, size * 0.5, text, dry_run=True, output="LINES")
        return len(lines) * size * 0.5

    def aside(self, text: str, size: float = 8.5, indent: float = 4) -> None:
        """A smaller paragraph set in under the one before it (a fact's sources), so the eye can skip it."""
        self.set_left_margin(self.l_margin + indent)
        self.para(text, size, after=1.8)
        self.set_left_margin(self.l_margin - indent)

    def note(self, text: str, lead: str) -> None:
        """A paragraph in an outlined box (an outline, not a fill: it prints in black and white)."""
        self.room_for(20)
        y = self.get_y()
        self.set_left_margin(self.l_margin + 3)
        self.set_right_margin(self.r_margin + 3)
        self.ln(2.5)
        self.para(text, 10, lead=lead, after=1.5)
        self.set_left_margin(self.l_margin - 3)
        self.set_right_margin(self.r_margin - 3)
        self.set_line_width(0.4)
        self.rect(self.l_margin, y, self.epw, self.get_y() - y + 1)
        self.set_y(self.get_y() + 4)

    def boxed_list(self, heading: str, lines: list[tuple[str, str, bool]], size: float = 11) -> None:
        """A heading and its lines (mark, text, bold) in a thick outlined box: what must not be missed (key points)."""
        height = sum(self.text_height(f"{mark} {text}", size, 8) + 2 for mark, text, _ in lines) + size * 0.5 + 12
        self.room_for(height)
        y = self.get_y()
        self.set_left_margin(self.l_margin + 4)
        self.set_right_margin(self.r_margin + 4)
        self.ln(3)
        self.set_font("DejaVu", "B", size + 2)
        self.cell(0, (size + 2) * 0.5, heading, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        for mark, text, bold in lines:
            self.set_x(self.l_margin)
            self.set_font("DejaVu", "B", size)
            self.cell(6, size * 0.5, mark)
            self.set_font("DejaVu", "B" if bold else "", size)
            self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)
        self.set_left_margin(self.l_margin - 4)
        self.set_right_margin(self.r_margin - 4)
        self.set_line_width(0.8)
        self.rect(self.l_margin, y, self.epw, self.get_y() - y + 1)
        self.set_line_width(0.2)
        self.set_y(self.get_y() + 5)

    def link_line(self, label: str, url: str, size: float = 9) -> None:
        """A printed address that is also clickable on screen."""
        self.set_font("DejaVu", "B", size)
        self.write(size * 0.5, label + " ")
        self.set_font("DejaVu", "", size)
        self.write(size * 0.5, url, link=url)
