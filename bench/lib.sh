# Helpers of bench/run: tools, PostgreSQL, app instances, nginx, logins. Sourced, not run.

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Installs wrk, nginx and the PostgreSQL server from Debian's packages when they are missing.
ensure_tools() {
	local missing=()
	command -v wrk >/dev/null || missing+=(wrk)
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
	{ [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pgbench" ]; } || missing+=(postgresql postgresql-contrib)
	command -v curl >/dev/null || missing+=(curl)
	command -v python3 >/dev/null || missing+=(python3)
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing ${missing[*]}"
		local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
		# Debian's postgresql package would start its own cluster; we run our own server instead.
		if [ ! -e /usr/sbin/policy-rc.d ] && [ "$(id -u)" = 0 ]; then
			printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; POLICY_ADDED=1
		fi
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null \
			|| { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null; }
		[ -n "${POLICY_ADDED:-}" ] && rm -f /usr/sbin/policy-rc.d
		PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
	fi
	NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# PostgreSQL runs as an unprivileged user (initdb refuses root).
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_q() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U ugd -d "${PGDATABASE:-ugd}" -v ON_ERROR_STOP=1 "$@"; }

# A fresh server in $WORK/pg on $PG_PORT, durable commits (synchronous_commit and fsync on).
pg_init() {
	rm -rf "$WORK/pg"; mkdir -p "$WORK/pg"
	[ "$(id -u)" = 0 ] && chown postgres "$WORK" "$WORK/pg"
	as_pg "$PGBIN/initdb" -D "$WORK/pg" -U ugd --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	cat >> "$WORK/pg/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 256MB
synchronous_commit = on
fsync = on
log_line_prefix = '%m [%p] '
CONF
	pg_start
	createdb -h 127.0.0.1 -p "$PG_PORT" -U ugd ugd
}

pg_start() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 start >/dev/null; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m "${1:-fast}" -w stop >/dev/null; }

# start_app NAME PORT [extra env...]: the jar against $WORK's PostgreSQL (or embedded when EMBEDDED=1).
start_app() {
	local name=$1 port=$2; shift 2
	# Demo accounts, but no Kotak keluar: the app as deployed with no channel configured (the
	# deliveries phase configures its own).
	local -a env=(PORT="$port" UGD_DEMO_ENABLED=true UGD_DEMO_CASES=false UGD_DB_POOL_SIZE="${POOL_SIZE:-10}"
		UGD_DELIVERY_DEMO_OUTBOX=false)
	if [ "${EMBEDDED:-0}" != 1 ]; then
		env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/ugd" SPRING_DATASOURCE_USERNAME=ugd
			SPRING_DATASOURCE_PASSWORD=unused)
	fi
	local started; started=$(date +%s%N)
	(cd "$WORK" && exec env "${env[@]}" "$@" java $JAVA_OPTS -jar "$JAR" >>"$WORK/$name.log" 2>&1) &
	echo $! > "$WORK/$name.pid"
	wait_healthy "$port" 120 || { tail -30 "$WORK/$name.log" >&2; return 1; }
	echo $(( ($(date +%s%N) - started) / 1000000 )) > "$WORK/$name.startms"
}

wait_healthy() {
	local port=$1 limit=${2:-60} i=0
	until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
		sleep 0.2; i=$((i + 1)); [ $i -lt $((limit * 5)) ] || return 1
	done
}

app_pid() { cat "$WORK/$1.pid"; }

stop_app() {
	local pid; pid=$(cat "$WORK/$1.pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	kill -9 "$pid" 2>/dev/null || true
	rm -f "$WORK/$1.pid"
}

kill9_app() { kill -9 "$(cat "$WORK/$1.pid")"; sleep 0.5; rm -f "$WORK/$1.pid"; }

# Peak resident memory (VmHWM) of an app in MB.
peak_rss_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$WORK/$1.pid")/status"; }

