"""Scanning: SANE scanners, a watched folder fed by a vendor's scan tool, file import, page clean-up
(deskew, border crop, grey/black-and-white) and one PDF per material with its SHA-256.

  sane_scanner  SaneScanner (python-sane, imported on first use), sane_options, sane_status
  folder        WatchedFolder: complete new files from a folder, moved to done/ after import
  importer      load_pages: PDF (pdftoppm), JPEG, PNG, TIFF, upright by EXIF
  processing    deskew, crop_borders, to_grey, to_bw, looks_like_text, rotate, crop, thumbnail
  pdf           pages_to_pdf (JPEG / CCITT G4, deterministic bytes), sha256_of

No Qt and nothing of hallapp here. Every call may block (device I/O, disk, image work): the UI runs
them in a worker thread. Importing this package loads neither python-sane nor numpy.
"""

from drivers.scanner.errors import ImportFailed, ScannerError, ScannerUnavailable

__all__ = ["ImportFailed", "ScannerError", "ScannerUnavailable"]
