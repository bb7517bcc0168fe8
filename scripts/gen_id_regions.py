#!/usr/bin/env python3
"""Generate gazetteers/id-regions.tsv from the npm package idn-area-data.

Provinces, regencies (kabupaten), cities (kota) and districts (kecamatan) of
Indonesia, with ids from the official codes (`loc:id-32`, `loc:id-32-73`,
`loc:id-32-73-01`).

The package is fetched with `npm pack idn-area-data@<PINNED>` into
scripts/.cache/ (git-ignored) unless it is already there. Standard library only.

Usage: python3 scripts/gen_id_regions.py [--out gazetteers/id-regions.tsv]

Naming rules (the form the Indonesian press uses):
- province: short common name (`Jawa Barat`, `DKI Jakarta`, `DI Yogyakarta`) with the
  official long name and press abbreviations (`Jabar`, `DIY`, ...) as aliases.
- city (kota): `X`, alias `Kota X`. If X is also a province's name or alias, the city
  is named `Kota X` (the bare form belongs to the province).
- regency (kabupaten): `X`, aliases `Kabupaten X` and `Kab. X`. If X is also the name of
  a city or a province, the regency is named `Kabupaten X` (alias `Kab. X`).
- district (kecamatan): `X`, alias `Kecamatan X`. If X is also a name or alias of a
  province, regency or city, the district is named `Kecamatan X` (no bare alias).
"""
import argparse
import csv
import os
import subprocess
import sys
import tarfile

PACKAGE = "idn-area-data"
VERSION = "4.0.1"  # pinned; bump deliberately and re-check the output

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(HERE, ".cache")

# Province press forms: code -> (name, [aliases]).
PROVINCES = {
    "11": ("Aceh", ["Nanggroe Aceh Darussalam", "NAD", "Provinsi Aceh"]),
    "12": ("Sumatera Utara", ["Sumut", "Sumatra Utara"]),
    "13": ("Sumatera Barat", ["Sumbar", "Sumatra Barat"]),
    "14": ("Riau", ["Provinsi Riau"]),
    "15": ("Jambi", ["Provinsi Jambi"]),
    "16": ("Sumatera Selatan", ["Sumsel", "Sumatra Selatan"]),
    "17": ("Bengkulu", ["Provinsi Bengkulu"]),
    "18": ("Lampung", ["Provinsi Lampung"]),
    "19": ("Bangka Belitung", ["Kepulauan Bangka Belitung", "Babel", "Kep. Bangka Belitung",
                                "Provinsi Kepulauan Bangka Belitung"]),
    "21": ("Kepulauan Riau", ["Kepri", "Kep. Riau", "Provinsi Kepulauan Riau"]),
    "31": ("DKI Jakarta", ["Jakarta", "DKI", "Daerah Khusus Ibukota Jakarta",
                           "Daerah Khusus Ibu Kota Jakarta", "Daerah Khusus Jakarta",
                           "DK Jakarta", "Provinsi DKI Jakarta"]),
    "32": ("Jawa Barat", ["Jabar", "Provinsi Jawa Barat"]),
    "33": ("Jawa Tengah", ["Jateng", "Provinsi Jawa Tengah"]),
    "34": ("DI Yogyakarta", ["DIY", "Daerah Istimewa Yogyakarta", "D.I. Yogyakarta",
                             "Yogyakarta", "Jogja", "Yogya", "Jogjakarta", "Provinsi DIY"]),
    "35": ("Jawa Timur", ["Jatim", "Provinsi Jawa Timur"]),
    "36": ("Banten", ["Provinsi Banten"]),
    "51": ("Bali", ["Provinsi Bali", "Pulau Bali", "Pulau Dewata"]),
    "52": ("Nusa Tenggara Barat", ["NTB", "Provinsi NTB"]),
    "53": ("Nusa Tenggara Timur", ["NTT", "Provinsi NTT"]),
    "61": ("Kalimantan Barat", ["Kalbar", "Provinsi Kalimantan Barat"]),
    "62": ("Kalimantan Tengah", ["Kalteng", "Provinsi Kalimantan Tengah"]),
    "63": ("Kalimantan Selatan", ["Kalsel", "Provinsi Kalimantan Selatan"]),
    "64": ("Kalimantan Timur", ["Kaltim", "Provinsi Kalimantan Timur"]),
    "65": ("Kalimantan Utara", ["Kaltara", "Provinsi Kalimantan Utara"]),
    "71": ("Sulawesi Utara", ["Sulut", "Provinsi Sulawesi Utara"]),
    "72": ("Sulawesi Tengah", ["Sulteng", "Provinsi Sulawesi Tengah"]),
    "73": ("Sulawesi Selatan", ["Sulsel", "Provinsi Sulawesi Selatan"]),
    "74": ("Sulawesi Tenggara", ["Sultra", "Provinsi Sulawesi Tenggara"]),
    "75": ("Gorontalo", ["Provinsi Gorontalo"]),
    "76": ("Sulawesi Barat", ["Sulbar", "Provinsi Sulawesi Barat"]),
    "81": ("Maluku", ["Provinsi Maluku"]),
    "82": ("Maluku Utara", ["Malut", "Provinsi Maluku Utara"]),
    "91": ("Papua", ["Provinsi Papua"]),
    "92": ("Papua Barat", ["Pabar", "Provinsi Papua Barat"]),
    "93": ("Papua Selatan", ["Provinsi Papua Selatan"]),
    "94": ("Papua Tengah", ["Provinsi Papua Tengah"]),
    "95": ("Papua Pegunungan", ["Provinsi Papua Pegunungan"]),
    "96": ("Papua Barat Daya", ["PBD", "Provinsi Papua Barat Daya"]),
}

