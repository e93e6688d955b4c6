#!/bin/sh
# Writes docker/.env from docker/.env.example, each CHANGE_ME replaced by a fresh random secret in
# the form its variable needs. Never overwrites an existing .env (its KMS key guards the stored data).
set -eu
cd "$(dirname "$0")"
[ -e .env ] && { echo "docker/.env exists; not overwritten" >&2; exit 1; }
umask 077
python3 - <<'PY'
import base64, os, re, secrets

def value(name: str) -> str:
    if name == "MINIO_KMS_SECRET_KEY":
        return "dossiers-key:" + base64.b64encode(os.urandom(32)).decode()
    if name == "AIRFLOW_FERNET_KEY":
        return base64.urlsafe_b64encode(os.urandom(32)).decode()
    if name == "MAIN_HOST_IP":
        return ""  # only for docker-compose.worker.yml on the other machines
    return secrets.token_hex(20)

lines = []
for line in open(".env.example", encoding="utf-8"):
    m = re.match(r"^([A-Z0-9_]+)=(.*)$", line.rstrip("\n"))
    if m and "CHANGE_ME" in m.group(2):
        line = f"{m.group(1)}={value(m.group(1))}\n"
    lines.append(line)
with open(".env", "x", encoding="utf-8") as out:
    out.writelines(lines)
PY
echo "wrote docker/.env (mode 600): back it up apart from the data; MINIO_KMS_SECRET_KEY unlocks every stored object"
