#!/usr/bin/env python3
"""Lists every public struct with public fields in the crate's API (from rustdoc's JSON) and
fails when one that could grow a field is not #[non_exhaustive]: a field Chatwork starts
sending must be a minor release, never a break for users who build or match the struct.

    RUSTC_BOOTSTRAP=1 cargo rustdoc --lib --all-features -- -Z unstable-options --output-format json
    python3 scripts/semver-surface.py target/doc/chatwork.json

Exempt by design: the ID and value newtypes of chatwork::model (one field, the wire value,
which can never grow), notation::Document (built by users, mirrors no answer), and
oauth::Version and oauth::Versioned (a store's version number and a value with it: built by
every TokenStore implementation, mirror no answer, and can never grow)."""
import json
import sys

EXEMPT_PREFIXES = ("chatwork::model::",)
EXEMPT = {"chatwork::notation::Document", "chatwork::oauth::Version", "chatwork::oauth::Versioned"}


def main(path):
    doc = json.load(open(path))
    index = doc["index"]
    seen, found = set(), []

    def visit(item_id, where):
        key = str(item_id)
        if key in seen or key not in index:
            return
        seen.add(key)
        item = index[key]
        kind, inner = next(iter(item["inner"].items()))
        name = item.get("name")
        if kind == "module":
            for child in inner["items"]:
                visit(child, where + [name] if name else where)
        elif kind == "use" and inner.get("id") is not None:
            visit(inner["id"], where)
        elif kind == "struct":
            shape = inner["kind"]
            fields = shape.get("plain", {}).get("fields") or [
                f for f in shape.get("tuple", []) if f is not None
            ]
            public = [f for f in fields if str(f) in index and index[str(f)]["visibility"] == "public"]
            if public:
                attrs = " ".join(str(a) for a in item.get("attrs", []))
                found.append(("::".join(where + [name]), "non_exhaustive" in attrs, len(public)))

    visit(doc["root"], [])
    open_ = []
    for name, sealed, n in sorted(found):
        exempt = name in EXEMPT or name.startswith(EXEMPT_PREFIXES)
        state = "non_exhaustive" if sealed else ("exempt" if exempt else "OPEN")
        print(f"{state:>14}  {name} ({n} public fields)")
        if not sealed and not exempt:
            open_.append(name)
    print(f"{len(found)} public structs with public fields; {len(open_)} open to breakage")
    return 1 if open_ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/doc/chatwork.json"))
