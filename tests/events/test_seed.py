"""The article that started the project is coded as the spec says (event-record.md)."""

from __future__ import annotations

from communique.ingest import read_inputs


def test_seed_is_one_visit_mar_mil_to_mrt_mil(shared, coder) -> None:
    coded = list(coder.code_items(read_inputs([str(shared / "seed" / "seed.txt")])))
    assert len(coded) == 1 and coded[0].rejected is None
    events = coded[0].events
    assert [(e.event, e.mode) for e in events] == [("CONSULT", "visit")]
    ev = events[0]
    assert [(a.code, a.sector) for a in ev.actor] == [("MAR", "MIL")]
    assert [(r.code, r.sector) for r in ev.recipient] == [("MRT", "MIL")]
    assert ev.event_loc.resolved_place == "Nouakchott" and ev.event_loc.country_code == "MRT"
    assert {"military", "intelligence"} <= set(ev.context)
    people = {p.name: p for p in ev.people}
    assert people["Idriss Hadd Zine"].title == "colonel"
    assert people["Idriss Hadd Zine"].country == "MAR" and people["Idriss Hadd Zine"].side == "actor"
    assert people["Iselmou Bedy Messaoud"].title == "colonel ingénieur"
    assert people["Iselmou Bedy Messaoud"].country == "MRT"
    assert people["Iselmou Bedy Messaoud"].side == "recipient"
    text = (shared / "seed" / "seed.txt").read_text(encoding="utf-8")
    for span in ev.event_text:
        assert text[span.start:span.end] == span.text
    # nothing from the background sentences
    assert all("piliers du partenariat" not in s.text for s in ev.event_text)
    assert ev.explanation and "rendre" in ev.explanation
