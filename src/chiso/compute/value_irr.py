"""Internal rate of return: the one rate r > -100 % at which NPV = 0, or none (docs/value.md).

NPV(r) = Σ f_t x^t with x = 1 / (1 + r) > 0, a polynomial in x. By Descartes' rule of signs it
has exactly one positive root when the net flows change sign once (cost, then benefit), none when
they never do, and 0, 2, … (or 1, 3, …) when they change sign several times. One change: the root
is bracketed and found by bisection. Several: every positive real root is found from the
eigenvalues of the companion matrix, and the IRR exists only if there is exactly one.
"""

from __future__ import annotations

import numpy as np

BISECTIONS = 64  # halves (0, 1) below the float64 spacing
REAL_TOL = 1e-6  # |imag| / |root| under which an eigenvalue is a real root (a double root
# splits into a pair about sqrt(machine epsilon) apart); closer roots count once


def sign_changes(net: np.ndarray) -> np.ndarray:
    """(projects,) how often each row's nonzero flows change sign."""
    s = np.sign(net)
    nz = s != 0
    # carry the last nonzero sign forward so that zeros between flows do not count
    idx = np.where(nz, np.arange(s.shape[1]), 0)
    np.maximum.accumulate(idx, axis=1, out=idx)
    carried = np.take_along_axis(s, idx, axis=1)
    prev = np.zeros_like(carried)
    prev[:, 1:] = carried[:, :-1]
    return np.asarray(np.sum(nz & (prev != 0) & (s != prev), axis=1))


def irr(net: np.ndarray) -> tuple[np.ndarray, list[list[float]]]:
    """The IRR of each row of net flows (NaN where none or not unique) and every rate at which
    NPV = 0, ascending."""
    net = np.asarray(net, dtype=float)
    changes = sign_changes(net)
    rates = np.full(net.shape[0], np.nan)
    roots: list[list[float]] = [[] for _ in range(net.shape[0])]
    one = np.flatnonzero(changes == 1)
    if one.size:
        rates[one] = _bisect(net[one])
        for i in one:
            roots[i] = [float(rates[i])]
    many = np.flatnonzero(changes >= 2)
    if many.size:
        for i, found in zip(many, _all_roots(net[many])):
            roots[i] = found
            if len(found) == 1:
                rates[i] = found[0]
    return rates, roots


def _sign_at(f: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Sign of NPV at x = s / (1 - s), s in (0, 1), by Horner without overflow: p(x) for x ≤ 1,
    x^-D p(x) (reversed coefficients in 1/x) for x > 1; both have the sign of p(x)."""
    x = s / (1.0 - s)
    small = x <= 1.0
    z = np.where(small, x, 1.0 / x)
    acc = np.zeros_like(s)
    rev = np.zeros_like(s)
    years = f.shape[1]
    for t in range(years):  # one pass per year, vectorised over projects
        acc = acc * z + f[:, years - 1 - t]
        rev = rev * z + f[:, t]
    return np.sign(np.where(small, acc, rev))


def _bisect(f: np.ndarray) -> np.ndarray:
    """The one root of rows with a single sign change, as a rate."""
    first = np.argmax(f != 0, axis=1)
    sign_low = np.sign(f[np.arange(f.shape[0]), first])  # sign of p(x) as x → 0
    lo = np.zeros(f.shape[0])
    hi = np.ones(f.shape[0])
    for _ in range(BISECTIONS):
        mid = 0.5 * (lo + hi)
        same = _sign_at(f, mid) == sign_low
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    s = 0.5 * (lo + hi)
    return (1.0 - 2.0 * s) / s  # r = 1/x - 1 with x = s / (1 - s)


def _all_roots(f: np.ndarray) -> list[list[float]]:
    """Every positive real root of each row's polynomial, as rates, via companion matrices
    batched by degree (leading and trailing zero flows removed)."""
    nz = f != 0
    first = np.argmax(nz, axis=1)
    last = f.shape[1] - 1 - np.argmax(nz[:, ::-1], axis=1)
    out: list[list[float]] = [[] for _ in range(f.shape[0])]
    for degree in np.unique(last - first):
        rows = np.flatnonzero(last - first == degree)
        n = int(degree)
        cols = first[rows, None] + np.arange(n + 1)[None, :]
        c = np.take_along_axis(f[rows], cols, axis=1)  # c_0 + c_1 x + … + c_n x^n
        companion = np.zeros((rows.size, n, n))
        companion[:, np.arange(1, n), np.arange(n - 1)] = 1.0
        companion[:, :, -1] = -c[:, :n] / c[:, n:]
        z = np.linalg.eigvals(companion)
        real = (z.real > 0) & (np.abs(z.imag) <= REAL_TOL * np.abs(z))
        x = np.sort(np.where(real, z.real, np.nan), axis=1)  # NaN last
        distinct = np.isfinite(x)
        distinct[:, 1:] &= ~(np.abs(np.diff(x, axis=1)) <= REAL_TOL * x[:, 1:])
        for k, i in enumerate(rows):
            out[i] = sorted(float(1.0 / v - 1.0) for v in x[k][distinct[k]])
    return out
