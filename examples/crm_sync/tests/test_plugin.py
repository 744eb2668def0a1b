"""This run uses the Topo plugin the way a user gets it: through the installed distribution's entry point."""


def test_the_topo_plugin_comes_from_the_installed_distribution(pytestconfig):
    plugin = pytestconfig.pluginmanager.get_plugin("topo")
    assert plugin is not None
    assert plugin.__name__ == "topo_tools.testing.plugin"
    dists = {dist.metadata["name"] for p, dist in pytestconfig.pluginmanager.list_plugin_distinfo() if p is plugin}
    assert dists == {"topo-tools"}
