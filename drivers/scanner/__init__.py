"""Scanning devices: SANE scanners and a watched folder fed by a vendor's scan tool. What happens to
the pages afterwards (file import, clean-up, the material's PDF) is hallapp/imaging: no device there.

  sane_scanner  SaneScanner (python-sane, imported on first use), sane_options, sane_status
  folder        WatchedFolder: complete new files from a folder, moved to done/ after import
  lineart       Otsu black-and-white for a device without a lineart mode (hallapp/imaging reuses it)

No Qt and nothing of hallapp here. Every call may block (device I/O, disk, image work): the UI runs
them in a worker thread. Importing this package loads neither python-sane nor numpy.
"""

from drivers.scanner.errors import ScannerError, ScannerUnavailable

__all__ = ["ScannerError", "ScannerUnavailable"]
