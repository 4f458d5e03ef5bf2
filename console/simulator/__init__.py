"""Panel simulator: made-up transmitters sending realistic DC-09 traffic to a receiver.

For load and interoperability tests of any DC-09 receiver, Vigie's own or another. Qt-free and
storage-free: it only needs the domain, the frame codec and the demo traffic scenarios.
"""

from console.simulator.encoding import Payload, link_test_payload, payload_frame, signal_payload
from console.simulator.panels import PROTOCOLS, SCENARIO_NAMES, Message, SimulatedPanel, Traffic, make_panels
from console.simulator.runner import SimulatorConfig, Summary, TargetUnreachable, run_simulation

__all__ = [
    "PROTOCOLS",
    "SCENARIO_NAMES",
    "Message",
    "Payload",
    "SimulatedPanel",
    "SimulatorConfig",
    "Summary",
    "TargetUnreachable",
    "Traffic",
    "link_test_payload",
    "make_panels",
    "payload_frame",
    "run_simulation",
    "signal_payload",
]
