#!/usr/bin/env python3
"""pagewalk-trace: compare two MMU traces, or summarize one (docs/trace-format.md, version 1).

usage: pagewalk-trace diff A B [--untimed] [--context N] [--max-lines N]
       pagewalk-trace stats T [--json]

Both commands validate every line of their traces first-to-last; a malformed
line is reported as `FILE:LINE: error: WHAT`. Exit status: diff 0 when the
traces agree, 1 when they differ; stats 0; both 2 for a usage error, a
missing file or a malformed trace.
"""
import argparse
import collections
import itertools
import json
import os
import re
import sys

VERSION = 1
HEADER = "pagewalk-trace %d" % VERSION
EXIT_SAME, EXIT_DIFFER, EXIT_USAGE = 0, 1, 2
CHUNK_BYTES = 1 << 18  # bytes of lines parsed per batch of events

# Events in the order the format's table gives them: the order within a cycle.
EVENTS = ("reset", "ctx", "sfence", "req", "resp", "mem", "memresp", "evict", "fill")
# Events the untimed comparison drops: inputs scheduled by cycle, whose effects
# (root address, ASID, TLB contents) show in the events that remain.
UNTIMED_DROPPED = ("reset", "ctx")

# mcause values the MMU reports (cmodel/gen/pagewalk.defs, CAUSE_*).
FAULT_CAUSES = {
    1: "fetch access",
    5: "load access",
    7: "store access",
    12: "fetch page",
    13: "load page",
    15: "store page",
}

# Field values: (regular expression, what it must be). Widths are those of the
# MMU's ports, so a 34-bit address is 9 hex digits whose first is at most 3.
HEX8 = ("[0-9a-f]{8}", "8 lower-case hex digits")
HEX34 = ("[0-3][0-9a-f]{8}", "9 lower-case hex digits, at most 3ffffffff (34 bits)")
ASID = ("[01][0-9a-f]{2}", "3 lower-case hex digits, at most 1ff (9 bits)")
VPN = ("[0-9a-f]{5}", "5 lower-case hex digits")
PPN = ("[0-3][0-9a-f]{5}", "6 lower-case hex digits, at most 3fffff (22 bits)")
BIT = ("[01]", "0 or 1")
CAUSE = ("1[0-5]|[0-9]", "a decimal cause from 0 to 15")
INDEX = ("[12][0-9]|3[01]|[0-9]", "a decimal entry index from 0 to 31")
PERM = ("[R-][W-][X-][U-][D-]", "the flags RWXUD, a '-' for each clear one")
ACCESS = ("[rwx]", "r, w or x")
PRIV = ("[USM]", "U, S or M")

# Each event's fields, as one or more forms; a form is a list of literal words
# and (key, value) fields, in the documented order.
GRAMMAR = {
    "reset": [[]],
    "ctx": [[("satp", HEX8), ("sum", BIT), ("mxr", BIT)]],
    "sfence": [[("va", HEX8), ("asid", ASID), ("all_va", BIT), ("all_asid", BIT)]],
    "req": [[("va", HEX8), ("acc", ACCESS), ("priv", PRIV)]],
    "resp": [[("pa", HEX34)], [("fault", CAUSE)]],
    "mem": [["rd", ("addr", HEX34)], ["wr", ("addr", HEX34), ("data", HEX8)]],
    "memresp": [[("data", HEX8)], ["err"]],
    "evict": [[("idx", INDEX)]],
    "fill": [[("idx", INDEX), ("vpn", VPN), ("asid", ASID), ("mega", BIT), ("g", BIT),
              ("ppn", PPN), ("perm", PERM)]],
}


def _form_pattern(form):
    """Return the regular expression of one form's fields, each preceded by a space."""
    parts = []
    for token in form:
        if isinstance(token, str):
            parts.append(" " + token)
        else:
            key, (value, _) = token
            parts.append(" %s=(?:%s)" % (key, value))
    return "".join(parts)


def _line_pattern():
    """Return one regular expression for every valid event line; lastindex tells the event."""
    events = []
    for name in EVENTS:
        forms = "|".join("(?:%s)" % _form_pattern(form) for form in GRAMMAR[name])
        events.append("(?P<%s>%s(?:%s))" % (name, name, forms))
    # One match per line (group 1 the cycle, then one group per event, in
    # EVENTS order) is what keeps a million-cycle trace to a few seconds.
    return re.compile(r"(0|[1-9][0-9]*) (?:%s)\n?" % "|".join(events))