# Extra press forms of regencies and cities, keyed by official code.
EXTRA_ALIASES = {
    "31.01": ["Kepulauan Seribu", "Pulau Seribu"],
    "31.71": ["Jakpus"],
    "31.72": ["Jakut"],
    "31.73": ["Jakbar"],
    "31.74": ["Jaksel"],
    "31.75": ["Jaktim"],
    "33.72": ["Solo", "Kota Solo"],
    "36.74": ["Tangsel"],
    "19.71": ["Pangkalpinang"],
    "21.72": ["Tanjungpinang"],
    "62.71": ["Palangka Raya"],
    "74.72": ["Baubau", "Bau-Bau"],
    "73.71": ["Ujung Pandang"],
    "12.72": ["Pematang Siantar", "Siantar"],
    "12.74": ["Tanjung Balai"],
    "12.76": ["Tebingtinggi"],
    "16.72": ["Pagaralam"],
    "16.73": ["Lubuklinggau"],
    "12.77": ["Padang Sidempuan", "Padangsidempuan"],
    "13.74": ["Padangpanjang"],
    "14.71": ["Pakanbaru"],
    "82.72": ["Tidore"],
    "34.03": ["Gunung Kidul"],
    "34.71": ["Kota Jogja", "Kota Yogya"],
    "34.01": ["Kulonprogo"],
}

HEADER = """\
# warta gazetteer: Indonesian provinces, regencies (kabupaten), cities (kota) and districts (kecamatan)
# source: npm package {pkg}@{ver} (administrative area data from official Indonesian sources). Contains data from idn-area-data, ODbL 1.0
# licence: ODbL-1.0 (Open Database License 1.0); names, press short forms and aliases added by the warta developers
# generated by: scripts/gen_id_regions.py (regenerate, do not edit by hand)
# columns: id\tlabel\tname\taliases\tattrs
"""


