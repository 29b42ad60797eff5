"""The adviser's desk: a local case register in the browser (SQLite, one file, nothing sent anywhere).

``store`` keeps the case records (version 2, validated by the same model as everywhere else), ``board``
their deadlines, ``app`` serves the German pages over WSGI, ``server`` binds it to the loopback address.
"""