LINE = _line_pattern()
NAMES = (None, None) + EVENTS  # LINE's group number -> event
EVICT, FILL = NAMES.index("evict"), NAMES.index("fill")
CYCLE = re.compile(r"0|[1-9][0-9]*")


class TraceError(Exception):
    """A trace that cannot be read or breaks the format, at a line when known."""

    def __init__(self, path, line, what):
        super().__init__(what)
        self.path, self.line, self.what = path, line, what

    def __str__(self):
        where = self.path if self.line is None else "%s:%d" % (self.path, self.line)
        return "%s: error: %s" % (where, self.what)


def _describe_form(name, form):
    """Return a form as the format's table writes it, e.g. 'mem rd addr=...'."""
    words = [name]
    for token in form:
        words.append(token if isinstance(token, str) else token[0] + "=...")
    return " ".join(words)


def _check_form(form, words):
    """Return (how far the words got, None or what is wrong) for one form."""
    for pos, token in enumerate(form):
        if pos >= len(words):
            want = token if isinstance(token, str) else token[0] + "="
            return 2 * pos, "missing '%s'" % want
        word = words[pos]
        if isinstance(token, str):
            if word != token:
                return 2 * pos, "expected '%s', got '%s'" % (token, word)
            continue
        key, (value, what) = token
        if not word.startswith(key + "="):
            return 2 * pos, "expected field '%s=' here, got '%s'" % (key, word)
        if not re.fullmatch(value, word[len(key) + 1:]):
            return 2 * pos + 1, "bad value in '%s': expected %s" % (word, what)
    if len(words) > len(form):
        return 2 * len(form), "unexpected '%s' after the last field" % words[len(form)]
    return 2 * len(form), None


def explain(line):
    """Return what is wrong with an event line that LINE did not match."""
    if not line.strip():
        return "empty line (every line is a header, a # comment or an event)"
    bad = re.search(r"[^\x21-\x7e ]", line)
    if bad:
        return "unexpected character %r (a trace is printable ASCII, fields separated by " \
            "single spaces)" % bad.group()
    words = line.split(" ")
    if "" in words:
        return "fields are separated by single spaces, with none at the ends"
    if not CYCLE.fullmatch(words[0]):
        return "cycle '%s' is not a decimal number without leading zeros" % words[0]
    if len(words) < 2:
        return "no event after the cycle"
    name = words[1]
    if name not in GRAMMAR:
        return "unknown event '%s' (version %d has %s)" % (name, VERSION, ", ".join(EVENTS))
    tried = [_check_form(form, words[2:]) for form in GRAMMAR[name]]
    reach = max(score for score, _ in tried)
    if len(tried) > 1 and reach == 0:
        return "expected %s" % " or ".join(
            "'%s'" % _describe_form(name, form) for form in GRAMMAR[name])
    for (score, what), form in zip(tried, GRAMMAR[name]):
        if score == reach and what:
            if not what.startswith("bad value"):
                what += " (the format: '%s')" % _describe_form(name, form)
            return what
    return "not a valid '%s' line" % name