def fetch():
    """Return the directory holding the package's data/ folder, fetching it if needed."""
    os.makedirs(CACHE, exist_ok=True)
    tgz = os.path.join(CACHE, f"{PACKAGE}-{VERSION}.tgz")
    dest = os.path.join(CACHE, f"{PACKAGE}-{VERSION}")
    data = os.path.join(dest, "package", "data")
    if os.path.isdir(data):
        return data
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", CACHE],
                       check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as tf:
        if hasattr(tarfile, "data_filter"):
            tf.extractall(dest, filter="data")
        else:
            tf.extractall(dest)
    return data


def read(data, name):
    with open(os.path.join(data, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def code_id(code):
    return "loc:id-" + code.replace(".", "-").lower()


def clean(s):
    return " ".join(s.split())


def uniq(name, aliases):
    out, seen = [], {name}
    for a in aliases:
        a = clean(a)
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    return out


def row(id_, name, aliases, attrs):
    al = "|".join(uniq(name, aliases))
    at = ";".join(f"{k}={v}" for k, v in attrs)
    return f"{id_}\tLOC\t{name}\t{al}\t{at}"


def bare_regency(name):
    for p in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(p):
            return name[len(p):], p
    raise ValueError(f"unexpected regency name {name!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "gazetteers", "id-regions.tsv"))
    args = ap.parse_args()

    data = fetch()
    provinces = read(data, "provinces.csv")
    regencies = read(data, "regencies.csv")
    districts = read(data, "districts.csv")

    codes = {p["code"] for p in provinces}
    if codes != set(PROVINCES):
        sys.exit(f"province codes differ from the table: {sorted(codes ^ set(PROVINCES))}")

    rows = []
    prov_forms = set()
    for p in provinces:
        name, aliases = PROVINCES[p["code"]]
        prov_forms.add(name)
        prov_forms.update(aliases)
        rows.append((code_id(p["code"]),
                     row(code_id(p["code"]), name, [clean(p["name"])] + aliases,
                         [("type", "province"), ("cc", "ID")])))

    reg = []
    for r in regencies:
        bare, prefix = bare_regency(clean(r["name"]))
        kind = "city" if prefix.startswith("Kota") else "regency"
        reg.append((r, bare, prefix, kind))
    city_bare = {b for _, b, _, k in reg if k == "city"}
    # Every surface form of a province, regency or city: a district sharing one is
    # named `Kecamatan X` so that the bare form stays with the larger region.
    upper_forms = set(prov_forms) | {b for _, b, _, _ in reg}

    for r, bare, prefix, kind in reg:
        id_ = code_id(r["code"])
        official = clean(r["name"])
        extra = EXTRA_ALIASES.get(r["code"], [])
        if kind == "city":
            if bare in prov_forms:
                name, aliases = f"Kota {bare}", [official]
            else:
                name, aliases = bare, [f"Kota {bare}", official]
        else:
            if bare in city_bare or bare in prov_forms:
                name, aliases = f"Kabupaten {bare}", [f"Kab. {bare}", official]
            else:
                name, aliases = bare, [f"Kabupaten {bare}", f"Kab. {bare}", official]
        upper_forms.add(name)
        upper_forms.update(aliases + extra)
        rows.append((id_, row(id_, name, aliases + extra,
                              [("type", kind), ("cc", "ID"), ("parent", code_id(r["province_code"]))])))

    for d in districts:
        id_ = code_id(d["code"])
        bare = clean(d["name"])
        if bare in upper_forms:
            name, aliases = f"Kecamatan {bare}", []
        else:
            name, aliases = bare, [f"Kecamatan {bare}"]
        rows.append((id_, row(id_, name, aliases,
                              [("type", "district"), ("cc", "ID"), ("parent", code_id(d["regency_code"]))])))

    rows.sort(key=lambda x: x[0])
    ids = [i for i, _ in rows]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate ids")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(pkg=PACKAGE, ver=VERSION))
        for _, line in rows:
            f.write(line + "\n")
    print(f"{args.out}: {len(provinces)} provinces, {len(regencies)} regencies/cities, "
          f"{len(districts)} districts", file=sys.stderr)


if __name__ == "__main__":
    main()
