"""What a suite prints and writes: the progress line, the summary, JUnit XML.

The generic summary lists the jobs that did not pass (or every job, when the
plan's options say "list": true) and ends with one line of counts; a suite
with its own table (the co-simulation regression) gives a report() hook.
"""
import datetime
import os
import re
import signal
import socket
import time
import xml.etree.ElementTree as ET

FULL_REPORTS = 10       # failed jobs reported with their output
BRIEF_REPORTS = 100     # further failed jobs listed one line each

# Characters XML 1.0 cannot carry, and terminal controls that would garble a log.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    """Make output text safe for a terminal and for XML: controls become \\xNN."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text.expandtabs(8))


def signal_name(number):
    """Return "SIGSEGV" for 11, or "signal 99" for a number Python does not know."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def si(value):
    """Format a rate compactly: 950, 12.3k, 1.2M, 3.4G."""
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.1f}{unit}"
    return f"{value:.0f}"


def clock(seconds):
    """Format a duration as m:ss or h:mm:ss."""
    s = int(seconds + 0.5)
    h, m, s = s // 3600, s // 60 % 60, s % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def duration(seconds):
    """Format a duration for a table: 3.4 s below a minute, else h:mm:ss."""
    return f"{seconds:.1f} s" if seconds < 60 else clock(seconds)


def write_file(path, text):
    """Write a file whole or not at all."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def words_of(plan):
    """Return the plan's names for pass, fail and broken."""
    return plan.get("words") or {"pass": "pass", "fail": "fail", "broken": "broken"}


class Progress:
    """The progress line: redrawn in place on a terminal, every 10% otherwise.

    rate: a figure the jobs report (e.g. "cycles") shown per second of wall time.
    """

    def __init__(self, total, stream, words=None, rate=None, names=None):
        self.total, self.stream, self.rate = total, stream, rate
        self.words = words or {"pass": "pass", "fail": "fail", "broken": "broken"}
        self.names = names or {}   # id -> how to name the job in a FAIL line
        self.tty = stream.isatty()
        self.began = time.monotonic()
        self.counts = {"pass": 0, "fail": 0, "broken": 0}
        self.amount = 0      # sum of the rate figure
        self.shown = 0       # length of the line on screen (terminal)
        self.decile = 0      # last 10% step printed (log)
        self.drawn_at = 0.0
        self.reported = 0    # failures printed as they happened

    def line(self):
        """Return e.g. "[ 123/2000]   6% pass 123 fail 0  1.2M cycles/s  eta 0:45"."""
        done = sum(self.counts.values())
        elapsed = max(time.monotonic() - self.began, 1e-6)
        eta = clock(elapsed / done * (self.total - done)) if done else "-:--"
        width = len(str(self.total))
        text = (f"[{done:{width}d}/{self.total}] {done * 100 // self.total:3d}%"
                f" {self.words['pass']} {self.counts['pass']}"
                f" {self.words['fail']} {self.counts['fail']}")
        if self.counts["broken"]:
            text += f" {self.words['broken']} {self.counts['broken']}"
        if self.rate:
            text += f"  {si(self.amount / elapsed)} {self.rate}/s"
        return text + f"  eta {eta}"

    def add(self, record):
        """Count a finished job, print it if it did not pass, update the line."""
        verdict = record["verdict"]
        self.counts[verdict] += 1
        figures = record.get("figures") or {}
        if self.rate and isinstance(figures.get(self.rate), (int, float)):
            self.amount += figures[self.rate]
        if verdict != "pass" and self.reported <= FULL_REPORTS:
            self.reported += 1
            name = self.names.get(record["id"], record["id"])
            text = (f"{self.words[verdict].upper()} {name}: {record['reason']}"
                    if self.reported <= FULL_REPORTS
                    else "(more failures; every one is listed at the end)")
            self.clear()
            print(text, file=self.stream, flush=True)
        done = sum(self.counts.values())
        if self.tty:
            self.tick(force=done == self.total)
        elif done * 10 // self.total > self.decile:
            self.decile = done * 10 // self.total
            print(self.line(), file=self.stream, flush=True)

    def tick(self, force=False):
        """Redraw the terminal line (at most ten times a second unless forced)."""
        now = time.monotonic()
        if not self.tty or (not force and now - self.drawn_at < 0.1):
            return
        self.drawn_at = now
        text = self.line()
        self.stream.write("\r" + text.ljust(self.shown))
        self.stream.flush()
        self.shown = len(text)

    def clear(self):
        """Erase the terminal line so other output starts on a clean line."""
        if self.tty and self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def failure_lines(record, name, word, results):
    """Return the report of one job that did not pass: reason, reproduce, log, output."""
    out = [f"--- {name} ({word}): {record['reason']}"]
    tail = record.get("tail") or []
    if not any(line.lstrip().startswith("reproduce:") for line in tail):
        out.append(f"    reproduce: {record['reproduce']}")
    if record.get("log"):
        out.append(f"    log: {os.path.join(results, record['log'])}")
    return out + ([f"    | {line}" for line in tail] or ["    (no output)"])


