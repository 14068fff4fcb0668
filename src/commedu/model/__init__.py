"""The plan itself: its parts, its *when* values and the whole plan, validated on construction.

This room imports nothing of commedu but the foundation (errors and messages); every other room
reads or writes these types.
"""
