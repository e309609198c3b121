"""PDF file -> pages of glyphs (font, size, baseline, bbox) and drawn rectangles and rules.

The pdfplumber reader (``read_pages``). Every failure to read a file is turned into a
``DocumentError`` whose message a person can act on. Coordinates are converted here, once, to
pdfplumber's top-left origin (``top = page_height - y1``).

What follows a reader's work is the same for every reader: a page's objects, as pdfplumber's
dicts (``PageObjects``), become a ``Page`` in ``page_of`` (glyphs kept once, shapes sorted,
tables found), and the pages a ``PdfRead`` in ``assemble`` (bold fonts, warnings). The PDFium
reader (``pdfium_pages.py``) hands its pages over to them too.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import statistics
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import (
    DATA_LOST, DATA_LOST_ELSEWHERE, DATA_LOST_PAGE, DATA_LOST_PAGES, NO_PAGE_READ, PAGE_SIZE_ASSUMED,
    PAGES_NOT_READ, PDFIUM_READS_TEXT, ROTATED_TEXT_ONLY, DocumentError, one_line, page_list,
)
from ..model import RULE_THICKNESS, BBox, Char, Page, PdfRead, Reader, Table

# Rectangles smaller than this in both directions are decoration (dots, ticks), not boxes.
MIN_BOX_SIZE = 6.0
# A box may run this far (points) past the page's edge (a background printed to the bleed);
# a shape running further is a drawing cut by the page, not a box of the layout.
BLEED = 20.0
# Glyphs of the same text closer than this (points) are one glyph drawn twice.
DUPLICATE_TOLERANCE = 1.0
# A filled shape at most this size (points) is a mark (a drawn bullet), not a box.
MAX_MARK_SIZE = 8.0
# Font sizes are kept to this many decimals: producers write 9.96 for 10 and the like.
SIZE_DECIMALS = 2
# Distinct glyph texts whose filtering is remembered (a document has a few hundred).
GLYPH_TEXTS_CACHED = 4096
# pdfminer writes a glyph it cannot map to Unicode as "(cid:N)": it has no text.
_UNMAPPED = re.compile(r"\(cid:\d+\)")
SOFT_HYPHEN = "\u00ad"
# The places in a PDF matrix (a, b, c, d, e, f) of the shear (c) and of the x and y
# translations (e, f).
_MATRIX_SHEAR, _MATRIX_X, _MATRIX_Y = 2, 4, 5
# How much of a file's start is searched for the %PDF header (bytes), as PDF readers do.
HEADER_SEARCH_BYTES = 1024
# A font whose letters are at least this many times as wide as the same letters of the body
# font is its bold (bold faces run 4-25 % wider; italics and mediums 0-3 %), judged over at
# least this many letters the two share.
HEAVIER_RATIO = 1.03
MIN_COMPARED_LETTERS = 5
# A ruled grid is a table of data when at least this many of its rows, and this share of the
# rows holding text, hold text in two cells or more ...
MIN_TABLE_ROWS = 3
TABLE_ROW_SHARE = 0.6
# ... and at least this share of its rows with text are parted from the next by drawn edges
# covering this share of its width, found within EDGE_TOLERANCE points of the rows' bounds.
RULED_ROW_SHARE = 0.8
RULE_COVER_SHARE = 0.9
EDGE_TOLERANCE = 1.5
# The longest library message quoted in an error (characters).
MAX_DETAIL_CHARS = 160

# --- what a failure means, for a person --------------------------------------------------------
# pdfminer logs under this logger (its modules' loggers are its children).
PDFMINER_LOGGER = "pdfminer"
# pdfminer's log messages that mean data was lost (and not just an oddity worked around).
DATA_LOSS_MESSAGES = (
    re.compile(r"Data-loss while decompressing"),
)
# Why a page could not be read: the first row one of the frames the exception passed through
# is named in (a module, or module.function) gives the phrase.
PAGE_LOOPS = "its content refers to itself in a loop"
PAGE_UNSUPPORTED_FILTER = "its content is compressed in a way pdfminer cannot decode"
PAGE_INTERNAL = "factextract failed on it (an internal error: please report it with the file)"
PAGE_DAMAGED = "it is damaged"
DECODER_MODULES = ("base64", "zlib", "pdfminer.ascii85", "pdfminer.lzw", "pdfminer.runlength",
                   "pdfminer.ccitt", "pdfminer.pdftypes.decode", "pdfminer.pdftypes.get_data",
                   "pdfminer.pdftypes.decompress_corrupted")
PAGE_REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("pdfminer.pdffont", "pdfminer.cmapdb", "pdfminer.encodingdb", "pdfminer.pdfinterp.get_font"),
     "one of its fonts is broken"),
    (("pdfminer.image", "pdfminer.pdfinterp.do_Do", "pdfminer.pdfinterp.do_EI"),
     "one of its images or embedded drawings is broken"),
    (DECODER_MODULES, "its content stream is corrupt"),
    (("pdfplumber.page._normalize_box", "pdfplumber.page._invert_box"),
     "its page boxes (MediaBox, CropBox ...) are malformed"),
    (("pdfminer.pdfpage", "pdfplumber.page.__init__"), "its page dictionary is malformed"),
    (("pdfminer.pdfinterp", "pdfminer.pdfdevice", "pdfminer.converter", "pdfminer.layout"),
     "its content stream is malformed"),
)
# What part of a PDF's structure pdfminer could not read, by the same rule.
_SECURITY_FUNCTIONS = tuple(f"pdfminer.pdfdocument.{name}" for name in (
    "_initialize_password", "init_params", "init_key", "authenticate", "authenticate_user_password",
    "authenticate_owner_password", "verify_encryption_key", "compute_u", "compute_encryption_key"))
STRUCTURE_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (DECODER_MODULES, "a compressed stream holding its objects is corrupt"),
    (("pdfminer.pdfpage",), "its page tree cannot be read"),
    (("pdfminer.psparser", "pdfminer.pdfparser"), "one of its objects cannot be parsed"),
    (("pdfminer.pdfdocument",), "its cross-reference table or catalog cannot be read"),
)
CUT_SHORT = "the file ends in the middle of an object: it was probably cut short, e.g. by an interrupted download"
REPAIR = "repair it (e.g. with qpdf) or re-export it, and run again"
# What a file a reader cannot open is, whichever reader ({reader}: "pdfminer", "PDFium").
ATTACHMENTS_ENCRYPTED_FOR = ("only the PDF's attachments are encrypted, with a password (its pages are not), but "
                             "{reader} cannot open a file encrypted this way; save a copy without the attachments, "
                             "or decrypt it with their password (e.g. qpdf --password=... --decrypt), and run again")
ATTACHMENTS_ENCRYPTED = ATTACHMENTS_ENCRYPTED_FOR.format(reader="pdfminer")
NEEDS_PASSWORD = "encrypted PDF: it needs a password to open; decrypt it (e.g. qpdf --decrypt) and run again"
ENCRYPTION_UNREADABLE = ("encrypted PDF with an encryption {reader} cannot read ({what}); decrypt it "
                         "(e.g. qpdf --decrypt) and run again")
UNKNOWN_ENCRYPTION = "unknown kind"
UNREADABLE = "unreadable PDF: {reader} cannot make sense of it, it may be damaged; " + REPAIR + "{said}"
# The most bytes a compressed stream of nothing takes (zlib: 2 of header, a few of empty
# block, 4 of checksum): a longer one that decompresses to nothing was corrupt.
EMPTY_DEFLATE_MAX_BYTES = 32
# Text glyphs left out for being rotated are counted under this key.
_ROTATED = "rotated"
# A /MediaBox is four numbers.
_BOX_NUMBERS = 4
# A library message that quotes PDF objects ("[/'Water', 32, 0, <PDFObjRef:33>]") is cut
# before them.
_OBJECT_DUMP = re.compile(r"/'|<PDF|\{'|b'|\[")


def read_pages(path: Path, *, max_pages: int | None = None) -> PdfRead:
    """Read each page's glyphs and drawn shapes, page by page (the first ``max_pages`` only, if
    given); return them with the true page count, the pages that could not be read and why,
    and warnings (pages left unread, data pdfminer lost while decompressing, text PDFium sees
    where pdfminer sees none).

    A page whose reading fails is recorded in ``lost_pages`` and the others are read. Raises
    ``DocumentError`` for an empty file, a file that is not a PDF, an encrypted PDF without an
    empty password, a PDF whose structure pdfminer cannot parse (no page tree), or one whose
    pages all fail.
    """
    _check_is_pdf(path)
    import pdfplumber
    from pdfminer.pdfpage import PDFPage

    widths = _FontWidths()
    dropped: Counter[str] = Counter()
    pages: list[Page] = []
    lost: list[tuple[int, str]] = []
    unsized: list[int] = []
    failure: Exception | None = None  # the first page's failure, raised if every page failed in factextract
    with _PdfminerLog.listening() as heard:
        try:
            # The file is opened here, not by pdfplumber: its close() makes a page object of
            # every page, and fails on the page this loop has recorded as lost.
            with path.open("rb") as fh:
                pdf = pdfplumber.open(fh)
                page_count = 0
                doctop = 0.0
                # The page tree is walked whole (pdfminer's objects only: cheap), so that the
                # count is true whatever the limit.
                for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
                    page_count = number
                    if max_pages is not None and number > max_pages:
                        continue
                    heard.page = number
                    try:
                        if _give_default_size(page_obj):
                            unsized.append(number)
                        page = pdfplumber.page.Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
                        doctop += float(page.height)
                        try:
                            pages.append(_read_page(page, number, widths, dropped))
                            if _content_emptied(page_obj):
                                heard.lost_on.add(number)
                        finally:
                            page.close()  # its cached layout objects are not needed any more
                    except MemoryError:
                        raise  # the batch runner knows the memory limit and says so
                    except Exception as exc:  # one bad page must not cost the others
                        lost.append((number, _page_reason(_unwrap(exc))))
                        failure = failure or exc
                    finally:
                        heard.page = None
                pdf.flush_cache()
        except (DocumentError, MemoryError):
            raise
        except Exception as exc:  # pdfminer raises plain TypeError/KeyError/... on broken files
            raise DocumentError(str(path), _explain(_unwrap(exc), path)) from exc
    return assemble(path, _Reading(pages, page_count, lost, failure, widths, dropped, unsized), max_pages,
                    heard=heard, reader="pdfplumber")


@dataclasses.dataclass
class _Reading:
    """What a reader gathered page by page, before ``assemble`` makes a ``PdfRead`` of it:
    the pages read, the true page count, the pages lost and why, the first page's failure
    (raised if every page failed in factextract), the fonts' letter widths, the glyphs left
    out (``_ROTATED``), and the pages read as US Letter for want of a size."""

    pages: list[Page]
    page_count: int
    lost: list[tuple[int, str]]
    failure: Exception | None
    widths: _FontWidths
    dropped: Counter[str]
    unsized: list[int]


def assemble(path: Path, reading: _Reading, max_pages: int | None, *, heard: _Heard | None = None,
             reader: Reader = "pdfplumber") -> PdfRead:
    """The ``PdfRead`` of a reading, whichever reader made it: its bold fonts set on every
    page, and its warnings (pages left unread, pages read as US Letter, data pdfminer lost
    (``heard``), text all rotated; for the pdfplumber reader, text PDFium sees where pdfminer
    sees none). Raises ``DocumentError`` when no page could be read."""
    pages, lost, dropped = reading.pages, reading.lost, reading.dropped
    if lost and not pages:
        failure = reading.failure
        if failure is not None and all(reason == PAGE_INTERNAL for _, reason in lost):
            raise failure  # a bug of factextract's, not a fault of the file: reported as such
        raise DocumentError(str(path), _no_page_read(lost, reading.page_count))
    heavy = reading.widths.heavier_than_body()
    if heavy:
        pages = [dataclasses.replace(p, heavy_fonts=heavy) for p in pages]
    warnings = []
    if max_pages is not None and reading.page_count > max_pages:
        warnings.append(PAGES_NOT_READ.format(pages=page_list(range(max_pages + 1, reading.page_count + 1)),
                                              limit=max_pages))
    read = {p.number for p in pages}
    if unsized := [n for n in reading.unsized if n in read]:
        warnings.append(PAGE_SIZE_ASSUMED.format(pages=page_list(unsized), have="has" if len(unsized) == 1 else "have"))
    if heard is not None:
        warnings += heard.data_lost(read)
    if pages and not any(c.text.strip() for p in pages for c in p.chars):
        if dropped[_ROTATED]:
            warnings.append(ROTATED_TEXT_ONLY.format(glyphs=dropped[_ROTATED]))
        elif reader == "pdfplumber" and (words := _pdfium_words(path, sorted(read))):
            warnings.append(PDFIUM_READS_TEXT.format(words=words))
    return PdfRead(pages=tuple(pages), page_count=reading.page_count, lost_pages=tuple(lost),
                   warnings=tuple(warnings), reader=reader)


def _content_emptied(page_obj) -> bool:
    """A content stream of the page, compressed, came out of decompression empty though it
    held more than an empty compressed stream takes: pdfminer gives up on a stream corrupt
    from its start without a word (the "Data-loss" warning is for one corrupt near its end)."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    try:
        for stream in page_obj.contents:
            stream = resolve1(stream)
            if not isinstance(stream, PDFStream) or stream.data != b"":
                continue
            length = resolve1(stream.attrs.get("Length"))
            if (isinstance(length, int) and length > EMPTY_DEFLATE_MAX_BYTES
                    and any(f in LITERALS_FLATE_DECODE for f, _ in stream.get_filters())):
                return True
    except Exception:  # noqa: BLE001 - the page was read: only a warning is at stake
        return False
    return False


