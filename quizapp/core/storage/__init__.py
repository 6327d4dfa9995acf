"""The progress database, one module per table or concern (in the manner of Anki's storage).

``db`` opens the file and holds the one transaction helper; ``migrations`` has every table;
``records`` the named tuples the rest of the app reads; ``cards`` deck sync and renames;
``revlog`` the review log and undo; ``queues`` what to study; ``marks`` suspend, bury, flag,
reset and reports; ``browse`` the browser's rows and the CSV export; ``history`` imported
review history; ``config`` named settings; ``exams`` the exam and quiz tables; ``figures``
the statistics' queries; ``transfer`` progress moved between machines.

Only this package touches the SQLite connection; the rest of the app asks
``quizapp.core.store.Store``, a thin façade over these modules.
"""
