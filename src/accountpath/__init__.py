"""Account Path: the competency model of agency account roles and everything generated from it."""

__version__ = "0.1.0"
