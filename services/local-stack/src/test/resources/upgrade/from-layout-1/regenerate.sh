#!/usr/bin/env bash
# Regenerates this fixture: a local stack's data directory written by the release whose
# aggregator kept the previous state layout (one OperationLedger per operation in store
# operation-totals, history in operation-changes), and what that release's API answered.
#
#   git clone <jointops> old && cd old && git checkout 2267491 && ./mvnw -B -DskipTests package
#   services/local-stack/src/test/resources/upgrade/from-layout-1/regenerate.sh \
#       old/services/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
#
# Needs java 17, curl and jq; uses ports 19192-19193 and 18180-18186.
set -euo pipefail
# job control: a background job of a script ignores SIGINT otherwise, and the stack must get it
set -m

JAR=$(realpath "${1:?usage: regenerate.sh <local-stack exec jar of commit 2267491>}")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/upgrade-fixture.XXXXXX)
AGGREGATOR=http://localhost:18180

cd "$WORK"
java -Xmx1g -jar "$JAR" --demo --data-dir "$WORK/data" --kafka-port 19192 --aggregator-port 18180 \
	--producer-ports-from 18181 >"$WORK/stack.log" 2>&1 &
STACK=$!
trap 'kill -INT $STACK 2>/dev/null || true' EXIT
until grep -q '^Running' "$WORK/stack.log"; do
	kill -0 $STACK || { cat "$WORK/stack.log"; exit 1; }
	sleep 1
done

token() { grep "^$1=" "$WORK/data/credentials.properties" | cut -d= -f2-; }
READER=$(token reader.secretariat)
# producers in alphabetical order of state, from port 18181
declare -A PORT=([ARM]=18181 [BLR]=18182 [KAZ]=18183 [KGZ]=18184 [RUS]=18185 [TJK]=18186)

post() { # state agency json
	local status
	status=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -H 'Content-Type: application/json' \
		-H "Authorization: Bearer $(token "$1.$2")" --data "$3" "http://localhost:${PORT[$1]}/api/v1/reports")
	[ "$status" = 202 ] || { echo "POST for $1 $2 answered $status: $(cat "$WORK/response.json")" >&2; exit 1; }
}
get() { curl -sf -H "Authorization: Bearer $READER" "$AGGREGATOR/api/v1/$1"; }
version() { get "operations/$1/totals" | jq .version; }
settle() { # operation version: wait until the aggregator's totals reach it
	for _ in $(seq 120); do
		[ "$(version "$1")" = "$2" ] && return
		sleep 0.5
	done
	echo "$1 did not reach version $2" >&2
	exit 1
}
instant() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

kanal() { # reportId revision findings [withdrawn]
	echo "{\"reportId\":\"$1\",\"revision\":$2,\"agency\":\"$3\",\"operation\":\"KANAL-DEMO\",\"stage\":1,\"periodStart\":\"2026-06-15\",\"periodEnd\":\"2026-06-26\",\"findings\":$4${5:+,\"withdrawn\":true}}"
}
illegal() { # reportId revision agency stage findings [withdrawn]
	local period='"periodStart":"2026-05-25","periodEnd":"2026-06-05"'
	[ "$4" = 2 ] && period='"periodStart":"2026-09-21","periodEnd":"2026-10-02"'
	echo "{\"reportId\":\"$1\",\"revision\":$2,\"agency\":\"$3\",\"operation\":\"ILLEGAL-DEMO\",\"stage\":$4,$period,\"findings\":$5${6:+,\"withdrawn\":true}}"
}

# the demo has settled (it printed its totals); the first instant of the history to ask about
sleep 1.5
AFTER_DEMO=$(instant)
sleep 1.5

# a second operation, KANAL-DEMO: three reports
post KAZ DRUG_CONTROL "$(kanal KAZ-DRUGS-0001 1 DRUG_CONTROL '[{"category":"DRUGS_SEIZED","quantity":120.5},{"category":"DRUGS_SEIZED_HEROIN","quantity":40.25},{"category":"LABORATORIES_SHUT_DOWN","quantity":3}]')"
post RUS CUSTOMS "$(kanal RUS-CUSTOMS-0001 1 CUSTOMS '[{"category":"DRUGS_SEIZED","quantity":830.125},{"category":"DRUGS_SEIZED_HASHISH","quantity":500},{"category":"CRIMINAL_ASSETS_SEIZED","quantity":2500000,"currency":"RUB"}]')"
post KGZ DRUG_CONTROL "$(kanal KGZ-DRUGS-0001 1 DRUG_CONTROL '[{"category":"PRECURSORS_SEIZED","quantity":1500},{"category":"FIREARMS_SEIZED","quantity":12}]')"
settle KANAL-DEMO 3
sleep 1.5
AFTER_KANAL=$(instant)
sleep 1.5

