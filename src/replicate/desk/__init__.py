"""The adviser's desk: a local case register in the browser (SQLite, one file, nothing sent anywhere).

``store`` keeps the case records (version 2, validated by the same model as everywhere else), ``board``
their deadlines, ``app`` serves the German pages over WSGI, ``server`` binds it to the loopback address.
``db`` opens the file on one of two paths (``sqlite3`` plain, ``apsw-sqlite3mc`` encrypted), ``crypt``
encrypts a copy or an existing file, ``land`` picks the rules for the settings' Land.
"""
