"""The SOP as plain data: reading option values and step tables, the model, its checks.

Nothing here imports Sphinx or docutils.
"""