def _give_default_size(page_obj) -> bool:
    """A page without a valid /MediaBox gets pdfminer's default (US Letter), which pdfplumber
    would not give it (it fails on the page instead); True if it had to."""
    from pdfminer.pdftypes import resolve_all

    box = resolve_all(page_obj.attrs.get("MediaBox"))
    if isinstance(box, list) and len(box) == _BOX_NUMBERS and all(isinstance(v, (int, float)) for v in box):
        return False
    page_obj.attrs["MediaBox"] = list(page_obj.mediabox)
    return True


def _no_page_read(lost: list[tuple[int, str]], page_count: int) -> str:
    """The message of a PDF none of whose pages (read) could be read."""
    return NO_PAGE_READ.format(pages=page_list([n for n, _ in lost]), count=page_count,
                               why=reasons_of(lost))


def reasons_of(lost: list[tuple[int, str]] | tuple[tuple[int, str], ...]) -> str:
    """Why pages were lost, for a person: the one reason, or each page's ("page 3: ...")."""
    reasons = list(dict.fromkeys(reason for _, reason in lost))
    if len(reasons) == 1:
        return reasons[0]
    return ", ".join(f"{page_list([n for n, r in lost if r == reason])}: {reason}" for reason in reasons)


class _Heard:
    """What pdfminer said while one file was read: the pages on which it lost data (None:
    outside any page), ``page`` being the page read at the time."""

    def __init__(self) -> None:
        self.page: int | None = None
        self.lost_on: set[int | None] = set()

    def data_lost(self, read: set[int]) -> list[str]:
        """The warning about the data lost on the pages read or outside any page, if any."""
        pages = sorted(p for p in self.lost_on if p in read)
        if not pages and None not in self.lost_on:
            return []
        if not pages:
            where = DATA_LOST_ELSEWHERE
        elif len(pages) == 1:
            where = DATA_LOST_PAGE.format(page=pages[0])
        else:
            where = DATA_LOST_PAGES.format(pages=page_list(pages))
        return [DATA_LOST.format(where=where)]


