"""Data files: every file a user hands commedu, read into the model and written back.

A plan, a ledger and a profile all go the same way: the bytes are read with a size bound and
decoded (:mod:`.decode`), parsed with the guards every parser needs (:mod:`.syntax`), turned into
typed values by a strict converter (:mod:`.convert`), and every problem on the way is a
:class:`~commedu.errors.Problem` with its line and column (:mod:`.locate`) and a message code.

The shapes built on that chain live here too, one module per idea: plan files (:mod:`.plan`,
:mod:`.plan_write`, the starter file :mod:`.starter` and the editing hints :mod:`.hints`) and
ledgers (:mod:`.ledger`, :mod:`.ledger_write`, the sheet columns both share :mod:`.columns`)
and standard profiles (:mod:`.profile`).
Each reader raises the problems as its own error (``PlanFileError``, ``LedgerFileError``,
``ProfileError``); :mod:`.names` keeps the older verbs for one release.
"""