class Trace:
    """One trace file read as a stream of validated events."""

    def __init__(self, path, max_events=None):
        self.path = path
        self.max_events = max_events  # stop after this many events (None: all)
        self.line = 0                 # line of the last event read (1: the header)
        self.lines = 0                # lines read
        self.last_cycle = None        # cycle of the last event read
        self.cut = False              # stopped by max_events, not at the end of the file

    def events(self):
        """Return an iterator of (cycle, event, text after the cycle, line number), file order."""
        return itertools.chain.from_iterable(self._batches())

    def _batches(self):
        """Yield the events as lists, a batch at a time (cheaper than one yield per event)."""
        try:
            with open(self.path, encoding="utf-8", errors="replace") as stream:
                yield from self._parse(stream)
        except OSError as err:
            raise TraceError(self.path, None, "cannot read: %s" % (err.strerror or err)) from None

    def _parse(self, stream):
        """Validate the lines of an open trace, yielding its events in batches."""
        path = self.path
        header = stream.readline()
        self.line = self.lines = 1
        if header.rstrip("\n") != HEADER:
            if header == "":
                raise TraceError(path, 1, "empty file, expected '%s'" % HEADER)
            version = re.fullmatch(r"pagewalk-trace (\S+)\n?", header)
            if version:
                raise TraceError(path, 1, "trace version %s is not known (this tool reads "
                                 "version %d)" % (version.group(1), VERSION))
            raise TraceError(path, 1, "expected '%s' as the first line" % HEADER)
        match, names = LINE.fullmatch, NAMES
        limit = float("inf") if self.max_events is None else self.max_events
        count = 0                     # events so far
        number = 1                    # line number
        prev_text, cycle, prev_rank = None, -1, 0
        evict = None                  # (cycle, "idx=N", line) of an evict whose fill comes next
        event = None
        try:
            # A chunk of lines at a time, one batch of events per chunk: the
            # loop below is the hot path of a million-cycle trace.
            for chunk in iter(lambda: stream.readlines(CHUNK_BYTES), []):
                batch = []
                append = batch.append
                for number, text in enumerate(chunk, number + 1):
                    m = match(text)
                    if m is None:
                        if text[:1] == "#":
                            continue
                        raise TraceError(path, number, explain(text.rstrip("\n")))
                    if count >= limit:
                        self.cut = True
                        number -= 1
                        break
                    count += 1
                    rank = m.lastindex
                    cycle_text = m.group(1)
                    if cycle_text != prev_text:
                        # Only a new cycle stamp needs converting (events share them).
                        now = int(cycle_text)
                        if now < cycle:
                            raise TraceError(path, number, "cycle %d after cycle %d (cycles "
                                             "must not decrease)" % (now, cycle))
                        prev_text, cycle = cycle_text, now
                    elif rank <= prev_rank:
                        raise TraceError(path, number, _order_error(rank, prev_rank, cycle))
                    prev_rank = rank
                    body = m.group(rank)
                    if evict is not None:
                        # An evict names the entry the fill right below it rewrites.
                        if rank != FILL:
                            raise TraceError(path, evict[2], "evict in cycle %d without its "
                                             "fill" % evict[0])
                        index = body.split(" ", 2)[1]
                        if index != evict[1]:
                            raise TraceError(path, number, "fill %s after evict %s (an evict "
                                             "names the entry the fill rewrites)"
                                             % (index, evict[1]))
                        evict = None
                    elif rank == EVICT:
                        evict = (cycle, body[6:], number)
                    event = (cycle, names[rank], body, number)
                    append(event)
                yield batch
                if self.cut:
                    break
            if evict is not None and not self.cut:
                raise TraceError(path, evict[2], "evict in cycle %d without its fill" % evict[0])
        finally:
            self.lines = number
            if event is not None:
                self.last_cycle, self.line = event[0], event[3]


def _order_error(rank, prev_rank, cycle):
    """Return what is wrong when an event's rank does not rise within its cycle."""
    name = NAMES[rank]
    if rank == prev_rank:
        return "a second '%s' in cycle %d" % (name, cycle)
    return "'%s' after '%s' in cycle %d (within a cycle the order is %s)" % (
        name, NAMES[prev_rank], cycle, ", ".join(EVENTS))


def transaction_order(events):
    """Yield a trace's events without timing: the order --untimed compares (see UNTIMED_HELP)."""
    waiting = False                 # a request was yielded and its response has not come
    held = collections.deque()      # requests accepted while an earlier one still waited
    fences = collections.deque()    # sfences not yet at the transaction boundary they follow
    resp_cycle = None               # cycle of the last response: its evict and fill follow it
    reset_cycle = None              # last reset cycle whose aborted requests are unsettled
    for event in events:
        cycle, name = event[0], event[1]
        if reset_cycle is not None and cycle > reset_cycle:
            # Requests still unanswered after a reset cycle never will be.
            while held:
                yield held.popleft()
            waiting, reset_cycle = False, None
        if not waiting and (resp_cycle != cycle or name not in ("evict", "fill")):
            while held or fences:
                if held and (not fences or held[0][0] <= fences[0][0]):
                    # A request accepted by the sfence's cycle was looked up before the flush.
                    yield held.popleft()
                    waiting = True
                    break
                if name == "req" and cycle == fences[0][0]:
                    break
                yield fences.popleft()
        if name in UNTIMED_DROPPED:
            if name == "reset":
                reset_cycle = cycle
        elif name == "sfence":
            fences.append(event)
        elif name == "req":
            if waiting or held:
                held.append(event)
            else:
                waiting = True
                yield event
        else:
            if name == "resp":
                waiting, resp_cycle = False, cycle
            yield event
    # At the end, whatever waited goes out in the order it was taken.
    while held or fences:
        if held and (not fences or held[0][0] <= fences[0][0]):
            yield held.popleft()
        else:
            yield fences.popleft()


