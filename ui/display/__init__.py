"""The hall display: the TV on the wall that shows and speaks the calls."""
