"""Version control: reading a handbook's history from git (no Sphinx, no docutils)."""
