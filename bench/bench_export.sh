#!/bin/sh
# Export and import of 1M persons (QUICK=1: 100k) against the sqlite3 shell,
# in the same run:
#   export          laobao export (GB18030 package: persons.csv sorted by 公民身份号码,
#                   hashed, manifest)  vs  sqlite3 -csv "SELECT * FROM persons" > file,
#                   then iconv UTF-8 -> GB18030
#   import          laobao import of that package into an empty office database (verify
#                   all hashes and counts, check every field, merge by key, one transaction)
#                   vs  iconv GB18030 -> UTF-8, then sqlite3 .import of the same rows into
#                   the same schema with its indexes and CHECK rules. .import cannot write
#                   NULL, so it loads a staging table and INSERT ... SELECT nullif(...) moves
#                   the rows into persons; the page cache is set as large as laobao's bulk
#                   cache (the row "sqlite3 defaults" keeps the shell's own settings).
#   import-persons  laobao import-persons of a GBK legacy list (公民身份号码, 姓名, 性别,
#                   出生日期, 民族, 电话, 住址) with every row validated, against the same
#                   reference as import.
# Each timing is the best of three runs, ours and the reference's alternating.
set -eu
bin=${LAOBAO_BIN:-./build/laobao}
build=${LAOBAO_BUILD:-build}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
n=1000000
[ "${QUICK:-}" = 1 ] && n=100000
label=1M
[ "$n" = 100000 ] && label=100k

for tool in sqlite3 iconv; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "bench_export: $tool is missing (apt-get install $tool); skipped" >&2
		exit 0
	fi
done

cache=$build/bench-cache
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/laobao-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export LAOBAO_TODAY=2026-11-25 LAOBAO_NOW=2026-11-25T08:00:00Z LAOBAO_DB=
log() { echo "bench_export: $*" >&2; }

# ---- data sets, made once ----
demo=$cache/demo-$n.db
if [ ! -s "$demo" ]; then
	log "generating $n persons of demo data (once) ..."
	rm -f "$demo" "$demo-wal" "$demo-shm"
	"$bin" --db "$demo.tmp" demo --persons "$n" >/dev/null
	mv "$demo.tmp" "$demo"
	rm -f "$demo.tmp-wal" "$demo.tmp-shm"
fi
# Persons only (and the offices they name), in an office of its own.
persons=$cache/persons-$n.db
if [ ! -s "$persons" ]; then
	log "making the persons-only database (once) ..."
	rm -f "$persons.tmp"*
	"$bin" --db "$persons.tmp" init --office BENCH-A --office-name 基准甲所 --area 320508 >/dev/null
	sqlite3 "$persons.tmp" "ATTACH '$demo' AS s;
		INSERT INTO offices (code, name, area_code, case_prefix, version, chg_seq, created_at, updated_at)
		  SELECT code, name, area_code, case_prefix, version, chg_seq, created_at, updated_at FROM s.offices;
		INSERT INTO persons SELECT * FROM s.persons;
		UPDATE change_seq SET value = (SELECT max(chg_seq) FROM persons);"
	mv "$persons.tmp" "$persons"
fi
legacy=$cache/legacy-$n.gbk.csv
if [ ! -s "$legacy" ]; then
	sqlite3 -csv "$persons" "SELECT '公民身份号码', '姓名', '性别', '出生日期', '民族', '联系电话', '现住址'
		UNION ALL SELECT * FROM (SELECT id_no, name, CASE sex WHEN 1 THEN '男' ELSE '女' END,
		birth_date, ethnicity, phone, address FROM persons)" | iconv -f UTF-8 -t GBK > "$legacy.tmp"
	mv "$legacy.tmp" "$legacy"
fi

now() { date +%s.%N; }
best=""
# time CMD...: seconds into $took
took=0
timed() {
	t0=$(now)
	"$@"
	t1=$(now)
	took=$(echo "$t1 $t0" | awk '{ printf "%.3f", $1 - $2 }')
}
min() { echo "$1 $2" | awk '{ print ($1 < $2) ? $1 : $2 }'; }
row() { # metric ours ref goal
	echo "$2 $3 $4" | awk -v m="$1" '{ r = $1 / $2; printf "%s | %.2f s | %.2f s | %.2f | <= %s | %s\n", m, $1, $2, r, $3, (r <= $3) ? "yes" : "no" }'
}

