#!/usr/bin/env python3
"""Every folder README names the source files in its folder (and in subfolders without a README of
their own), and names no source file that does not exist: a README that tells a newcomer where
things are has to be true."""
import os, re, sys

root = sys.argv[1]
folders = ["src/core", "src/client", "src/ui", "src/platform", "server-stub", "shell", "tools", "bench", "fuzz", "tests"]
source = re.compile(r"\.(cpp|hpp|h|js|mjs|py|sh|html|css|lua)$")
skip_dirs = {"node_modules", "corpus", "__pycache__"}
failures, checks = [], 0

for folder in folders:
    base = os.path.join(root, folder)
    readme = os.path.join(base, "README.md")
    checks += 1
    if not os.path.exists(readme):
        failures.append(f"{folder} has no README.md")
        continue
    text = open(readme, encoding="utf-8").read()
    named = set(re.findall(r"`([^`\s]+)`", text))
    # A .cpp and its .hpp are one unit: naming either names both.
    stems = {os.path.splitext(n)[0] for n in named}
    files = []
    for dirpath, dirnames, filenames in os.walk(base):
        rel_dir = os.path.relpath(dirpath, base)
        # A subfolder with its own README answers for itself.
        dirnames[:] = [d for d in dirnames if d not in skip_dirs and not os.path.exists(os.path.join(dirpath, d, "README.md"))]
        for f in filenames:
            if source.search(f):
                files.append(os.path.normpath(os.path.join(rel_dir, f)))
    for f in sorted(files):
        checks += 1
        stem = os.path.splitext(f)[0]
        if f not in named and os.path.basename(f) not in named and stem not in stems and os.path.basename(stem) not in stems:
            failures.append(f"{folder}/README.md does not name {f}")
    for n in sorted(named):
        if not source.search(n) or "/" in n and n.startswith(("src/", "docs/", "tests/", "shell/", "server-stub/")):
            continue
        checks += 1
        candidates = [os.path.join(base, n)] + [os.path.join(base, f) for f in files if os.path.basename(f) == n]
        if not any(os.path.exists(c) for c in candidates):
            failures.append(f"{folder}/README.md names {n}, which is not in {folder}")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