class Agreed:
    """What the agreed part of two traces holds: events by kind, faults by cause, cycles."""

    def __init__(self):
        self.events = 0
        self.counts = dict.fromkeys(EVENTS, 0)
        self.variants = collections.Counter()  # "mem rd", "mem wr", "memresp err", "resp fault=N"
        self.first = self.last = None          # (A's event, B's event), first and last agreed

    def causes(self):
        """Return {cause: faults} of the agreed responses."""
        return {int(key[11:]): n for key, n in self.variants.items() if key[:6] == "resp f"}

    def span(self, side):
        """Return the cycles one side's agreed events cover, e.g. 'cycles 0 to 181'."""
        if self.first is None:
            return "no cycles"
        return "cycles %d to %d" % (self.first[side][0], self.last[side][0])

    def lines(self, untimed):
        """Return the summary as text lines."""
        c, v = self.counts, self.variants
        causes = self.causes()
        span = "%s in A, %s in B" % (self.span(0), self.span(1)) if untimed else self.span(0)
        return [
            "agreed: %d events (%s), %s" % (
                self.events, "transaction order" if untimed else "timed", span),
            "  translations %d (resp events), faults %d%s" % (
                c["resp"], sum(causes.values()), fault_list(causes)),
            "  requests %d, fills %d, evictions %d, sfences %d" % (
                c["req"], c["fill"], c["evict"], c["sfence"]),
            "  memory reads %d, writes %d, errors %d" % (
                v["mem rd"], v["mem wr"], v["memresp err"]),
        ]


class Comparison:
    """The outcome of comparing two traces: the first divergence, if any, and what agreed."""

    def __init__(self, trace_a, trace_b, untimed):
        self.traces = (trace_a, trace_b)
        self.untimed = untimed
        self.agreed = Agreed()
        self.before = []        # (A's event, B's event) pairs just before the divergence
        self.a = self.b = None  # the diverging events; None on a side that ended
        self.same = False

    def cycle(self):
        """Return the cycle of the divergence (the earlier side's, when they differ)."""
        return min(event[0] for event in (self.a, self.b) if event is not None)


def fault_list(causes):
    """Return faults by cause as ': 13 load page 2, 15 store page 1', or ''."""
    if not causes:
        return ""
    return ": " + ", ".join("%d %s %d" % (cause, FAULT_CAUSES.get(cause, "unknown"), n)
                            for cause, n in sorted(causes.items()))


def compare(path_a, path_b, untimed=False, context=10, max_lines=None):
    """Compare two traces up to their first divergence, validating both to the end."""
    trace_a, trace_b = Trace(path_a, max_lines), Trace(path_b, max_lines)
    stream_a, stream_b = trace_a.events(), trace_b.events()
    if untimed:
        stream_a, stream_b = transaction_order(stream_a), transaction_order(stream_b)
    timed = not untimed
    result = Comparison(trace_a, trace_b, untimed)
    agreed = result.agreed
    counts, variants = agreed.counts, agreed.variants
    before = collections.deque(maxlen=max(context, 1))
    a = b = None
    for a, b in itertools.zip_longest(stream_a, stream_b):
        if a is None or b is None or a[2] != b[2] or (timed and a[0] != b[0]):
            break
        # Counted inline: this loop runs once per event of a long trace.
        name = a[1]
        counts[name] += 1
        if name == "mem":
            variants[a[2][:6]] += 1
        elif name == "resp":
            if a[2][5] == "f":
                variants[a[2]] += 1
        elif name == "memresp" and a[2][8] == "e":
            variants["memresp err"] += 1
        before.append((a, b))
        if agreed.first is None:
            agreed.first = (a, b)
    else:
        a = b = None  # both ended together
    # Read both to the end: a malformed line anywhere makes the answer exit 2.
    for _ in stream_a:
        pass
    for _ in stream_b:
        pass
    agreed.events = sum(counts.values())
    if before:
        agreed.last = before[-1]
    result.before = list(before)[-context:] if context else []
    # A trace cut by --max-lines has not ended; it has only stopped being read.
    result.same = (a is None and (b is None or trace_a.cut)) or (b is None and trace_b.cut)
    if not result.same:
        result.a, result.b = a, b
    return result