# ---- export ----
cp "$persons" "$work/p.db"
ours_x=999999 ref_x=999999
pkg=""
for i in 1 2 3; do
	rm -rf "$work/out"; mkdir "$work/out"
	if [ "$i" = 1 ]; then
		timed "$bin" --db "$work/p.db" export --out "$work/out" >/dev/null
	else
		timed "$bin" --db "$work/p.db" export --batch 1 --out "$work/out" >/dev/null
	fi
	ours_x=$(min "$ours_x" "$took")
	pkg=$work/out/laobao-BENCH-A-000001
	rm -f "$work/ref.csv" "$work/ref.gb.csv"
	timed sh -c "sqlite3 -csv -header '$work/p.db' 'SELECT * FROM persons' > '$work/ref.csv' && iconv -f UTF-8 -t GB18030 '$work/ref.csv' > '$work/ref.gb.csv'"
	ref_x=$(min "$ref_x" "$took")
	log "export run $i: laobao $ours_x, reference $ref_x (best so far)"
done
mv "$pkg" "$work/pkg"
pkg=$work/pkg
row "export $label persons, GB18030 package" "$ours_x" "$ref_x" 1.0

# ---- import ----
cols=$(sqlite3 "$work/p.db" "SELECT group_concat('nullif(' || name || ', '''')', ', ') FROM pragma_table_info('persons')")
ref_import() { # cache_pragma
	rm -f "$work/r.db"*
	"$bin" --db "$work/r.db" init >/dev/null
	timed sh -c "iconv -f GB18030 -t UTF-8 '$work/ref.gb.csv' > '$work/ref.u8.csv' && sqlite3 '$work/r.db' <<SQL
.bail on
$1
.import --csv '$work/ref.u8.csv' staging
INSERT INTO persons SELECT $cols FROM staging;
DROP TABLE staging;
SQL"
	[ "$(sqlite3 "$work/r.db" 'SELECT count(*) FROM persons')" = "$n" ] || { log "reference import incomplete"; exit 1; }
}
ours_i=999999 ref_i=999999 ref_d=999999
for i in 1 2 3; do
	rm -f "$work/b.db"*
	"$bin" --db "$work/b.db" init --office BENCH-B --office-name 基准乙所 --area 110101 >/dev/null
	timed "$bin" --db "$work/b.db" import --no-report "$pkg" >/dev/null
	ours_i=$(min "$ours_i" "$took")
	[ "$(sqlite3 "$work/b.db" 'SELECT count(*) FROM persons')" = "$n" ] || { log "import incomplete"; exit 1; }
	ref_import "PRAGMA cache_size = -262144;"
	ref_i=$(min "$ref_i" "$took")
	if [ "$i" = 1 ]; then
		ref_import ""
		ref_d=$took
	fi
	log "import run $i: laobao $ours_i, reference $ref_i (defaults $ref_d)"
done
row "import $label persons package (verify + merge)" "$ours_i" "$ref_i" 1.0
row "import $label persons vs sqlite3 defaults" "$ours_i" "$ref_d" 1.0

# ---- import-persons ----
ours_l=999999
for i in 1 2 3; do
	rm -f "$work/l.db"*
	"$bin" --db "$work/l.db" init --office BENCH-B --office-name 基准乙所 --area 110101 >/dev/null
	cp "$legacy" "$work/legacy.csv"
	timed "$bin" --db "$work/l.db" import-persons --encoding gbk "$work/legacy.csv" >/dev/null
	ours_l=$(min "$ours_l" "$took")
	[ "$(sqlite3 "$work/l.db" 'SELECT count(*) FROM persons')" = "$n" ] || { log "import-persons incomplete"; exit 1; }
	log "import-persons run $i: laobao $ours_l"
done
row "import-persons $label GBK list (validated)" "$ours_l" "$ref_i" 1.0
