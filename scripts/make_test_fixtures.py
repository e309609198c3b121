"""Make the small fixture files the tests use (run by hand; the outputs are committed).

tests/data/encrypted.pdf: a PDF that needs a user password, for the bad-input tests.
Needs the `samples` extra (reportlab).
"""

from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    encryption = StandardEncryption("secret-user", ownerPassword="secret-owner", strength=128)
    pdf = canvas.Canvas(str(OUT / "encrypted.pdf"), encrypt=encryption, invariant=1)
    pdf.drawString(72, 720, "Cameroun - Pays référent (encrypted test file)")
    pdf.save()


if __name__ == "__main__":
    main()