@dataclasses.dataclass(frozen=True)
class _LoggerState:
    level: int
    propagate: bool
    handlers: list[logging.Handler]
    effective: int  # the level its records had to reach before, its own or an ancestor's


class _PdfminerLog(logging.Handler):
    """While files are read (``listening()``), the "pdfminer" logger's only handler: it hears
    the warnings that mean lost data, for the thread reading, and hands every record on to
    where it would have gone.

    A batch worker sets the "pdfminer" logger to ERROR, so its warnings would never be made.
    While any file is read in this process the logger is set to WARNING, does not propagate,
    and has this one handler, which hands on to the logger's own handlers and its ancestors'
    the records they would have had (at or above the level the logger had before). All is put
    back as it was when the last read ends.
    """

    _lock = threading.Lock()
    _heard: dict[int, _Heard] = {}  # thread id -> what the file it reads made pdfminer say
    _saved: _LoggerState | None = None  # the logger as it was before the first read began

    @classmethod
    @contextmanager
    def listening(cls) -> Iterator[_Heard]:
        heard = _Heard()
        logger = logging.getLogger(PDFMINER_LOGGER)
        with cls._lock:
            if not cls._heard:
                cls._saved = _LoggerState(logger.level, logger.propagate, list(logger.handlers),
                                          logger.getEffectiveLevel())
                logger.handlers = [cls(logging.WARNING)]
                logger.propagate = False
                logger.setLevel(min(logging.WARNING, cls._saved.effective))
            cls._heard[threading.get_ident()] = heard
        try:
            yield heard
        finally:
            with cls._lock:
                cls._heard.pop(threading.get_ident(), None)
                if not cls._heard and cls._saved is not None:
                    logger.handlers = cls._saved.handlers
                    logger.propagate = cls._saved.propagate
                    logger.setLevel(cls._saved.level)
                    cls._saved = None

    def emit(self, record: logging.LogRecord) -> None:
        heard = self._heard.get(threading.get_ident())
        if heard is not None and any(p.search(record.getMessage()) for p in DATA_LOSS_MESSAGES):
            heard.lost_on.add(heard.page)
        saved = self._saved
        if saved is not None and record.levelno >= saved.effective:
            _hand_on(record, saved.handlers, saved.propagate)


