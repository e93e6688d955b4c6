#!/usr/bin/env bash
# Installs the Debian packages the pipeline calls, only those missing.
# Idempotent; needs root (or sudo) the first time only.
set -euo pipefail

PACKAGES=(
  python3 python3-venv python3-pip            # the project's virtual environment
  tesseract-ocr tesseract-ocr-fra tesseract-ocr-osd tesseract-ocr-eng  # OCR, French + orientation + MRZ
  fonts-dejavu-core fonts-ocr-b fonts-liberation # fonts for the synthetic dossier generator
  docker-compose                               # validates docker/docker-compose.yml in the tests
  chromium libatomic1                          # the review pages' browser tests (Playwright's driver needs libatomic)
  redis-server                                 # Celery broker of `make airflow-celery` and `make scale-demo`

)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
