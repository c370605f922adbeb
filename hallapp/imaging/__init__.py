"""Pages as images, no device: what happens to a material between the scanner (or a file) and the case.

  importer    load_pages: PDF (pdftoppm), JPEG, PNG, TIFF, upright by EXIF; ImportFailed and its codes
  processing  clean_page, deskew, crop_borders, to_grey, to_bw, looks_like_text, rotate, crop, thumbnail
  pdf         pages_to_pdf (JPEG / CCITT G4, deterministic bytes), sha256_of
  sample      the demo's sample pages and SampleScanner, which hands them over

Pillow and numpy only (and pdftoppm as a separate program); nothing here knows the database, Qt or a
device. Every call may block on image work: the window runs them in a worker (ui/tasks.py Task).
The material PDF is written here rather than with reportlab or img2pdf: see pdf.py.
"""
