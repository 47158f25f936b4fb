"""The lesson studio: a browser page over the lesson API (see README.md beside this file)."""
