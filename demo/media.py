"""Pictures and PDF files for the demo content, generated here (small, never downloaded)."""

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw


def make_image_file(colour, seed, size=(1200, 800)):
    """A small abstract picture: a two-tone field with a few soft shapes (about 20-40 kB)."""
    rng = random.Random(seed)
    base = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(base)
    r, g, b = base.getpixel((0, 0))
    for _ in range(7):
        shade = tuple(min(255, max(0, c + rng.randint(-60, 60))) for c in (r, g, b))
        x, y = rng.randint(-200, size[0]), rng.randint(-200, size[1])
        radius = rng.randint(120, 420)
        draw.ellipse((x, y, x + radius, y + radius), fill=shade)
    draw.rectangle((0, size[1] * 3 // 4, size[0], size[1]), fill=tuple(max(0, c - 40) for c in (r, g, b)))
    out = io.BytesIO()
    base.save(out, "JPEG", quality=60, optimize=True, progressive=True)
    return out.getvalue()


def _pdf_text(text):
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, lines, pages=1):
    """A minimal, valid PDF (text only, Helvetica, WinAnsi) of a few pages."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * pages  # reserved below, after the page objects
    page_ids = []
    for number in range(1, pages + 1):
        content_lines = [f"BT /F1 20 Tf 72 760 Td ({_pdf_text(title)}) Tj ET"]
        y = 720
        for line in lines:
            content_lines.append(f"BT /F1 11 Tf 72 {y} Td ({_pdf_text(line)}) Tj ET")
            y -= 16
        content_lines.append(f"BT /F1 9 Tf 72 40 Td ({number} / {pages}) Tj ET")
        stream = "\n".join(content_lines).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    kids = " ".join(f"{pid} 0 R" for pid in page_ids).encode()
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()
