"""The clerk's wording of device errors (drivers/errors.py codes), in the window's language.

One tr() template per code, in context "Errors" (ui/errors.py looks them up). Params that are
themselves codes (a card field, a scan setting, a part of a printer address) are worded here too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def card_templates() -> dict[str, str]:
    return {
        "card.no_card": QCoreApplication.translate(
            "Errors", "No card found (status {status}): place the ID card flat on the reader."),
        "card.select_failed": QCoreApplication.translate(
            "Errors", "The card could not be selected (status {status}): place the ID card on the reader again."),
        "card.read_failed": QCoreApplication.translate(
            "Errors", "The card could not be read (status {status}): place the ID card on the reader again."),
        "card.unknown_type": QCoreApplication.translate(
            "Errors", "The card type is not recognised (status {status}): check that it is an ID card or a residence "
            "permit."),
        "card.no_content": QCoreApplication.translate("Errors", "The card does not hold this item (status {status})."),
        "card.reader_transmission": QCoreApplication.translate(
            "Errors", "The card reader reports a transmission error (status {status}): try again; if it keeps "
            "happening, check the reader's cable."),
        "card.reader_refused": QCoreApplication.translate(
            "Errors", "The card reader refused the command (status {status}): ask the technician to check the reader's "
            "model and settings."),
        "card.reader_retry": QCoreApplication.translate(
            "Errors", "The card reader could not complete the command (status {status}): try again."),
        "card.authentication_failed": QCoreApplication.translate(
            "Errors", "The card and the reader's security module did not accept each other (status {status}): place "
            "the ID card on the reader again."),
        "card.fingerprint_invalid": QCoreApplication.translate(
            "Errors", "The fingerprint data on the card could not be verified (status {status}): place the ID card on "
            "the reader again."),
        "card.sam_self_test_failed": QCoreApplication.translate(
            "Errors", "The card reader's security module failed its self-test (status {status}): ask the technician to "
            "have the reader repaired."),
        "card.sam_not_authorized": QCoreApplication.translate(
            "Errors", "The card reader's security module is not authorised (status {status}): ask the technician."),
        "card.reader_status_unknown": QCoreApplication.translate(
            "Errors", "The card reader answered with an unexpected status {status}: try again; if it keeps happening, "
            "ask the technician."),
        "card.type_not_supported": QCoreApplication.translate(
            "Errors", "This kind of card cannot be read by this program yet: type the holder's details by hand."),
        "card.type_unknown": QCoreApplication.translate(
            "Errors", "The card carries an unknown type mark: check that it is an ID card or a residence permit, or "
            "type the holder's details by hand."),
        "card.text_undecodable": QCoreApplication.translate(
            "Errors", "The card's text could not be decoded: place the card on the reader again, or type the holder's "
            "details by hand."),
        "card.answer_malformed": QCoreApplication.translate(
            "Errors", "This file is neither a card reader's answer nor a card text block."),
        "card.answer_not_ok": QCoreApplication.translate(
            "Errors", "The saved answer is not a successful read (reader status {status})."),
        "card.reader_not_connected": QCoreApplication.translate(
            "Errors", "The ID card reader on {port} is not connected: check its USB cable, or ask the technician to "
            "set the reader's port."),
        "card.reader_not_found": QCoreApplication.translate(
            "Errors", "No ID card reader was found: check that it is plugged in, or ask the technician to set the "
            "reader's port."),
        "card.reader_timeout": QCoreApplication.translate(
            "Errors", "The ID card reader on {port} did not answer within {seconds} s: unplug it, plug it in again and "
            "read the card again."),
        "card.frame_bad_checksum": QCoreApplication.translate(
            "Errors", "The card reader's answer arrived damaged: place the ID card on the reader again; if it keeps "
            "happening, check the reader's cable."),
        "card.frame_incomplete": QCoreApplication.translate(
            "Errors", "The card reader's answer was incomplete: place the ID card on the reader again."),
        "card.none_in_time": QCoreApplication.translate(
            "Errors", "No ID card was placed on the reader within {seconds} s: place the card flat on the reader and "
            "read again."),
        "device.reader_not_configured": QCoreApplication.translate(
            "Errors", "No ID card reader is set up: ask the technician to set the reader's port."),
    }


def pcsc_templates() -> dict[str, str]:
    return {
        "pcsc.not_installed": QCoreApplication.translate(
            "Errors", "Social security card reading is not installed on this computer: ask the technician."),
        "pcsc.service_not_running": QCoreApplication.translate(
            "Errors", "The smart card service of this computer is not running: ask the technician to start it."),
        "pcsc.service_lost": QCoreApplication.translate(
            "Errors", "The connection to the smart card service broke off: read the card again; if it keeps happening, "
            "ask the technician."),
        "pcsc.no_reader": QCoreApplication.translate("Errors", "No card reader is connected: check the reader's USB cable."),
        "pcsc.reader_missing": QCoreApplication.translate(
            "Errors", "The card reader {reader} is not connected: check its USB cable, or ask the technician to check "
            "the reader name in the settings."),
        "pcsc.no_card": QCoreApplication.translate("Errors", "No card in the reader: insert the social security card."),
        "pcsc.card_removed": QCoreApplication.translate(
            "Errors", "The card was taken out while it was being read: insert it again."),
        "pcsc.cancelled": QCoreApplication.translate("Errors", "Reading the card was cancelled."),
        "pcsc.card_unresponsive": QCoreApplication.translate(
            "Errors", "The card does not answer, or the reader cannot talk to it: insert it again, chip first."),
        "pcsc.not_social_security_card": QCoreApplication.translate(
            "Errors", "This is not a social security card: check the card."),
        "pcsc.reader_busy": QCoreApplication.translate(
            "Errors", "The card reader is in use by another program: close that program and read again."),
        "pcsc.read_failed": QCoreApplication.translate("Errors", "The card could not be read: insert it again."),
        "pcsc.application_locked": QCoreApplication.translate(
            "Errors", "The social security function of this card is locked: the holder must have it unlocked at the "
            "card's issuing office."),
        "pcsc.record_missing": QCoreApplication.translate(
            "Errors", "The card has no {field} where the settings say (record {record} of file EF{sfi}): ask the "
            "technician to check the card reader settings."),
        "pcsc.record_unexpected": QCoreApplication.translate(
            "Errors", "The card's {field} (record {record} of file EF{sfi}) holds something unexpected: ask the "
            "technician to check the card reader settings."),
        "pcsc.record_protected": QCoreApplication.translate(
            "Errors", "The card does not give its {field} (record {record} of file EF{sfi}) without a security check: "
            "ask the technician to check the card reader settings."),
        "pcsc.record_read_failed": QCoreApplication.translate(
            "Errors", "The card's {field} (record {record} of file EF{sfi}) could not be read: insert the card again."),
        "pcsc.bad_response": QCoreApplication.translate("Errors", "The card's answer was incomplete: insert the card again."),
        "pcsc.record_format": QCoreApplication.translate(
            "Errors", "A card record has an unexpected format: ask the technician to check the card reader settings."),
    }


def photo_templates() -> dict[str, str]:
    return {
        "photo.library_missing": QCoreApplication.translate(
            "Errors", "The photo decoder library {path} does not exist: ask the technician to check the photo decoder "
            "setting."),
        "photo.library_unloadable": QCoreApplication.translate(
            "Errors", "The photo decoder library {path} cannot be used: ask the technician to check it and the photo "
            "decoder setting."),
        "photo.decoder_timeout": QCoreApplication.translate(
            "Errors", "The photo decoder did not answer within {seconds} s and was stopped: read the card again; if it "
            "keeps happening, ask the technician."),
        "photo.decoder_died": QCoreApplication.translate(
            "Errors", "The photo decoder stopped unexpectedly, so the photo is not shown: read the card again; if it "
            "keeps happening, ask the technician."),
        "photo.worker_failed": QCoreApplication.translate(
            "Errors", "The photo decoder cannot be started: restart the program; if it keeps happening, ask the "
            "technician."),
        "photo.wrong_size": QCoreApplication.translate(
            "Errors", "The card's photo data has the wrong size ({size} bytes instead of {expected}): read the card "
            "again."),
        "photo.decode_failed": QCoreApplication.translate(
            "Errors", "The card photo could not be decoded: read the card again; if it keeps happening, ask the "
            "technician to check the photo decoder."),
        "photo.bad_output": QCoreApplication.translate(
            "Errors", "The photo decoder gave an unusable image: ask the technician to check the photo decoder and its "
            "output setting."),
        "device.worker_died": QCoreApplication.translate(
            "Errors", "A helper process of the program stopped unexpectedly: try again; if it keeps happening, ask the "
            "technician."),
        "device.error": QCoreApplication.translate(
            "Errors", "The device reported an error: try again; if it keeps happening, ask the technician."),
    }


def printer_templates() -> dict[str, str]:
    return {
        "printer.connection_refused": QCoreApplication.translate(
            "Errors", "The ticket printer at {target} refused the connection: check the address and port (usually "
            "9100), and that the printer has finished starting up."),
        "printer.no_answer": QCoreApplication.translate(
            "Errors", "The ticket printer at {target} does not answer: check that it is switched on, that its network "
            "cable is in and that its IP address is right."),
        "printer.host_unknown": QCoreApplication.translate(
            "Errors", "The printer name in {target} is not known on this network: use the printer's IP address "
            "instead."),
        "printer.usb_not_found": QCoreApplication.translate(
            "Errors", "No USB printer {target} is connected: check the USB cable and that the printer is on; the "
            "vendor and product IDs must be the printer's own."),
        "printer.usb_access_denied": QCoreApplication.translate(
            "Errors", "This program may not use the USB printer {target}: ask the technician to grant access to the "
            "device."),
        "printer.usb_support_missing": QCoreApplication.translate(
            "Errors", "USB printing is not installed on this computer, so {target} cannot be used: ask the technician, "
            "or connect the printer by network."),
        "printer.serial_port_missing": QCoreApplication.translate(
            "Errors", "The serial port {port} does not exist: check the printer's serial cable or USB adapter, and the "
            "port in the printer address."),
        "printer.serial_port_unusable": QCoreApplication.translate(
            "Errors", "The serial port {port} cannot be opened (another program uses it, or no permission): close the "
            "other program or ask the technician."),
        "printer.file_unwritable": QCoreApplication.translate(
            "Errors", "The printer device {target} cannot be written: ask the technician to check the path and its "
            "permissions."),
        "printer.spooler_failed": QCoreApplication.translate(
            "Errors", "The Windows print queue {target} does not accept the ticket: check the printer in the Windows "
            "printer settings."),
        "printer.write_failed": QCoreApplication.translate(
            "Errors", "The connection to the ticket printer {target} broke off while printing: check the cable and the "
            "power, then print again."),
        "printer.unreachable": QCoreApplication.translate(
            "Errors", "The ticket printer {target} cannot be reached: check its power and its cable."),
        "device.printer_not_configured": QCoreApplication.translate(
            "Errors", "No ticket printer is set up: ask the technician to set the printer's address."),
        "printer.ok": QCoreApplication.translate("Errors", "The ticket printer is ready."),
        "printer.status_unknown": QCoreApplication.translate(
            "Errors", "The ticket printer does not report its state; tickets are still sent to it."),
        "printer.cover_open": QCoreApplication.translate("Errors", "The ticket printer's paper cover is open: close it."),
        "printer.out_of_paper": QCoreApplication.translate("Errors", "The ticket printer is out of paper: put in a new roll."),
        "printer.mechanical_error": QCoreApplication.translate(
            "Errors", "The ticket printer reports a fault (cutter or print head): switch it off, check it and switch "
            "it on again."),
        "printer.offline": QCoreApplication.translate("Errors", "The ticket printer is offline: check the printer."),
        "printer.paper_near_end": QCoreApplication.translate(
            "Errors", "The ticket printer's paper roll is nearly used up: have a new roll ready."),
    }


def printer_uri_templates() -> dict[str, str]:
    return {
        "printer.uri_no_scheme": QCoreApplication.translate(
            "Errors", "The printer address {uri} has no type: write it like tcp://192.168.1.50:9100, usb://0416:5011, "
            "serial:///dev/ttyUSB0?baud=9600 or file:///dev/usb/lp0."),
        "printer.uri_unknown_scheme": QCoreApplication.translate(
            "Errors", "The printer address {uri} has an unknown type {scheme}://: write it like "
            "tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0?baud=9600 or "
            "file:///dev/usb/lp0."),
        "printer.uri_bad_query": QCoreApplication.translate(
            "Errors", "The options of the printer address {uri} cannot be read: write them like ?baud=9600."),
        "printer.uri_unknown_option": QCoreApplication.translate(
            "Errors", "The printer address {uri} has unknown options: {names}."),
        "printer.uri_network_path": QCoreApplication.translate(
            "Errors", "The network printer address {uri} cannot have a path: write it like tcp://192.168.1.50:9100."),
        "printer.uri_bad_port": QCoreApplication.translate(
            "Errors", "The printer address {uri} has a bad port: it must be a number from 1 to 65535."),
        "printer.uri_no_host": QCoreApplication.translate("Errors", "The printer address {uri} has no host name or IP address."),
        "printer.uri_usb_form": QCoreApplication.translate(
            "Errors", "The USB printer address {uri} must give the vendor and product IDs in hexadecimal, like "
            "usb://0416:5011."),
        "printer.uri_bad_hex": QCoreApplication.translate(
            "Errors", "The printer address {uri} has a bad {what}: it must be a hexadecimal number like 0416."),
        "printer.uri_no_serial_port": QCoreApplication.translate(
            "Errors", "The serial printer address {uri} has no port: write it like serial:///dev/ttyUSB0 or "
            "serial://COM3."),
        "printer.uri_bad_baud": QCoreApplication.translate(
            "Errors", "The printer address {uri} has a bad baud rate: use one of {choices}."),
        "printer.uri_bad_flow": QCoreApplication.translate(
            "Errors", "The printer address {uri} has a bad flow control: use one of {choices}."),
        "printer.uri_file_form": QCoreApplication.translate(
            "Errors", "The printer address {uri} must be an absolute path, like file:///dev/usb/lp0."),
        "printer.uri_no_windows_name": QCoreApplication.translate(
            "Errors", "The printer address {uri} has no Windows printer name: write it like win://POS-80C."),
        "printer.uri_windows_only": QCoreApplication.translate(
            "Errors", "The printer address {uri} uses the Windows print queue, which only exists on Windows: on this "
            "computer use tcp://, usb://, serial:// or file://."),
    }


def scanner_templates() -> dict[str, str]:
    return {
        "scanner.sane_missing": QCoreApplication.translate(
            "Errors", "Scanner support is not installed on this computer: ask the technician to install it, or import "
            "the files from the watched folder."),
        "scanner.sane_init_failed": QCoreApplication.translate(
            "Errors", "The scanner service did not start: ask the technician."),
        "scanner.not_open": QCoreApplication.translate("Errors", "The scanner has not been opened yet."),
        "scanner.not_found": QCoreApplication.translate(
            "Errors", "The scanner {device} cannot be found: check its power and cable, or ask the technician to "
            "choose the scanner again in the settings."),
        "scanner.none_found": QCoreApplication.translate(
            "Errors", "No scanner found: check the scanner's power and cable, or add the material with Import."),
        "scanner.setting_unsupported": QCoreApplication.translate(
            "Errors", "The scanner does not support this setting: {setting}."),
        "scanner.driver_died": QCoreApplication.translate(
            "Errors", "The scanner driver stopped unexpectedly and the scan is incomplete: scan again; if it keeps "
            "happening, restart the scanner, and if that does not help, ask the technician."),
        "scanner.driver_failed": QCoreApplication.translate(
            "Errors", "The scanner driver cannot be started: restart the program; if it keeps happening, ask the "
            "technician."),
        "scanner.unsupported": QCoreApplication.translate(
            "Errors", "The scanner does not support this operation: check the scan settings."),
        "scanner.cancelled": QCoreApplication.translate("Errors", "The scan was cancelled."),
        "scanner.busy": QCoreApplication.translate(
            "Errors", "The scanner is busy (perhaps another program is using it): try again in a moment."),
        "scanner.invalid_settings": QCoreApplication.translate(
            "Errors", "The scan settings are not valid: check resolution, colour mode and paper source."),
        "scanner.no_image": QCoreApplication.translate("Errors", "The scanner returned no image: scan again."),
        "scanner.jam": QCoreApplication.translate(
            "Errors", "Paper jam in the scanner: open the feeder, take out the stuck sheet, straighten the pages and "
            "scan again."),
        "scanner.feeder_empty": QCoreApplication.translate(
            "Errors", "There are no pages in the document feeder: put the pages in and scan again."),
        "scanner.cover_open": QCoreApplication.translate("Errors", "The scanner's cover is open: close it and scan again."),
        "scanner.io_error": QCoreApplication.translate(
            "Errors", "Communication with the scanner failed: check its cable and power, then scan again."),
        "scanner.out_of_memory": QCoreApplication.translate(
            "Errors", "Not enough memory to finish the scan: lower the resolution or close other programs, then try "
            "again."),
        "scanner.access_denied": QCoreApplication.translate(
            "Errors", "This program may not use the scanner: ask the technician to check the device permissions."),
        "scanner.failed": QCoreApplication.translate(
            "Errors", "The scanner reported an error: scan again; if it keeps happening, ask the technician."),
        "scan.no_pages": QCoreApplication.translate(
            "Errors", "A material needs at least one page: scan it again, or mark it missing."),
        "scan.cancelled": QCoreApplication.translate("Errors", "Scanning was cancelled; no page was captured."),
        "import.unreadable": QCoreApplication.translate(
            "Errors", "The file cannot be read: it is damaged or not a supported format (PDF, JPEG, PNG, TIFF)."),
        "import.empty": QCoreApplication.translate(
            "Errors", "The file is empty, perhaps not completely saved yet: scan or export it again."),
        "import.not_found": QCoreApplication.translate("Errors", "The file cannot be found: it may have been moved or deleted."),
        "import.pdf_tool_missing": QCoreApplication.translate(
            "Errors", "PDF files cannot be opened on this computer: ask the technician to install the PDF renderer."),
        "import.pdf_encrypted": QCoreApplication.translate(
            "Errors", "The PDF is password protected and cannot be imported: export it without a password, or as "
            "images, then import it again."),
        "import.pdf_broken": QCoreApplication.translate("Errors", "The PDF cannot be read: the file is damaged or incomplete."),
        "import.too_many_pages": QCoreApplication.translate(
            "Errors", "The file has too many pages (more than {limit}): split it, then import the parts."),
        "import.too_large": QCoreApplication.translate(
            "Errors", "The image is too large to import: scan it again at 600 dpi or less."),
    }


def templates() -> dict[str, str]:
    """Every device error code with its template, in the window's language."""
    return {**card_templates(), **pcsc_templates(), **photo_templates(), **printer_templates(),
            **printer_uri_templates(), **scanner_templates()}


