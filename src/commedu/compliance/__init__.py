"""Compliance: the engine, standard profiles, reports and the built-in rule families.

Rules read the model and never the calendars.
"""
