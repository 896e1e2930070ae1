"""chiso: digital transformation indices for Vietnam's provinces and communes."""

__version__ = "0.1.0"
