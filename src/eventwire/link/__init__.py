"""link: events from different articles that describe one incident → incidents.

``link_events(events)`` groups a batch; ``assign(event, incidents)`` places one
new event among stored incidents; ``reconcile(incident)`` gives the merged
record with counts as low/best/high over sources.
"""
from __future__ import annotations

from ._config import LinkConfig, load_config
from ._link import (Comparison, Incident, Link, Placement, assign, attach_follow_ups, blocked_together, compare,
                    identity_keys_of, incident_id_for, joins_as_follow_up, lead_first, link_events, merge_into, place, place_follow_up, with_identities,
                    with_identity)
from ._reconcile import reconcile

__all__ = ["Comparison", "Incident", "Link", "LinkConfig", "assign", "attach_follow_ups", "blocked_together", "compare",
           "identity_keys_of", "incident_id_for", "joins_as_follow_up", "lead_first", "link_events", "load_config", "merge_into", "place", "place_follow_up", "Placement", "reconcile", "with_identities", "with_identity"]
