"""What pytest's junitxml fixtures record under --junitxml, kept for Node's JUnit writer.

Node writes the JUnit file; the workers' pytest has no --junitxml. When the run writes one
(init.junitFamily), a LogXML stand-in goes in the pytest engine's config stash (and the native
engine's builtins use one), so that pytest's record_property, record_xml_attribute and
record_testsuite_property warn as under --junitxml and what they record goes with each test's
result. The classes carry pytest's names: a failure's locals print them.
"""
from .results import MESSAGE_LIMIT, bounded

# (name, value) that record_testsuite_property recorded and no result has carried yet
suite_properties = []


class _NodeReporter:
    """The part of pytest's junitxml._NodeReporter that record_xml_attribute hands to a test."""

    def __init__(self, attributes):
        self.attributes = attributes

    def add_attribute(self, name, value):
        self.attributes[str(name)] = str(value)


class LogXML:
    """The part of pytest's junitxml.LogXML the junitxml fixtures use."""

    def __init__(self, family):
        self.family = "xunit1" if family == "legacy" else family
        self.attributes = {}  # nodeid -> record_xml_attribute's {name: value}

    def node_reporter(self, report):
        nodeid = getattr(report, "nodeid", report)
        return _NodeReporter(self.attributes.setdefault(nodeid, {}))

    def add_global_property(self, name, value):
        __tracebackhide__ = True
        from _pytest.junitxml import _check_record_param_type

        _check_record_param_type("name", name)
        suite_properties.append((name, str(value)))

    def add_records(self, result, nodeid, user_properties):
        """What the junitxml fixtures recorded while test `nodeid` ran, on its result: record_property's
        pairs (`userProperties`, str() of each, as pytest's LogXML writes them), record_xml_attribute's
        (`xmlAttributes`) and record_testsuite_property's since the last result (`suiteProperties`)."""
        xml_attributes = self.attributes.pop(nodeid, None) if self.attributes else None
        if user_properties:
            result["userProperties"] = _pairs(user_properties)
        if xml_attributes:
            result["xmlAttributes"] = _pairs(xml_attributes.items())
        if suite_properties:
            result["suiteProperties"] = _pairs(suite_properties)
            del suite_properties[:]


_NodeReporter.__module__ = LogXML.__module__ = "_pytest.junitxml"


def _pairs(recorded):
    return [[bounded(str(name), MESSAGE_LIMIT), bounded(str(value), MESSAGE_LIMIT)] for name, value in recorded]
