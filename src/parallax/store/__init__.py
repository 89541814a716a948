"""The store: a corpus that lives between runs (issue 15). See docs/ARCHITECTURE.md."""