def _show(event):
    """Return an event as its line shows it, cycle first."""
    return "%d %s" % (event[0], event[2])


def print_comparison(result, out=None):
    """Print a Comparison: the divergence and the events before it, then what agreed."""
    out = out or sys.stdout
    trace_a, trace_b = result.traces
    mode = "untimed" if result.untimed else "timed"
    a, b = result.a, result.b
    nth = result.agreed.events + 1
    if result.same:
        print("pagewalk-trace diff (%s): A and B agree" % mode, file=out)
        for tag, trace in (("A", trace_a), ("B", trace_b)):
            print("  %s %s (%d lines%s)" % (tag, trace.path, trace.lines,
                                          ", cut by --max-lines" if trace.cut else ""), file=out)
    elif a is not None and b is not None:
        if result.untimed:
            where = "cycle %d in A, %d in B (event %d in transaction order)" % (a[0], b[0], nth)
        else:
            where = "cycle %d (event %d)" % (result.cycle(), nth)
        print("pagewalk-trace diff (%s): A and B differ at %s" % (mode, where), file=out)
        print("  A %s:%d: %s" % (trace_a.path, a[3], _show(a)), file=out)
        print("  B %s:%d: %s" % (trace_b.path, b[3], _show(b)), file=out)
    else:
        if a is None:
            tag, ended, other, going, event = "A", trace_a, "B", trace_b, b
        else:
            tag, ended, other, going, event = "B", trace_b, "A", trace_a, a
        end = ("at cycle %d (line %d)" % (ended.last_cycle, ended.line)
               if ended.last_cycle is not None else "before its first event")
        print("pagewalk-trace diff (%s): A and B differ at cycle %d (event %d)" % (
            mode, event[0], nth), file=out)
        print("  %s %s ends %s; %s continues with" % (tag, ended.path, end, other), file=out)
        print("  %s %s:%d: %s" % (other, going.path, event[3], _show(event)), file=out)
    if result.before and not result.same:
        print("the %d events before it agree%s:" % (
            len(result.before),
            " (all there are)" if len(result.before) == result.agreed.events else ""), file=out)
        for ea, eb in result.before:
            if result.untimed:
                print("  A:%d@%d B:%d@%d  %s" % (ea[3], ea[0], eb[3], eb[0], ea[2]), file=out)
            else:
                print("  A:%d B:%d  %s" % (ea[3], eb[3], _show(ea)), file=out)
    for line in result.agreed.lines(result.untimed):
        print(line, file=out)


