"""One module per schema version; ``0001_initial`` is the first store."""
