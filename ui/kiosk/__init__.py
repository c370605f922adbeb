"""The ticket kiosk at the hall entrance."""
