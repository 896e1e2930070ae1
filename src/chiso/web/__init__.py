"""The web face of chiso: server-rendered pages, the JSON API and open-data downloads."""
