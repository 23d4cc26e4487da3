"""fastest's Python runtime: a persistent worker that runs test units for the Node side."""
