"""`chiso index build | uncertainty`: compute an index from plain files, no database needed.

COINr's iData/iMeta, or a chiso framework with a long/wide data file; the method in YAML.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from chiso.errors import ComputeError

if TYPE_CHECKING:
    from chiso.compute import Dataset, Method, Structure

# numpy, YAML and the compute core load when a command runs: `chiso extract` and the other small
# commands do not pay for them at start-up.

app = typer.Typer(no_args_is_help=True)
out = Console(stderr=True)

CoinrData = Annotated[Path | None, typer.Option("--coinr-data", help="COINr iData.csv",
                                                exists=True)]
CoinrMeta = Annotated[Path | None, typer.Option("--coinr-meta", help="COINr iMeta.csv",
                                                exists=True)]
CoinrCall = Annotated[Path | None, typer.Option(
    "--coinr-call", exists=True,
    help="Lệnh COINr (JSON: các bước và tham số) thay cho --method / a COINr build as JSON "
         "(its steps and arguments) instead of --method")]
MethodFile = Annotated[Path | None, typer.Option("--method", help="Phương pháp / method YAML",
                                                 exists=True)]
FrameworkOpt = Annotated[str | None, typer.Option(
    "--framework", help="Khung chỉ số (id hoặc tệp YAML) / framework id or YAML")]
DataOpt = Annotated[Path | None, typer.Option(
    "--data", help="Số liệu dạng dọc/ngang (CSV/XLSX) / long or wide data file", exists=True)]
PeriodOpt = Annotated[str | None, typer.Option("--period", help="Kỳ / period (e.g. 2024)")]
OutOpt = Annotated[Path, typer.Option("--out", help="Tệp CSV kết quả / output CSV")]


def _method(path: Path | None, base: Method, denominators: dict[str, str]) -> Method:
    import yaml

    from chiso.compute import Method

    if path is None:
        return base.with_(denominators={**denominators, **base.denominators})
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    if not isinstance(raw, dict):
        raise ComputeError(f"{path.name}: tệp phương pháp phải là một bảng YAML.",
                           f"{path.name}: a method file must be a YAML mapping.")
    raw.pop("uncertainty", None)
    try:
        return Method.from_dict({**base.to_dict(), "denominators": denominators, **raw})
    except TypeError as exc:
        raise ComputeError(f"{path.name}: thiết lập không hợp lệ ({exc}).",
                           f"{path.name}: invalid method setting ({exc}).") from None


def _inputs(coinr_data: Path | None, coinr_meta: Path | None, framework: str | None,
            data: Path | None, period: str | None, method: Path | None,
            coinr_call: Path | None = None) -> tuple[Structure, Dataset, Method]:
    from chiso.compute import Method, Structure, coinr
    from chiso.compute.coinr_call import method_from_call
    from chiso.framework import load_framework

    if coinr_data and coinr_meta:
        meta = coinr.read_meta(coinr_meta)
        ds = coinr.read_data(coinr_data, meta.structure, meta.denominator_columns, meta.groups)
        if coinr_call is not None:
            steps = json.loads(coinr_call.read_text("utf-8"))
            steps = steps["steps"] if isinstance(steps, dict) else steps
            return meta.structure, ds, method_from_call(steps, meta, ds)
        return meta.structure, ds, _method(method, Method(), meta.denominators)
    if framework and data:
        fw = load_framework(framework)
        return (Structure.of(fw), _long_dataset(fw, data, period),
                _method(method, Method.for_framework(fw), {}))
    raise ComputeError(
        "Cần --coinr-data và --coinr-meta, hoặc --framework và --data.",
        "Give --coinr-data and --coinr-meta, or --framework and --data.",
    )


def _long_dataset(fw: Any, path: Path, period: str | None) -> Dataset:
    import numpy as np

    from chiso.compute import Dataset

    """A data file read and checked by the importer (nothing is stored), for one period."""
    from chiso.catalog import shipped_catalog
    from chiso.ingest.load import (
        ImportOptions,
        check_file,
        indicators_for,
        registry_peers,
        registry_resolver,
    )

    units = shipped_catalog().units  # plain files: the units chiso ships
    figures, _ = check_file(path, ImportOptions(frameworks=(fw.id,), period=None),
                            indicators=indicators_for([fw]), resolve_unit=registry_resolver(units),
                            known_units={u.id for u in units.all_units()},
                            peers=registry_peers(units))
    actual = [f for f in figures if f.kind == "actual"]
    periods = sorted({f.period for f in actual})
    chosen = period or (periods[-1] if periods else None)
    actual = [f for f in actual if f.period == chosen]
    if not actual:
        raise ComputeError(f"{path.name}: không có số liệu thực tế cho kỳ {chosen}.",
                           f"{path.name}: no actual figures for period {chosen}.")
    units = sorted({f.unit_id for f in actual})
    codes = [n.code for n in fw.scored_indicators()]
    values = np.full((len(units), len(codes)), np.nan)
    u_pos, c_pos = {u: i for i, u in enumerate(units)}, {c: j for j, c in enumerate(codes)}
    for f in actual:
        if f.indicator in c_pos:
            values[u_pos[f.unit_id], c_pos[f.indicator]] = f.value
    return Dataset(units, codes, values)


@app.command("build")
def build_command(out_path: OutOpt, coinr_data: CoinrData = None, coinr_meta: CoinrMeta = None,
                  method: MethodFile = None, framework: FrameworkOpt = None, data: DataOpt = None,
                  period: PeriodOpt = None, coinr_call: CoinrCall = None) -> None:
    """Tính chỉ số, ghi CSV dạng dọc unit,node,score,rank / build an index to a long CSV.

    Examples:

      chiso index build --coinr-data iData.csv --coinr-meta iMeta.csv --method method.yaml
      --out scores.csv

      chiso index build --coinr-data iData.csv --coinr-meta iMeta.csv --coinr-call call.json
      --out scores.csv

      chiso index build --framework chiso-core --data so-lieu.xlsx --period 2024 --out scores.csv
    """
    from chiso.compute import build

    st, ds, m = _inputs(coinr_data, coinr_meta, framework, data, period, method, coinr_call)
    result = build(st, ds, m)
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["unit", "node", "score", "rank"], lineterminator="\n")
        w.writeheader()
        for row in result.to_rows():
            w.writerow({**row, "score": "" if row["score"] is None else repr(row["score"]),
                        "rank": "" if row["rank"] is None else row["rank"]})
    out.print(f"{len(ds.unit_ids)} đơn vị / units × {len(result.nodes)} nút / nodes → {out_path}")


def _value(text: str) -> Any:
    """A parameter as typed: a number, true/false, or a word (ties=min)."""
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return float(text)
    except ValueError:
        return text


def _alternatives(specs: list[str]) -> tuple[tuple[str, dict[str, Any]], ...]:
    alts = []
    for spec in specs:
        kind, _, params = spec.partition(":")
        try:
            p = {k: _value(v) for k, v in (item.split("=") for item in params.split(",") if item)}
        except ValueError:
            raise ComputeError(f"Không hiểu '{spec}' (ví dụ: minmax:a=1,b=100).",
                               f"Cannot read '{spec}' (example: minmax:a=1,b=100).") from None
        alts.append((kind, p))
    return tuple(alts)


@app.command("uncertainty")
def uncertainty_command(
    out_path: OutOpt, coinr_data: CoinrData = None, coinr_meta: CoinrMeta = None,
    method: MethodFile = None, framework: FrameworkOpt = None, data: DataOpt = None,
    period: PeriodOpt = None, coinr_call: CoinrCall = None,
    runs: Annotated[int, typer.Option("--runs", min=1, help="Số lần lặp / replications")] = 1000,
    seed: Annotated[int, typer.Option(help="Hạt giống / random seed")] = 0,
    noise: Annotated[float, typer.Option(help="Nhiễu trọng số ± / weight noise")] = 0.25,
    norm: Annotated[list[str] | None, typer.Option(
        "--norm", help="Cách chuẩn hóa thay thế / alternative normalisation, e.g. "
                       "minmax:a=1,b=100 or rank:ties=min")] = None,
    winmax: Annotated[list[int] | None, typer.Option(
        "--winmax", help="Giới hạn winsorise thay thế / alternative winsorisation limits")] = None,
    aggregation: Annotated[list[str] | None, typer.Option(
        "--aggregation", help="arithmetic | geometric | harmonic | generalised")] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Chạy trên cụm Dask / run on a Dask cluster: local, local:WORKERS or "
                       "tcp://HOST:PORT (default CHISO_DASK; needs pip install 'chiso[dask]')")
                    ] = None,
) -> None:
    """Độ bất định của thứ hạng (Monte Carlo) / rank uncertainty by Monte Carlo.

    Writes unit,nominal_rank,mean_rank,median_rank,q05_rank,q95_rank.

    The same seed gives the same file with or without --dask, for any number of workers.

    Example: chiso index uncertainty --coinr-data iData.csv --coinr-meta iMeta.csv --method
    method.yaml --runs 1000 --seed 1 --norm minmax:a=1,b=100 --norm zscore:mean=10,sd=2
    --out ranks.csv

    Example: chiso index uncertainty --framework chiso-core --data so-lieu.xlsx --runs 100000
    --dask local:2 --out ranks.csv
    """
    from chiso.cli import settings_for
    from chiso.cluster import maybe_connect, parse, worker_count
    from chiso.compute import UncertaintySpec, uncertainty

    where = dask or settings_for(None).dask
    if where:
        parse(where)  # a wrong address is refused before the inputs are read
    st, ds, m = _inputs(coinr_data, coinr_meta, framework, data, period, method, coinr_call)
    spec = UncertaintySpec(n=runs, seed=seed, weight_noise=noise,
                           normalisations=_alternatives(norm or []), winmax=tuple(winmax or ()),
                           aggregations=tuple(aggregation or ()))
    with maybe_connect(where) as runner:
        res = uncertainty(st, ds, m, spec, runner=runner, tasks=worker_count(runner))
    fields = ["unit", "nominal_rank", "mean_rank", "median_rank", "q05_rank", "q95_rank"]
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fields, lineterminator="\n")
        w.writeheader()
        for row in res.to_rows():
            w.writerow({k: "" if v is None else v for k, v in row.items()})
    out.print(f"{runs} lần lặp / replications, {len(ds.unit_ids)} đơn vị / units → {out_path}")
