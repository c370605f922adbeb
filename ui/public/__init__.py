"""The hall's public screens share one shell: kiosk, hall display and evaluation screen.

`PublicScreen` is the full-screen window (stylesheet, scaled type, stacked pages, timers),
`QueueFollower` follows the shared queue for a screen, `show_public_screen` puts one on the screen.
"""

from ui.public.follower import QueueFollower
from ui.public.placement import fit_to_screen, show_public_screen
from ui.public.shell import PublicScreen, restyle, set_px, text_label

__all__ = ["PublicScreen", "QueueFollower", "fit_to_screen", "restyle", "set_px", "show_public_screen", "text_label"]
