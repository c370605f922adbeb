"""The one place hallapp meets drivers/: the device manager and the ports services talk to.

  manager   `Devices`: built once at the composition root (`AppContext.devices`), owns every
            device and its I/O thread, reports changes to listeners, picks simulators in demo mode
  ports     the Protocols services and the window use, `DeviceEvent`, `DeviceNotConfiguredError`
  adapters  drivers wrapped to the ports (built only by the manager)
  printing  the ticket printer builder and value types (loads python-escpos: import it to print)

Demo and training use simulators that speak the real protocol bytes (the ID card reader on a
pseudo-terminal), so the driver under them is the real driver. Importing this package loads no
printer or scanner library.
"""

from __future__ import annotations

from hallapp.devices.adapters import IdCardReaderHandle
from hallapp.devices.manager import SIMULATOR, Devices
from hallapp.devices.ports import DeviceEvent, DeviceNotConfiguredError

__all__ = ["SIMULATOR", "DeviceEvent", "DeviceNotConfiguredError", "Devices", "IdCardReaderHandle"]

