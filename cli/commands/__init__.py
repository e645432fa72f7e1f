"""One module per ``aiact`` command; each exports ``command``."""