def _hand_on(record: logging.LogRecord, handlers: list[logging.Handler], propagate: bool) -> None:
    """A pdfminer record to the handlers it would have reached (``Logger.callHandlers``)."""
    found = 0
    chain: logging.Logger | None = logging.getLogger(PDFMINER_LOGGER).parent if propagate else None
    for handler in handlers:
        found += 1
        if record.levelno >= handler.level:
            handler.handle(record)
    while chain is not None:
        for handler in chain.handlers:
            found += 1
            if record.levelno >= handler.level:
                handler.handle(record)
        chain = chain.parent if chain.propagate else None
    if not found and logging.lastResort is not None and record.levelno >= logging.lastResort.level:
        logging.lastResort.handle(record)


def _pdfium_words(path: Path, numbers: list[int]) -> int | None:
    """How many words PDFium reads on these pages (1-based), or None if it cannot say: asked
    only when pdfminer sees no text at all, to tell a scan from a file whose structure hides
    its text from pdfminer."""
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - PDFium fails on broken files in its own ways
        return None
    try:
        words = 0
        for number in numbers:
            if number > len(document):
                break
            page = document[number - 1]
            textpage = page.get_textpage()
            try:
                words += len(textpage.get_text_range().split())
            finally:
                textpage.close()
                page.close()
        return words
    except Exception:  # noqa: BLE001
        return None
    finally:
        document.close()


class _FontWidths:
    """The advance of each letter in each font, per point of size: a bold face sets the same
    letters wider than its roman, whatever the font is named ("Shaker-RB", "CIDFont+F1")."""

    def __init__(self) -> None:
        self.advances: dict[tuple[str, str], list[float]] = {}
        self.glyphs: Counter[str] = Counter()

    def add(self, ch: dict) -> None:
        if not ch["text"].isalpha():
            return
        matrix, advance, size = ch.get("matrix"), ch.get("adv"), ch.get("size")
        if matrix and advance and size and matrix[0] > 0:
            self.advances.setdefault((ch["fontname"], ch["text"]), []).append(advance * matrix[0] / size)
            self.glyphs[ch["fontname"]] += 1

    def heavier_than_body(self) -> frozenset[str]:
        """The fonts whose letters are at least HEAVIER_RATIO times as wide as the same letters
        in the body font (the one most glyphs are set in), over MIN_COMPARED_LETTERS letters."""
        if not self.glyphs:
            return frozenset()
        body = self.glyphs.most_common(1)[0][0]
        heavy = set()
        for font in self.glyphs:
            letters = [t for (f, t) in self.advances if f == font and (body, t) in self.advances]
            if font == body or len(letters) < MIN_COMPARED_LETTERS:
                continue
            ratio = statistics.median(statistics.median(self.advances[(font, t)])
                                      / statistics.median(self.advances[(body, t)]) for t in letters)
            if ratio >= HEAVIER_RATIO:
                heavy.add(font)
        return frozenset(heavy)


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exceptions in ``PdfminerException(original)``."""
    if type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _raised_in(exc: BaseException) -> list[tuple[str, str]]:
    """(module, function) of each frame the exception passed through, innermost first."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append((str(tb.tb_frame.f_globals.get("__name__", "")), tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    return frames[::-1]


