#!/usr/bin/env python3
"""Measure nudge's integrals against SymPy on a textbook test set.

Usage: benches/integral_coverage.py BIN [--set tests/integrands.txt] [--verbose]
  e.g. cargo build --release && benches/integral_coverage.py target/release/nudge

Feeds every integral through ONE piped `BIN --format json` process. For each
line of the set it asks SymPy too (integrate, with a time limit) and counts
nudge's answers among the ones SymPy gives. Every antiderivative nudge gives
is differentiated by SymPy and compared with the integrand at sample points;
every definite value is compared with SymPy's (an integral SymPy finds
infinite must be called divergent by nudge). Prints a table by family and a
last line 'answered=A sympy=S share=P% wrong=W unchecked=U'. Exit 0 only when wrong == 0.
Needs SymPy (`pip install sympy`).
"""
import json
import math
import re
import signal
import subprocess
import sys

import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

x = sp.Symbol("x", real=True)
a = sp.Symbol("a", positive=True)
n = sp.Symbol("n", positive=True)
SAMPLE = {a: sp.Rational(13, 10), n: sp.Rational(7, 3)}
LOCAL = {
    "e": sp.E, "E": sp.E, "pi": sp.pi, "π": sp.pi, "ln": sp.log, "log": sp.log,
    "exp": sp.exp, "sqrt": sp.sqrt, "abs": sp.Abs,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "sec": sp.sec, "csc": sp.csc, "cot": sp.cot,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "LOGB": lambda base, arg: sp.log(arg, base),
    "x": x, "a": a, "n": n, "inf": sp.oo,
}
TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)
SYMPY_SECONDS = 20


def to_sympy(text):
    s = text.replace("·", "*").replace("×", "*").replace("−", "-")
    s = re.sub(r"\|([^|]*)\|", r"abs(\1)", s)
    s = re.sub(r"log_\(?([A-Za-z0-9.]+)\)?\(", r"LOGB(\1,", s)
    return parse_expr(s, local_dict=dict(LOCAL), transformations=TRANSFORMS)


def read_set(path):
    family, items = None, []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("## "):
            family = line[3:]
        elif line and not line.startswith("#"):
            parts = [p.strip() for p in line.split(";")]
            items.append((family, parts))
    return items


class Timeout(Exception):
    pass


def on_alarm(*_):
    raise Timeout()


def sympy_answer(parts):
    """SymPy's antiderivative or value, or None when it gives none in time."""
    f = to_sympy(parts[0])
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(SYMPY_SECONDS)
    try:
        if len(parts) == 1:
            r = sp.integrate(f, x)
        else:
            r = sp.integrate(f, (x, to_sympy(parts[1]), to_sympy(parts[2])))
        return None if r.has(sp.Integral) else r
    except Timeout:
        return None
    except Exception:
        return None
    finally:
        signal.alarm(0)


def value(e, at):
    try:
        v = complex(sp.N(e.subs(SAMPLE).subs(x, at)))
    except Exception:
        return None
    if not (math.isfinite(v.real) and math.isfinite(v.imag)) or abs(v.imag) > 1e-9:
        return None
    return v.real


POINTS = [0.37, 0.81, 1.23, 1.77, 2.45, 3.1, -0.53, -1.31, -2.2, 0.05, 5.5,
          0.11, 0.23, -0.17, -0.29, 0.41, -0.44]


def differentiates_back(result, integrand):
    """True when d/dx result equals the integrand wherever both are real (at
    least 3 points), False at the first disagreement, None when too few points
    can be compared to say."""
    d = sp.diff(result, x)
    agree = 0
    for at in POINTS:
        p, q = value(d, at), value(integrand, at)
        if p is None or q is None:
            continue
        if abs(p - q) > 1e-6 * max(1.0, abs(p), abs(q)):
            return False
        agree += 1
    return True if agree >= 3 else None


def query(parts):
    if len(parts) == 1:
        return f"integrate({parts[0]}, x)"
    return f"integrate({parts[0]}, x, {parts[1]}, {parts[2]})"


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = args[0]
    path = args[args.index("--set") + 1] if "--set" in args else "tests/integrands.txt"
    verbose = "--verbose" in args
    items = read_set(path)
    lines = "\n".join(query(p) for _, p in items) + "\n"
    out = subprocess.run(
        [binary, "--format", "json"], input=lines, capture_output=True, text=True, timeout=600
    ).stdout.splitlines()
    if len(out) != len(items):
        print(f"expected {len(items)} JSON lines, got {len(out)}")
        return 1
    families = {}
    wrong_total = 0
    unchecked = 0
    for (family, parts), line in zip(items, out):
        answer = json.loads(line)
        reference = sympy_answer(parts)
        f = families.setdefault(family, {"sympy": 0, "both": 0, "nudge": 0, "wrong": 0, "missed": []})
        integrand = to_sympy(parts[0])
        ok, wrong = False, False
        if len(parts) == 1 and "result" in answer:
            ok = True
            back = differentiates_back(to_sympy(answer["result"]), integrand)
            wrong = back is False
            if back is None:
                unchecked += 1
                print(f"unchecked (too few real sample points): {parts[0]}")
        elif len(parts) == 3:
            if answer.get("exact") and "value" in answer:
                ok = True
                if reference is not None and reference.is_finite:
                    r = complex(sp.N(reference))
                    if abs(r.imag) > 1e-9:
                        # SymPy takes the principal (complex) root of a negative
                        # number; a textbook, and nudge, take the real one.
                        print(f"note: SymPy's value for {' ; '.join(parts)} is complex ({r}); not compared")
                    else:
                        wrong = abs(float(answer["value"]) - r.real) > 1e-6
                elif reference is not None:
                    wrong = True
            elif "diverges" in json.dumps(answer.get("error", {})):
                ok = True
                wrong = reference is not None and reference.is_finite
        f["nudge"] += ok
        if reference is not None:
            f["sympy"] += 1
            f["both"] += ok and not wrong
            if not ok:
                f["missed"].append(parts[0] if len(parts) == 1 else " ; ".join(parts))
        if wrong:
            f["wrong"] += 1
            wrong_total += 1
            print(f"WRONG: {' ; '.join(parts)} -> {answer.get('result') or answer.get('error')}")
    print(f"{'family':34} {'sympy':>6} {'nudge':>6} {'share':>7} {'wrong':>6}")
    total_s = total_b = 0
    for family, f in families.items():
        share = 100.0 * f["both"] / f["sympy"] if f["sympy"] else 100.0
        print(f"{family:34} {f['sympy']:6} {f['both']:6} {share:6.1f}% {f['wrong']:6}")
        if verbose and f["missed"]:
            print("    not answered: " + ", ".join(f["missed"]))
        total_s += f["sympy"]
        total_b += f["both"]
    share = 100.0 * total_b / total_s if total_s else 100.0
    print(f"answered={total_b} sympy={total_s} share={share:.1f}% wrong={wrong_total} unchecked={unchecked}")
    return 0 if wrong_total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