# login USER BASEURL COOKIEJAR: form login with CSRF; prints the session id.
login() {
	local user=$1 base=$2 jar=$3 csrf
	rm -f "$jar"
	csrf=$(curl -sf -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=banyuwangi" \
		--data-urlencode "_csrf=$csrf" "$base/login"
	awk '$6 == "UGDSESSION" { print $7 }' "$jar"
}

# form_csrf BASEURL COOKIEJAR: the CSRF token of the filing form of that session.
form_csrf() {
	curl -sf -b "$2" "$1/kasus/baru" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

# sessions N BASEURL FILE: N logged-in operator sessions as "cookie csrf" lines for the wrk scripts.
operator_sessions() {
	local n=$1 base=$2 out=$3 i session csrf
	: > "$out"
	for i in $(seq "$n"); do
		session=$(login upt.muncar "$base" "$WORK/jar.$i")
		csrf=$(form_csrf "$base" "$WORK/jar.$i")
		[ -n "$session" ] && [ -n "$csrf" ] || { log "login failed"; return 1; }
		echo "$session $csrf" >> "$out"
	done
}

# The deliveries' local receivers: nginx answering the WhatsApp Cloud API (POST .../messages: its
# JSON with a fresh message id, which must be unique) and the webhook (any other POST: 200), each
# request logged to $WORK/stub-access.log; and the SMTP sink (bench/smtp_sink.py), counting into
# $WORK/smtp.count. Ports $STUB and $SMTP.
start_receivers() {
	cat > "$WORK/stub-nginx.conf" <<CONF
worker_processes 1;
pid $WORK/stub-nginx.pid;
error_log $WORK/stub-nginx-error.log warn;
events { worker_connections 1024; }
http {
	client_body_temp_path $WORK/stub-body;
	proxy_temp_path $WORK/stub-proxy;
	log_format stub '\$request_method \$uri \$status';
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$STUB;
		access_log $WORK/stub-access.log stub;
		client_max_body_size 1m;
		client_body_buffer_size 64k;
		default_type application/json;
		location ~ /messages\$ {
			return 200 '{"messaging_product":"whatsapp","contacts":[{"input":"+6281200000000","wa_id":"6281200000000"}],"messages":[{"id":"wamid.\$request_id"}]}';
		}
		location / {
			return 200 '{"ok":true}';
		}
	}
}
CONF
	: > "$WORK/stub-access.log"
	"$NGINX" -c "$WORK/stub-nginx.conf" -p "$WORK"
	python3 "$BENCH/smtp_sink.py" "$SMTP" "$WORK/smtp.count" > "$WORK/smtp.log" 2>&1 &
	echo $! > "$WORK/smtp.pid"
	local i=0
	until [ -s "$WORK/smtp.count" ] && curl -sf -o /dev/null -X POST "http://127.0.0.1:$STUB/health"; do
		sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || { log "receivers did not start"; return 1; }
	done
}

stop_receivers() {
	[ -f "$WORK/stub-nginx.pid" ] && kill "$(cat "$WORK/stub-nginx.pid")" 2>/dev/null
	[ -f "$WORK/smtp.pid" ] && kill "$(cat "$WORK/smtp.pid")" 2>/dev/null
	rm -f "$WORK/stub-nginx.pid" "$WORK/smtp.pid"
	return 0
}

# What the receivers got so far: "email whatsapp webhook".
receiver_counts() {
	echo "$(cat "$WORK/smtp.count" 2>/dev/null || echo 0)" \
		"$(grep -c '^POST .*/messages 200$' "$WORK/stub-access.log" || true)" \
		"$(grep -c '^POST /webhook 200$' "$WORK/stub-access.log" || true)"
}

# CPU seconds used so far by: the app doff, the app don, PostgreSQL (postmaster, its live
# backends, and those that exited), the SMTP sink, the nginx stub (master and worker).
cpu_snapshot() {
	python3 - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
tck = os.sysconf('SC_CLK_TCK')
def stat(pid):
    try:
        f = open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()
        return [int(x) for x in f[11:15]]  # utime stime cutime cstime
    except (OSError, ValueError):
        return [0, 0, 0, 0]
def children(pid):
    out = []
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if open('/proc/%s/stat' % p).read().rsplit(')', 1)[1].split()[1] == str(pid):
                    out.append(p)
            except OSError:
                pass
    return out
def pidfile(name):
    try:
        return open(os.path.join(work, name)).readline().strip()
    except OSError:
        return None
def tree(pid):
    if not pid:
        return 0
    s = stat(pid)
    return sum(s) + sum(sum(stat(c)[:2]) for c in children(pid))
def own(pid):
    return sum(stat(pid)[:2]) if pid else 0
vals = [own(pidfile('doff.pid')), own(pidfile('don.pid')), tree(pidfile('pg/postmaster.pid')),
        own(pidfile('smtp.pid')), tree(pidfile('stub-nginx.pid'))]
print(' '.join('%.2f' % (v / tck) for v in vals))
PY
}