def generic_summary(plan, have, extra, results):
    """Return the generic summary lines: verdicts, failures in full, counts."""
    words = words_of(plan)
    listing = plan.get("options", {}).get("list", False)
    out = list(extra)
    done = [(j, have[j["id"]]) for j in plan["jobs"] if j["id"] in have]
    if listing:
        out += [f"{words[r['verdict']]:<7} {j['name']}: {r['reason']}" for j, r in done]
    bad = [(j, r) for j, r in done if r["verdict"] != "pass"]
    if bad:
        out += ["", f"jobs that did not pass ({len(bad)}):"]
        for j, r in bad[:FULL_REPORTS]:
            out += failure_lines(r, j["name"], words[r["verdict"]].upper(), results)
        for j, r in bad[FULL_REPORTS:FULL_REPORTS + BRIEF_REPORTS]:
            out.append(f"    {j['name']}: {r['reason']}; reproduce: {r['reproduce']}")
    counts = {v: sum(r["verdict"] == v for _, r in done) for v in words}
    line = f"{plan['suite']}: " + ", ".join(f"{counts[v]} {words[v]}" for v in words)
    lacking = len(plan["jobs"]) - len(done)
    if lacking:
        line += f", {lacking} without a record"
    return out + ["", line]


def junit_case(parent, name, classname, record):
    """Add one testcase: a failure element for fail, an error element for broken."""
    case = ET.SubElement(parent, "testcase", name=name, classname=classname,
                         time=f"{record.get('seconds', 0.0):.3f}")
    if record["verdict"] != "pass":
        tag = "failure" if record["verdict"] == "fail" else "error"
        element = ET.SubElement(case, tag, type=record["kind"],
                                message=clean(f"{record['reason']}; reproduce: {record['reproduce']}"))
        element.text = "\n".join(record.get("tail") or []) or "(no output)"
    return case


def junit_document(root):
    """Return the text of a JUnit XML document."""
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def suite_element(root, name, records, properties):
    """Add a testsuite element with counts, time, timestamp, host and properties."""
    suite = ET.SubElement(root, "testsuite", name=name, tests=str(len(records)),
                          failures=str(sum(r["verdict"] == "fail" for r in records)),
                          errors=str(sum(r["verdict"] == "broken" for r in records)),
                          skipped="0", time=f"{sum(r.get('seconds', 0.0) for r in records):.3f}",
                          timestamp=datetime.datetime.now().replace(microsecond=0).isoformat(),
                          hostname=socket.gethostname())
    props = ET.SubElement(suite, "properties")
    for pname, value in properties:
        ET.SubElement(props, "property", name=pname, value=str(value))
    return suite


def generic_junit(plan, have, wall):
    """Return JUnit XML for a suite: one testsuite, one testcase per job with a record."""
    done = [(j, have[j["id"]]) for j in plan["jobs"] if j["id"] in have]
    recs = [r for _, r in done]
    root = ET.Element("testsuites", name=plan["suite"], tests=str(len(recs)),
                      failures=str(sum(r["verdict"] == "fail" for r in recs)),
                      errors=str(sum(r["verdict"] == "broken" for r in recs)), time=f"{wall:.3f}")
    suite = suite_element(root, plan["suite"], recs, plan.get("options", {}).get("properties", []))
    for job, record in done:
        junit_case(suite, job["id"], plan["suite"], record)
    return junit_document(root)


def stats(have, sessions, figure):
    """Return a table per place that ran jobs: jobs, the figure's sum, busy time, rate.

    Busy time is the sum of the jobs' own run times; the rate is the figure per
    busy second, i.e. what one worker of that task achieved. The sessions'
    wall times follow, with the figure per wall second for the whole run.
    """
    places = {}
    for record in have.values():
        p = places.setdefault(record.get("where", "?"), [0, 0, 0.0])
        value = (record.get("figures") or {}).get(figure)
        p[0] += 1
        p[1] += value if isinstance(value, (int, float)) else 0
        p[2] += record.get("seconds", 0.0)
    width = max([len(w) for w in places] + [5])
    out = [f"{'where':<{width}}  {'jobs':>6}  {figure:>14}  {'busy':>9}  {figure + '/s':>12}"]
    for where in sorted(places, key=lambda w: [int(x) if x.isdigit() else x
                                                for x in w.replace("_", " ").split()]):
        jobs, total, busy = places[where]
        rate = si(total / busy) if busy else "-"
        out.append(f"{where:<{width}}  {jobs:>6}  {total:>14,}  {duration(busy):>9}  {rate:>12}")
    grand = sum(p[1] for p in places.values())
    wall = sum(s["wall"] for s in sessions)
    out.append(f"wall time {duration(wall)} in {len(sessions)} session(s)"
               f" ({', '.join(s['where'] for s in sessions)}): {grand:,} {figure},"
               f" {si(grand / wall) if wall else '-'} {figure}/s over the wall time")
    return out
