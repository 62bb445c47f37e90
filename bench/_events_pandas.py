"""pandas peer of bench/events.ts: read a GDELT 2.0 export, sum per undirected dyad and month."""
import sys

import pandas as pd

cols = {0: "id", 1: "date", 7: "c1", 17: "c2", 30: "goldstein"}
df = pd.read_csv(sys.argv[1], sep="\t", header=None, usecols=list(cols), names=None, quoting=3,
                 dtype={1: "int64", 7: "string", 17: "string", 30: "float64"}, na_filter=True)
df = df.rename(columns=cols).dropna(subset=["c1", "c2"])
df = df[df.c1 != df.c2]
df["a"] = df[["c1", "c2"]].min(axis=1)
df["b"] = df[["c1", "c2"]].max(axis=1)
df["month"] = df.date // 100
out = df.groupby(["a", "b", "month"]).goldstein.agg(["count", "sum"])
print(len(df), len(out))