def _where(exc: BaseException, table: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    """The phrase of the first row of ``table`` ((places, phrase): a place is a module or a
    module.function) naming a frame the exception passed through."""
    frames = {f"{module}.{function}" for module, function in _raised_in(exc)}
    modules = {module for module, _ in _raised_in(exc)}
    for places, phrase in table:
        if any(p in frames or p in modules for p in places):
            return phrase
    return None


def _page_reason(exc: BaseException) -> str:
    """Why a page could not be read, as a short phrase for a person."""
    from pdfminer.pdfexceptions import PDFNotImplementedError

    if isinstance(exc, RecursionError):
        return PAGE_LOOPS
    if isinstance(exc, PDFNotImplementedError) and "filter" in str(exc).lower():
        return PAGE_UNSUPPORTED_FILTER
    ours = [m for m, _ in _raised_in(exc) if m.startswith(("factextract", "pdfminer", "pdfplumber"))]
    if ours and ours[0].startswith("factextract"):
        return PAGE_INTERNAL
    return _where(exc, PAGE_REASONS) or PAGE_DAMAGED


def _detail(exc: BaseException) -> str:
    """A short technical detail of the exception, or "" when all it says is Python's own
    ("'NoneType' object is not iterable"): only pdfminer's and the decoders' messages, cut
    before any dump of PDF objects."""
    own = type(exc).__module__.startswith(("pdfminer", "pdfplumber", "zlib"))
    decoder = any(m in DECODER_MODULES or f"{m}.{f}" in DECODER_MODULES for m, f in _raised_in(exc)[:1])
    if not (own or decoder):
        return ""
    text = one_line(str(exc), MAX_DETAIL_CHARS)
    text = text.split(": param=", 1)[0]
    if _OBJECT_DUMP.search(text):
        text = text.split(":", 1)[0]
    return text.strip(" :-")


def _explain(exc: BaseException, path: Path | None = None) -> str:
    """A one-line message, for a person, about why pdfminer could not open a file: what is
    wrong with the file and what to do, with pdfminer's own words at most at the end."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSEOF, PSException

    detail = _detail(exc)
    said = f" (pdfminer: {detail})" if detail else ""
    encryption = _encryption(path) if path is not None else None
    if isinstance(exc, PDFPasswordIncorrect):
        if encryption is not None and _attachments_only(encryption):
            return ATTACHMENTS_ENCRYPTED
        return NEEDS_PASSWORD
    in_security = _where(exc, ((_SECURITY_FUNCTIONS, "security"),)) is not None
    if isinstance(exc, PDFEncryptionError) or in_security or "crypt" in str(exc).lower():
        what = _encryption_summary(encryption) if encryption is not None else ""
        if in_security and not isinstance(exc, PDFEncryptionError):
            what = (f"{what}: " if what else "") + "pdfminer fails on its encryption dictionary"
        return ENCRYPTION_UNREADABLE.format(reader="pdfminer", what=what or detail or UNKNOWN_ENCRYPTION)
    if isinstance(exc, RecursionError):
        return f"the PDF's structure is broken (its objects refer to each other in a loop); {REPAIR}"
    part = CUT_SHORT if isinstance(exc, PSEOF) else _where(exc, STRUCTURE_PARTS)
    if part is None and isinstance(exc, PDFSyntaxError):
        part = "its cross-reference table cannot be read"
    if part is None and isinstance(exc, PSException):
        part = "one of its objects cannot be parsed"
    if part is None:
        return UNREADABLE.format(reader="pdfminer", said=said)
    return f"the PDF's structure is broken ({part}); {REPAIR}{said}"


def _encryption(path: Path) -> dict | None:
    """The file's /Encrypt dictionary (names as str, references resolved), read without
    trying any password; None if it has none or it cannot be read."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve_all
        from pdfminer.psparser import PSLiteral

        class _Unopened(PDFDocument):
            def _initialize_password(self, password: str = "") -> None:  # the dictionary only
                pass

        def plain(value: object) -> object:
            if isinstance(value, PSLiteral):
                return str(value.name)
            if isinstance(value, dict):
                return {str(k): plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        with path.open("rb") as fh:
            document = _Unopened(PDFParser(fh))
            if not document.encryption:
                return None
            found = plain(resolve_all(document.encryption[1]))
            return found if isinstance(found, dict) else None
    except Exception:  # noqa: BLE001 - only a better message is at stake
        return None


def _attachments_only(encryption: dict) -> bool:
    """Only embedded files are encrypted: an /EFF crypt filter, or one opened on /EFOpen, while
    streams and strings use /Identity (no encryption)."""
    filters = encryption.get("CF") if isinstance(encryption.get("CF"), dict) else {}
    on_attachments = "EFF" in encryption or any(
        isinstance(f, dict) and f.get("AuthEvent") == "EFOpen" for f in filters.values())
    return on_attachments and all(encryption.get(k, "Identity") == "Identity" for k in ("StmF", "StrF"))


def _encryption_summary(encryption: dict) -> str:
    """The kind of encryption, in a few words: "version 4, revision 4, AESV2, streams and
    strings encrypted differently"."""
    parts = [f"{name} {encryption[key]}" for key, name in (("V", "version"), ("R", "revision")) if key in encryption]
    filters = encryption.get("CF") if isinstance(encryption.get("CF"), dict) else {}
    methods = sorted({str(f.get("CFM")) for f in filters.values() if isinstance(f, dict) and f.get("CFM")})
    parts += methods
    if encryption.get("StmF", "Identity") != encryption.get("StrF", "Identity"):
        parts.append("streams and strings encrypted differently")
    return ", ".join(parts)


def _check_is_pdf(path: Path) -> None:
    """Refuse, with a message saying what the file is, anything that is not a PDF."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEADER_SEARCH_BYTES)
    except IsADirectoryError as exc:
        raise DocumentError(str(path), "is a folder, not a PDF file") from exc
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be opened ({exc.strerror or exc})") from exc
    if not head:
        raise DocumentError(str(path), "empty file (0 bytes): not a PDF; was the download or copy interrupted?")
    if b"%PDF-" not in head:
        kind = "text" if _looks_like_text(head) else "binary data"
        raise DocumentError(str(path), f"not a PDF: the file holds {kind}, with no %PDF header")


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _spaces_as_space(text: str) -> str:
    """A drawn space of any width (a no-break space, the narrow one French sets before ":"
    and between digit groups, an em space) is a space: it marks a word boundary."""
    return " " if len(text) == 1 and unicodedata.category(text) == "Zs" else text


def _is_text(text: str) -> bool:
    """A glyph that writes text: not empty, not white space other than a space, not a glyph
    with no Unicode mapping (pdfminer's "(cid:N)"), not an invisible format character (a
    zero-width space or joiner, a byte-order mark; the soft hyphen stays, as it marks a break)."""
    if not text or (text.isspace() and text != " ") or _UNMAPPED.fullmatch(text):
        return False
    return not all(unicodedata.category(ch) == "Cf" and ch != SOFT_HYPHEN for ch in text)


@functools.lru_cache(maxsize=GLYPH_TEXTS_CACHED)
def _writes(text: str) -> bool:
    """``_is_text``, once per glyph text: a page has thousands of glyphs and a few dozen texts."""
    return _is_text(text)


@functools.lru_cache(maxsize=GLYPH_TEXTS_CACHED)
def _kept_text(text: str) -> str | None:
    """The glyph's text as kept (any drawn space a space), or None if it writes no text."""
    text = _spaces_as_space(text)
    return text if _is_text(text) else None


def _glyph_box(ch: dict) -> BBox:
    """The glyph's box. A glyph slanted by its matrix (an italic made by shearing a roman face,
    as Word does) gets a box as wide as the slant from pdfminer, overlapping its neighbours:
    its horizontal extent is then taken from its origin and advance, where the next glyph
    starts, so that the gaps between glyphs still show the word spaces."""
    matrix = ch.get("matrix")
    if matrix and matrix[_MATRIX_SHEAR] != 0 and matrix[0] > 0 and ch.get("adv"):
        x0 = float(matrix[_MATRIX_X])
        return BBox(x0, float(ch["top"]), x0 + float(ch["adv"]) * float(matrix[0]), float(ch["bottom"]))
    return BBox(float(ch["x0"]), float(ch["top"]), float(ch["x1"]), float(ch["bottom"]))


def visible_area(bbox: Sequence[float], trim: Sequence[float] | None) -> BBox:
    """The part of the page a reader sees: the page's box (pdfplumber's ``Page.bbox``: its
    media box, top-left origin), cut down to the trim box where the producer set one (a
    print PDF's slug line, crop marks and colour bars lie outside it)."""
    area = BBox(*(float(v) for v in bbox))
    if trim:
        x0, top, x1, bottom = (float(v) for v in trim)
        cut = BBox(max(area.x0, x0), max(area.top, top), min(area.x1, x1), min(area.bottom, bottom))
        if cut.width > 0 and cut.height > 0:
            return cut
    return area


def _within(box: BBox, area: BBox | None, margin: float) -> bool:
    if area is None:
        return True
    return (box.x0 >= area.x0 - margin and box.top >= area.top - margin
            and box.x1 <= area.x1 + margin and box.bottom <= area.bottom + margin)


def _on_page(box: BBox, visible: BBox | None) -> bool:
    """The centre lies in the page's visible area (None: the page's boxes are broken, and
    everything counts). Designers' tools place the facing page of a spread, pasteboard notes
    and printer's marks outside it."""
    if visible is None:
        return True
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return visible.x0 <= cx <= visible.x1 and visible.top <= cy <= visible.bottom


def _read_page(page, number: int, widths: _FontWidths, dropped: Counter[str] | None = None) -> Page:
    """One pdfplumber page as a ``Page`` (see ``page_of``)."""
    chars, shapes = _page_dicts(page)
    return page_of(PageObjects(number=number, width=float(page.width), height=float(page.height),
                               visible=visible_area(page.bbox, getattr(page, "trimbox", None)),
                               chars=chars, rects=shapes["rect"], curves=shapes["curve"], lines=shapes["line"],
                               images=shapes["image"]),
                   widths, dropped)


def _page_dicts(page) -> tuple[list[dict], dict[str, list[dict]]]:
    """The page's glyphs and shapes as pdfplumber's dicts, in drawing order, from its layout.

    The shapes are pdfplumber's own (``Page.process_object``). A glyph gets only the keys
    ``page_of`` reads, with pdfplumber's values: ``Page.chars`` resolves and copies some
    twenty attributes of every glyph, which cost as much as pdfminer's reading of the page
    (a page has thousands of glyphs and a few dozen shapes)."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
    from pdfplumber.utils.pdfinternals import resolve_all

    height = float(page.height)
    mb_x0, mb_top = page.mediabox[:2]
    chars: list[dict] = []
    shapes: dict[str, list[dict]] = {"rect": [], "curve": [], "line": [], "image": []}
    stack = [iter(page.layout._objs)]
    while stack:
        for obj in stack[-1]:
            if isinstance(obj, LTChar):
                fontname = resolve_all(obj.fontname)
                if isinstance(fontname, bytes):
                    from pdfplumber.page import fix_fontname_bytes
                    fontname = fix_fontname_bytes(fontname)
                chars.append({"text": obj.get_text(), "fontname": fontname, "size": obj.size,
                              "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0, "y0": obj.y0,
                              "top": height - obj.y1 + mb_top, "bottom": height - obj.y0 + mb_top,
                              "upright": obj.upright, "adv": obj.adv, "matrix": obj.matrix})
            elif isinstance(obj, LTImage):  # where a picture is painted (a bullet may be one)
                shapes["image"].append({"x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0,
                                        "top": height - obj.y1 + mb_top, "bottom": height - obj.y0 + mb_top})
            elif isinstance(obj, LTContainer):  # a form (LTFigure): its objects, in place
                stack.append(iter(obj._objs))
                break
            elif isinstance(obj, LTCurve):  # LTRect and LTLine are curves too
                shape = page.process_object(obj)
                if shape["object_type"] in shapes:
                    shapes[shape["object_type"]].append(shape)
        else:
            stack.pop()
    return chars, shapes


@dataclasses.dataclass(frozen=True)
class PageObjects:
    """A page as a reader hands it over: its size and visible area (pdfplumber's top-left
    coordinates) and its objects as pdfplumber's dicts, in drawing order. A glyph needs
    text, fontname, size, x0, x1, top, bottom, upright, adv and matrix (pdfminer's LTChar
    matrix: the glyph's origin in e, f, pdfminer's bottom-left device space); a shape
    object_type, x0, x1, top, bottom, y0, y1, width, height, doctop, pts, fill, stroke and
    non_stroking_color (all that the table finder and ``page_of`` read); a painted image
    x0, x1, top and bottom."""

    number: int
    width: float
    height: float
    visible: BBox
    chars: Sequence[dict]
    rects: Sequence[dict]
    curves: Sequence[dict]
    lines: Sequence[dict]
    images: Sequence[dict] = ()


def page_of(objects: PageObjects, widths: _FontWidths, dropped: Counter[str] | None = None) -> Page:
    """A page's objects as a ``Page``: upright glyphs, once each, and the drawn shapes
    sorted into rules, boxes and marks by size, and the ruled tables. ``widths`` learns the
    glyphs' advances; ``dropped`` counts the text glyphs left out for being rotated
    (``_ROTATED``). The same for every reader."""
    number, height, page_chars = objects.number, objects.height, objects.chars
    chars = []
    seen: set[tuple] = set()
    visible: BBox | None = objects.visible
    if not any(_on_page(_glyph_box(ch), visible) for ch in page_chars if _writes(ch.get("text") or "")):
        # Not one glyph on the page: its boxes are broken (an inverted or shifted media box),
        # not its text; read everything.
        visible = None
    kept_text, glyph_box, add_widths = _kept_text, _glyph_box, widths.add  # the loop runs per glyph
    for ch in page_chars:
        text = kept_text(ch.get("text") or "")
        if text is None:
            continue
        if not ch.get("upright", True):
            # Vertical or rotated text (margins, stamps) is not part of a factsheet's body.
            if dropped is not None and text.strip():
                dropped[_ROTATED] += 1
            continue
        box = glyph_box(ch)
        if visible is not None and not _on_page(box, visible):
            continue
        # Some producers draw text twice (fake bold, shadows); keep one glyph per place.
        # pdfplumber's own dedupe_chars does this too, but sorts all glyphs for every page.
        key = (text, round(float(ch["x0"]) / DUPLICATE_TOLERANCE), round(float(ch["top"]) / DUPLICATE_TOLERANCE))
        if key in seen:
            continue
        seen.add(key)
        add_widths(ch)
        # pdfminer's LTChar.matrix is the text matrix times the CTM, so its y translation is
        # the glyph origin in the same space as y0/y1; convert it to a top-left distance once.
        matrix = ch.get("matrix") or (1, 0, 0, 1, ch["x0"], ch["y0"])
        chars.append(Char(text, str(ch.get("fontname") or ""), round(float(ch.get("size") or 0.0), SIZE_DECIMALS),
                          box, height - float(matrix[_MATRIX_Y])))
    rects, rules, marks = [], [], []
    fills: list[tuple[BBox, object]] = []  # filled, unstroked boxes and their colour
    drawn: list[tuple[BBox, dict]] = []  # every shape on the page, for the table finder
    # Rounded boxes and drawn bullets (a browser's list discs) come as curves, not rects.
    for r in list(objects.rects) + [c for c in objects.curves if _encloses(c)]:
        box = BBox(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        if not _on_page(box, visible):
            continue
        drawn.append((box, r))
        if box.width < RULE_THICKNESS or box.height < RULE_THICKNESS:
            if max(box.width, box.height) >= MIN_BOX_SIZE:
                rules.append(box)
        elif box.width <= MAX_MARK_SIZE and box.height <= MAX_MARK_SIZE:
            marks.append(box)
        elif box.width >= MIN_BOX_SIZE and box.height >= MIN_BOX_SIZE:
            if not _within(box, visible, BLEED):
                continue  # background art running off the page, not a box of the layout
            rects.append(box)
            if r.get("fill") and not r.get("stroke"):
                fills.append((box, _colour(r.get("non_stroking_color"))))
    for ln in objects.lines:
        box = BBox(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
        if _on_page(box, visible):
            rules.append(box)
            drawn.append((box, ln))
    for im in objects.images:  # a picture the size of a mark is one (a bullet set as an image)
        box = BBox(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"]))
        if _on_page(box, visible) and box.width <= MAX_MARK_SIZE and box.height <= MAX_MARK_SIZE:
            marks.append(box)
    return Page(number=number, width=objects.width, height=height,
                chars=tuple(chars), rects=tuple(rects), rules=tuple(rules), marks=tuple(marks),
                tables=_tables(_TablePage(number), chars, _showing(drawn, fills)))


def _encloses(curve: dict) -> bool:
    """A curve that draws a shape (filled, or closed: a rounded box, a disc), not an open
    stroke (the lines of a drawing behind the text), whose box says nothing of the layout."""
    points = curve.get("pts") or []
    if curve.get("fill") or len(points) < 2:
        return True
    (x0, y0), (x1, y1) = points[0], points[-1]
    return abs(x0 - x1) <= DUPLICATE_TOLERANCE and abs(y0 - y1) <= DUPLICATE_TOLERANCE


def _colour(value: object) -> object:
    """A fill colour as a comparable value (pdfplumber gives a number, a tuple or a list)."""
    return tuple(value) if isinstance(value, list) else value


def _showing(drawn: list[tuple[BBox, dict]], fills: list[tuple[BBox, object]]) -> list[tuple[BBox, dict]]:
    """The shapes whose edges show: not a box filled, unstroked, inside another box of the
    same fill (InDesign draws a frame per line inside its card: nothing shows between them)."""
    hidden = {box for box, colour in fills
              if any(c == colour and other.contains(box, DUPLICATE_TOLERANCE)
                     and not box.contains(other, DUPLICATE_TOLERANCE) for other, c in fills)}
    return [(box, obj) for box, obj in drawn if box not in hidden]


@dataclasses.dataclass(frozen=True)
class _TablePage:
    """The page as pdfplumber's table finder sees it: with explicit edges it only hands the
    page to each ``Table`` it makes, so any reader's page will do."""

    page_number: int


def _tables(page: _TablePage, chars: list[Char], shapes: list[tuple[BBox, dict]]) -> tuple[Table, ...]:
    """The ruled tables of data on a page: pdfplumber's table finder on the edges that show,
    its grids kept where most rows hold text in two cells or more and most are ruled off from
    the next (cards side by side, a framed page, only look like a table)."""
    if len(shapes) < 2:
        return ()
    from pdfplumber.table import TableFinder

    objects = [obj for _, obj in shapes]
    edges = [((b.top + b.bottom) / 2, b.x0, b.x1) for b, _ in shapes if b.height < RULE_THICKNESS]
    edges += [(y, b.x0, b.x1) for b, _ in shapes if b.height >= RULE_THICKNESS for y in (b.top, b.bottom)]
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": objects, "explicit_horizontal_lines": objects}
    found = []
    for table in TableFinder(page, settings).tables:
        bbox = BBox(*(float(v) for v in table.bbox))
        inside = [centre for centre in map(_centre, chars) if _point_in(centre, bbox)]
        rows = tuple(tuple(BBox(*(float(v) for v in cell)) for cell in row.cells if cell is not None)
                     for row in table.rows)
        filled = [sum(1 for cell in row if any(_point_in(centre, cell) for centre in inside)) for row in rows]
        with_text = [n for n in filled if n]
        several = [n for n in with_text if n >= 2]
        if len(several) < MIN_TABLE_ROWS or len(several) < TABLE_ROW_SHARE * len(with_text):
            continue
        text_rows = [BBox.around(row) for row, n in zip(rows, filled) if n]
        if not _ruled(text_rows, edges, (bbox.x0, bbox.x1)):
            continue
        found.append(Table(bbox=bbox, rows=tuple(r for r in rows if r)))
    return tuple(found)


def _ruled(text_rows: list[BBox], edges: list[tuple[float, float, float]], width: tuple[float, float]) -> bool:
    """Most rows with text are parted from the next by a drawn edge across the table (a rule,
    or cells' borders end to end). Cards side by side only line up like cells; their lines
    have no rules between them."""
    left, right = width
    ruled = bounds = 0
    for upper, lower in zip(text_rows, text_rows[1:]):
        if lower.top < upper.bottom - EDGE_TOLERANCE:
            continue  # rows that overlap (a cell spanning both) are one row of the page
        bounds += 1
        lo, hi = upper.bottom - EDGE_TOLERANCE, lower.top + EDGE_TOLERANCE
        spans = sorted((max(x0, left), min(x1, right)) for y, x0, x1 in edges if lo <= y <= hi and x1 > left and x0 < right)
        covered, reach = 0.0, left
        for x0, x1 in spans:
            if x1 > reach:
                covered += x1 - max(x0, reach)
                reach = x1
        ruled += covered >= RULE_COVER_SHARE * (right - left)
    return ruled >= RULED_ROW_SHARE * bounds


def _centre(ch: Char) -> tuple[float, float]:
    box = ch.bbox
    return (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2


def _point_in(point: tuple[float, float], cell: BBox) -> bool:
    return cell.x0 <= point[0] <= cell.x1 and cell.top <= point[1] <= cell.bottom