# corrections, a withdrawal, a duplicate and a new report on stage 2 of ILLEGAL-DEMO
post KAZ DRUG_CONTROL "$(kanal KAZ-DRUGS-0001 2 DRUG_CONTROL '[{"category":"DRUGS_SEIZED","quantity":121.5},{"category":"DRUGS_SEIZED_HEROIN","quantity":40.25},{"category":"LABORATORIES_SHUT_DOWN","quantity":4}]')"
post KGZ DRUG_CONTROL "$(kanal KGZ-DRUGS-0001 2 DRUG_CONTROL '[]' withdrawn)"
post RUS CUSTOMS "$(kanal RUS-CUSTOMS-0001 1 CUSTOMS '[{"category":"DRUGS_SEIZED","quantity":830.125},{"category":"DRUGS_SEIZED_HASHISH","quantity":500},{"category":"CRIMINAL_ASSETS_SEIZED","quantity":2500000,"currency":"RUB"}]')"
ILLEGAL_BEFORE=$(version ILLEGAL-DEMO)
post KGZ STATE_SECURITY "$(illegal KGZ-SECURITY-0001 2 STATE_SECURITY 1 '[{"category":"WANTED_PERSONS_DETAINED","quantity":4},{"category":"CASES_HUMAN_TRAFFICKING","quantity":2}]')"
post ARM MIGRATION "$(illegal ARM-MIGRATION-0003 1 MIGRATION 2 '[{"category":"IMMIGRATION_LAW_VIOLATIONS","quantity":377},{"category":"FINES_IMPOSED","quantity":910000,"currency":"AMD"}]')"
settle KANAL-DEMO 5
settle ILLEGAL-DEMO $((ILLEGAL_BEFORE + 2))
sleep 3

EXPECTED="$HERE/expected"
rm -rf "$EXPECTED"
mkdir -p "$EXPECTED"
get operations | jq . >"$EXPECTED/operations.json"
for OPERATION in ILLEGAL-DEMO KANAL-DEMO; do
	get "operations/$OPERATION/totals" | jq . >"$EXPECTED/$OPERATION-totals.json"
	get "operations/$OPERATION/totals?state=KAZ,RUS&stage=1" | jq . >"$EXPECTED/$OPERATION-totals-KAZ-RUS-stage-1.json"
	get "operations/$OPERATION/totals?asOf=$AFTER_DEMO" | jq . >"$EXPECTED/$OPERATION-totals-after-demo.json"
	get "operations/$OPERATION/totals?asOf=$AFTER_KANAL" | jq . >"$EXPECTED/$OPERATION-totals-after-kanal.json"
	get "operations/$OPERATION/reports" | jq . >"$EXPECTED/$OPERATION-reports.json"
	get "operations/$OPERATION/reports?asOf=$AFTER_KANAL" | jq . >"$EXPECTED/$OPERATION-reports-after-kanal.json"
	get "operations/$OPERATION/completeness" | jq . >"$EXPECTED/$OPERATION-completeness.json"
done
printf 'afterDemo=%s\nafterKanal=%s\n' "$AFTER_DEMO" "$AFTER_KANAL" >"$EXPECTED/instants.properties"

kill -INT $STACK
wait $STACK || true
trap - EXIT
grep -q '^Stopped' "$WORK/stack.log" || { cat "$WORK/stack.log"; exit 1; }
# ./data as the stack left it, without the lock file of a running stack
tar -C "$WORK" --exclude='*.lock' --format=ustar --sort=name --owner=0 --group=0 --numeric-owner \
	-czf "$HERE/data.tar.gz" data
echo "Written $HERE/data.tar.gz ($(du -k "$HERE/data.tar.gz" | cut -f1) KB) and $EXPECTED; work files in $WORK"
