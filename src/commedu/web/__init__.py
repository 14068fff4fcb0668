"""The web: a plan folder served as live calendar feeds, and the year at a glance as a page.

Plain WSGI (PEP 3333) and the standard library only, so any WSGI server can run it; the
command line embeds waitress. Reads the model, plan files, the rule engine and the calendars.
"""
