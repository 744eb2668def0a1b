"""The Topo API's request builders (`api/`), request models (`models/`), response models (`responses.py`) and
resources (`resources/`), generated from the spec; topo_ext is the client that uses them."""
