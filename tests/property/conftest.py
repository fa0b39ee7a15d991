"""Property tests need no database; they run the parsers on generated hostile input."""