def walk_stats(trace):
    """Return the statistics of one trace as a dict (the --json form)."""
    counts = collections.Counter()
    causes = collections.Counter()
    latency = collections.Counter()  # walk latency in cycles -> walks
    open_reqs = collections.deque()  # [acceptance cycle, walked] of requests awaiting a response
    hits = walks = aborted = orphans = 0
    reset_cycles = 0
    reset_cycle = None
    first = last = None
    for cycle, name, body, _ in trace.events():
        if first is None:
            first = cycle
        last = cycle
        if reset_cycle is not None and cycle > reset_cycle:
            # A request unanswered after a reset cycle was aborted by the reset.
            aborted += len(open_reqs)
            open_reqs.clear()
            reset_cycle = None
        if name == "req":
            open_reqs.append([cycle, False])
        elif name == "resp":
            if body[5] == "f":
                causes[int(body[11:])] += 1
            if not open_reqs:
                orphans += 1   # the trace began after its request
            else:
                accepted, walked = open_reqs.popleft()
                if walked:
                    walks += 1
                    latency[cycle - accepted] += 1
                else:
                    hits += 1
        elif name == "mem":
            name = "mem " + body[4:6]
            # Responses come in order, so a walk's reads belong to the oldest open request.
            if name == "mem rd" and open_reqs:
                open_reqs[0][1] = True
        elif name == "memresp" and body[8] == "e":
            name = "memresp err"
        elif name == "reset":
            reset_cycles += 1
            reset_cycle = cycle
        counts[name] += 1
    if reset_cycle is not None:
        aborted += len(open_reqs)
        open_reqs.clear()
    answered = hits + walks
    lat = None
    if latency:
        ordered = sorted(latency.items())
        n = sum(latency.values())
        half, seen, median = (n + 1) // 2, 0, None
        for value, k in ordered:
            seen += k
            if median is None and seen >= half:
                median = value
        lat = {
            "min": ordered[0][0],
            "max": ordered[-1][0],
            "mean": round(sum(v * k for v, k in ordered) / n, 2),
            "median": median,
            "counts": {str(v): k for v, k in ordered},
        }
    return {
        "trace": trace.path,
        "events": sum(counts.values()),
        "cycles": {"first": first, "last": last,
                   "count": 0 if first is None else last - first + 1},
        "reset_cycles": reset_cycles,
        "ctx_events": counts["ctx"],
        "requests": counts["req"],
        "translations": counts["resp"],
        "hits": hits,
        "walks": walks,
        "hit_rate": round(hits / answered, 4) if answered else None,
        "aborted": aborted,
        "unanswered": len(open_reqs),
        "responses_without_request": orphans,
        "walk_latency": lat,
        "faults": {"total": sum(causes.values()),
                   "by_cause": {str(c): n for c, n in sorted(causes.items())}},
        "fills": counts["fill"],
        "evictions": counts["evict"],
        "sfences": counts["sfence"],
        "memory": {"reads": counts["mem rd"], "writes": counts["mem wr"],
                   "errors": counts["memresp err"]},
    }


