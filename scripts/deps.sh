#!/usr/bin/env bash
# Installs what is missing for building and testing Jixiao on Debian 12 (apt packages only).
# Idempotent: does nothing when everything is there.
set -euo pipefail
PACKAGES=(
  cmake g++ ccache zip make
  libreoffice-core libreoffice-calc libreoffice-dev libreoffice-dev-common python3-uno
  libreoffice-l10n-zh-cn fonts-noto-cjk
  libgtest-dev poppler-utils
  clang libclang-rt-14-dev
  xvfb xdotool imagemagick
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
