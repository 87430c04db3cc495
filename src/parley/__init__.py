"""parley: a sourced, structured record of diplomacy and conflict from raw news coverage."""

__version__ = "0.1.0"
