#!/bin/sh
# /usr/bin/hallapp: the program lives in /opt/hallapp (a PyInstaller bundle, no Python needed).
exec /opt/hallapp/hallapp "$@"
