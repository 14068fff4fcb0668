"""Calendars: the schedule as RFC 5545 iCalendar, whole or split by department or station.

Calendars read the model and never the rules.
"""
