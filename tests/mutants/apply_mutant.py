#!/usr/bin/env python3
"""Apply a mutant's sed script to a source file, one command at a time, and
require every command to change the text.

    usage: apply_mutant.py SRC OUT 'SED SCRIPT'

A mutant whose expression no longer matches what it was written for is no
experiment: if its script changes nothing the mutant is the original, and if
one of several commands changes nothing the bug is half made (a register
renamed but never used, say). Both are reported, with the command, and the
caller counts the mutant BROKEN. Every mutant runner (RTL, core, model,
firmware, formal) applies its mutants through this file.

The script is split into its commands (separated by ';' or a newline outside
any /regex/ or s/pattern/replacement/) and each prefix of it is run by GNU sed
itself, so the semantics are sed's. Exit status: 0 applied, 3 a command
changed nothing or sed failed, 2 a usage error or a script this cannot split.
"""
import subprocess
import sys


class ScriptError(Exception):
    pass


def _delimited(script, i, delim):
    """Index just past the closing delim of a part that starts at i."""
    while i < len(script):
        c = script[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            raise ScriptError("a newline inside a delimited part")
        if c == delim:
            return i + 1
        i += 1
    raise ScriptError(f"no closing '{delim}'")


def _address(script, i):
    """Index past one address (a line number, $, or /regex/), or i if none."""
    if i < len(script) and script[i].isdigit():
        while i < len(script) and script[i].isdigit():
            i += 1
    elif i < len(script) and script[i] == "$":
        i += 1
    elif i < len(script) and script[i] == "/":
        i = _delimited(script, i + 1, "/")
        while i < len(script) and script[i] in "IM":
            i += 1
    return i


def split_commands(script):
    """The script's commands, each with its address, as sed text."""
    commands, i = [], 0
    while i < len(script):
        while i < len(script) and script[i] in " \t\n;":
            i += 1
        if i >= len(script):
            break
        start = i
        i = _address(script, i)
        if i < len(script) and script[i] == ",":
            i = _address(script, i + 1)
        while i < len(script) and script[i] in " \t!":
            i += 1
        if i >= len(script):
            raise ScriptError(f"an address without a command: {script[start:]!r}")
        if script[i] == "s":
            if i + 1 >= len(script):
                raise ScriptError("s without a delimiter")
            delim = script[i + 1]
            i = _delimited(script, i + 2, delim)   # pattern
            i = _delimited(script, i, delim)       # replacement
            while i < len(script) and script[i] not in ";\n":
                i += 1                             # flags
        elif script[i] in "{}":
            raise ScriptError("blocks ({ }) are not supported; write one command per change")
        else:
            while i < len(script) and script[i] not in ";\n":
                i += 1
        commands.append(script[start:i].strip())
    if not commands:
        raise ScriptError("an empty script")
    return commands


def run_sed(script, text, src):
    r = subprocess.run(["sed", "-e", script], input=text, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"sed fails on {src}: {r.stderr.strip()}")
    return r.stdout


def main(argv):
    if len(argv) != 4:
        print("usage: apply_mutant.py SRC OUT 'SED SCRIPT'", file=sys.stderr)
        return 2
    src, out, script = argv[1:]
    try:
        with open(src, encoding="utf-8") as f:
            original = f.read()
    except OSError as e:
        print(f"apply_mutant.py: cannot read {src}: {e.strerror}")
        return 3
    try:
        commands = split_commands(script)
    except ScriptError as e:
        print(f"apply_mutant.py: cannot split the sed script {script!r}: {e}")
        return 2
    text = original
    try:
        for n, _ in enumerate(commands, 1):
            # sed runs each prefix on the original, so addresses and hold
            # space behave as in one run of the whole script.
            after = run_sed("\n".join(commands[:n]), original, src)
            if after == text:
                which = f"command {n} of {len(commands)} " if len(commands) > 1 else "the expression "
                print(f"{which}({commands[n - 1]}) no longer changes {src}")
                return 3
            text = after
    except RuntimeError as e:
        print(e)
        return 3
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