def param_words() -> dict[str, dict[str, str]]:
    """Params whose values are codes, worded: a card field, a scan setting, a part of a printer address."""
    return {
        "field": {
            "card_identifier": QCoreApplication.translate("Errors", "card identifier"),
            "card_type": QCoreApplication.translate("Errors", "card category"),
            "version": QCoreApplication.translate("Errors", "specification version"),
            "card_number": QCoreApplication.translate("Errors", "card number"),
            "social_security_number": QCoreApplication.translate("Errors", "social security number"),
            "name": QCoreApplication.translate("Errors", "name"),
            "sex_code": QCoreApplication.translate("Errors", "sex"),
            "nation_code": QCoreApplication.translate("Errors", "ethnic group"),
            "birthplace": QCoreApplication.translate("Errors", "place of birth"),
            "birth_date": QCoreApplication.translate("Errors", "date of birth"),
        },
        "setting": {
            "color": QCoreApplication.translate("Errors", "colour"),
            "gray": QCoreApplication.translate("Errors", "greyscale"),
            "lineart": QCoreApplication.translate("Errors", "black and white"),
            "flatbed": QCoreApplication.translate("Errors", "flatbed"),
            "adf": QCoreApplication.translate("Errors", "document feeder"),
            "adf_duplex": QCoreApplication.translate("Errors", "two-sided document feeder"),
        },
        "what": {
            "vendor ID": QCoreApplication.translate("Errors", "vendor ID"),
            "product ID": QCoreApplication.translate("Errors", "product ID"),
        },
    }


def worded(params: dict[str, str]) -> dict[str, str]:
    """`params` with code values replaced by their words (unknown values stay as they are)."""
    words = param_words()
    return {key: words.get(key, {}).get(value, value) for key, value in params.items()}
