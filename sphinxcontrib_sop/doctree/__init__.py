"""The doctree parts of an SOP: the node classes and the tables built from the model."""
