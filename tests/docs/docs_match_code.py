#!/usr/bin/env python3
"""docs/rules.md and docs/commands.md must describe what the code does: every rule of every rule set
(with its figures) and every command type appear in the docs, and the docs name nothing the code lacks."""
import json, re, subprocess, sys

cli, docs = sys.argv[1], sys.argv[2]
described = json.loads(subprocess.run([cli, "describe"], check=True, capture_output=True, text=True).stdout)
rules_md = open(f"{docs}/rules.md", encoding="utf-8").read()
commands_md = open(f"{docs}/commands.md", encoding="utf-8").read()
failures, checks = [], 0

def hours(minutes):
    return f"{minutes // 60} h" + (f" {minutes % 60} min" if minutes % 60 else "")

# Each rule set has a table in rules.md: rows "| `rule_id` | severity | limit … |" under "### `set_id`".
for rule_set in described["rule_sets"]:
    section = re.search(r"### `%s`(.*?)(?=\n### |\Z)" % re.escape(rule_set["id"]), rules_md, re.S)
    checks += 1
    if not section:
        failures.append(f"rules.md has no section for rule set {rule_set['id']}")
        continue
    for rule in rule_set["rules"]:
        checks += 1
        row = re.search(r"^\| `%s` \|(.*)$" % re.escape(rule["id"]), section.group(1), re.M)
        if not row:
            failures.append(f"rules.md: {rule_set['id']} lacks a row for {rule['id']}")
            continue
        columns = [c.strip() for c in row.group(1).split("|")]
        severity, figures = columns[0], columns[1]
        if severity != rule["severity"]:
            failures.append(f"rules.md: {rule_set['id']}/{rule['id']} should say severity {rule['severity']}")
        counted = rule["id"].startswith("max_consecutive") or rule["id"] == "weekend_frequency"
        wanted = []
        if rule["limit"]:
            wanted.append(str(rule["limit"]) if counted else hours(rule["limit"]))
        for key in ("window", "rest_after"):
            if rule[key]:
                wanted.append(hours(rule[key]))
        for text in wanted:
            if not re.search(r"(?<![0-9])%s(?![0-9])" % re.escape(text), figures):
                failures.append(f"rules.md: {rule_set['id']}/{rule['id']} should state {text}")
    ids_in_section = set(re.findall(r"^\| `([a-z0-9_]+)` \|", section.group(1), re.M))
    extra = ids_in_section - {r["id"] for r in rule_set["rules"]}
    if extra:
        failures.append(f"rules.md: {rule_set['id']} lists rules the code lacks: {sorted(extra)}")

documented = set(re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|", commands_md, re.M))
documented = {x for pair in documented for x in pair if x}
for t in described["commands"]:
    checks += 1
    if t not in documented:
        failures.append(f"commands.md does not document the command type {t}")
for t in documented - set(described["commands"]):
    failures.append(f"commands.md documents {t}, which the code does not have")

# Each command's row names exactly the payload fields the code accepts (an unknown one is refused).
rows = {}
for line in commands_md.splitlines():
    m = re.match(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|([^|]*)\|", line)
    if m:
        for t in (m.group(1), m.group(2)):
            if t:
                rows[t] = set(re.findall(r"`([a-z_]+)`", m.group(3)))
for t, fields in described["payload_fields"].items():
    if t not in rows:
        continue
    checks += 1
    named = rows[t]
    for f in fields:
        if f not in named:
            failures.append(f"commands.md: the payload of {t} should name `{f}`")
    for f in named - set(fields) - {"null", "true", "false"} - set(described["commands"]):
        failures.append(f"commands.md: the payload of {t} names `{f}`, which {t} does not accept")

# The data format's lists of contracts and ward rule sets are the code's.
format_md = open(f"{docs}/data-format.md", encoding="utf-8").read()
for key in ("contracts", "ward_rule_sets"):
    for value in described[key]:
        checks += 1
        if f"`\"{value}\"`" not in format_md:
            failures.append(f"data-format.md does not name the allowed value \"{value}\" ({key})")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