def histogram(counts, width=40, max_buckets=16):
    """Return the text lines of a histogram of {value: count}, buckets 1, 2, 5, 10, 20... wide."""
    low, high = min(counts), max(counts)
    step = 1
    while (high // step - low // step) + 1 > max_buckets:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    buckets = collections.Counter()
    for value, n in counts.items():
        buckets[value // step * step] += n
    top = max(buckets.values())
    lines = []
    for start in range(low // step * step, high + 1, step):
        n = buckets[start]
        label = str(start) if step == 1 else "%d-%d" % (start, start + step - 1)
        bar = "#" * (max(1, round(n * width / top)) if n else 0)
        lines.append("  %9s | %-*s %d" % (label, width, bar, n))
    return lines


def print_stats(s, out=None):
    """Print the statistics of walk_stats as text."""
    out = out or sys.stdout
    answered = s["hits"] + s["walks"]

    def share(n):
        """Return n as a percentage of the answered requests."""
        return "%.1f%%" % (100.0 * n / answered) if answered else "-"

    cycles = s["cycles"]
    print("trace        %s" % s["trace"], file=out)
    if cycles["first"] is None:
        print("cycles       none (no events)", file=out)
    else:
        print("cycles       %d to %d (%d cycles), %d in reset, %d ctx events" % (
            cycles["first"], cycles["last"], cycles["count"], s["reset_cycles"],
            s["ctx_events"]), file=out)
    print("requests     %d accepted, %d answered (translations)" % (
        s["requests"], s["translations"]), file=out)
    print("  hits       %d (%s)  answered with no memory read: TLB hits, and M-mode or bare "
          "requests" % (s["hits"], share(s["hits"])), file=out)
    print("  walks      %d (%s)  at least one memory read before the response" % (
        s["walks"], share(s["walks"])), file=out)
    extra = [("aborted by a reset", s["aborted"]), ("unanswered at the end", s["unanswered"]),
             ("answering a req before the trace", s["responses_without_request"])]
    for what, n in extra:
        if n:
            print("  %d %s" % (n, what), file=out)
    lat = s["walk_latency"]
    if lat:
        print("walk latency %d to %d cycles, mean %.2f, median %d (cycles from req to resp)" % (
            lat["min"], lat["max"], lat["mean"], lat["median"]), file=out)
        for line in histogram({int(v): n for v, n in lat["counts"].items()}):
            print(line, file=out)
    else:
        print("walk latency no walks", file=out)
    faults = s["faults"]
    print("faults       %d" % faults["total"], file=out)
    for cause, n in faults["by_cause"].items():
        name = FAULT_CAUSES.get(int(cause), "unknown")
        print("  %2s %-13s %d" % (cause, name, n), file=out)
    print("TLB          %d fills, %d evictions, %d sfences" % (
        s["fills"], s["evictions"], s["sfences"]), file=out)
    mem = s["memory"]
    print("memory       %d reads, %d writes, %d errors" % (mem["reads"], mem["writes"],
                                                           mem["errors"]), file=out)


UNTIMED_HELP = """\
--untimed compares transaction order instead of cycles. Each trace becomes:
every event except `reset` and `ctx` (inputs the stimulus places by cycle;
what they change shows in the events that remain), without its cycle stamp,
reordered so that each request reads as one transaction:

    req, its memory accesses (mem, memresp), resp, then the evict and fill
    written at that response, then the next req.

A req accepted while the previous one still awaits its response (a hit
accepted in the cycle the previous response leaves) moves after that
response. A sfence moves to the next transaction boundary: after the
response of every request accepted in or before its cycle (a request of the
sfence's own cycle is looked up before the flush), before any later request.
A reset ends the requests it aborts (they keep their req with no resp).
So two engines with different timing but the same behaviour agree; a sfence
that lands inside a walk in one and between walks in the other is a real
difference (the fill is cancelled in one only) and shows as one."""

HIT_HELP = """\
A request is a walk when at least one `mem rd` comes between its req and its
resp (responses come in request order, so each resp answers the oldest open
req, and a memory read belongs to it); every other answered request is a hit.
M-mode and bare requests look like hits in a trace and count as hits.
Walk latency is the resp cycle minus the req cycle. Requests still open
after a reset cycle count as aborted."""


def parse_args(argv):
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(
        prog="pagewalk-trace",
        description="Compare two MMU traces, or summarize one (docs/trace-format.md, version 1).",
        epilog="Exit status: 0 agree (diff) or done (stats), 1 the traces differ, "
               "2 a usage error, a missing file or a malformed trace.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def count(text):
        """Parse a non-negative count for an option."""
        if not text.isdigit():
            raise argparse.ArgumentTypeError("expected a count (0, 1, 2, ...), got '%s'" % text)
        return int(text)

    p = commands.add_parser(
        "diff", help="report the first place two traces part",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Validate both traces, align them and report the first divergence: its\n"
                    "cycle, the event on each side (FILE:LINE), the events before it that\n"
                    "agreed, and a summary of the agreed part.",
        epilog=UNTIMED_HELP + "\n\nExit status: 0 the traces agree, 1 they differ, 2 a usage "
               "error, a\nmissing file or a malformed trace (FILE:LINE: error: ...).")
    p.add_argument("a", metavar="A", help="first trace")
    p.add_argument("b", metavar="B", help="second trace")
    p.add_argument("--untimed", action="store_true",
                   help="compare transaction order, not cycles (see below)")
    p.add_argument("--context", metavar="N", type=count, default=10,
                   help="agreeing events shown before the divergence (default 10)")
    p.add_argument("--max-lines", metavar="N", type=count, default=None,
                   help="read only the first N event lines of each trace (comments not "
                        "counted); a trace cut there is not one that ended")

    p = commands.add_parser(
        "stats", help="summarize one trace: hits, walks, walk latency, faults, TLB, memory",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Validate a trace and print what it shows: requests, hits and walks, a\n"
                    "histogram of walk latency, faults by cause, fills, evictions, sfences,\n"
                    "memory reads, writes and errors, cycles.",
        epilog=HIT_HELP + "\n\nExit status: 0, or 2 for a usage error, a missing file or a "
               "malformed\ntrace (FILE:LINE: error: ...).")
    p.add_argument("trace", metavar="T", help="the trace")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return parser.parse_args(argv)


def main(argv=None):
    """Run one command; return its exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "diff":
            result = compare(args.a, args.b, args.untimed, args.context, args.max_lines)
            print_comparison(result)
            return EXIT_SAME if result.same else EXIT_DIFFER
        result = walk_stats(Trace(args.trace))
        if args.json:
            print(json.dumps(result))
        else:
            print_stats(result)
        return EXIT_SAME
    except TraceError as err:
        sys.stdout.flush()
        print(err, file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. head) left; say nothing more, and let exit not flush again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 141
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
