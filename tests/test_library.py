"""The library surface: ``eventwire.extract`` stays the function however often it is called
and whatever of the package has been imported."""
from __future__ import annotations

import subprocess
import sys


def test_extract_stays_the_function_after_the_pipeline_has_run():
    code = (
        "import eventwire\n"
        "text = 'Gunmen killed two people in a market in Kabul on Tuesday.'\n"
        "first = eventwire.extract(text, published='2020-01-02')\n"
        "from eventwire.extract import dates  # the stage package, by its full name\n"
        "second = eventwire.extract(text, published='2020-01-02')\n"
        "assert callable(eventwire.extract) and dates.__name__ == 'eventwire.extract.dates'\n"
        "assert [e.event_type for e in first] == [e.event_type for e in second] == ['Violence against civilians']\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
