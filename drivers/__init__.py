"""Hardware drivers: card readers, printers, scanners. No Qt, nothing of hallapp or ui."""
