# Twilio mock for the contract tests: Stoplight Prism serving Twilio's own OpenAPI description of the 2010 API.
# Sourced by .ci/run under `set -euo pipefail`; idempotent; needs Node 20 + npm (the machine has them).
# Installs into the repo-local, git-ignored .tools/ folder and exports:
#   MFA_TEST_PRISM        path to the prism binary
#   MFA_TEST_TWILIO_SPEC  path to twilio_api_v2010.json
# The tests start and stop prism themselves (one instance per test collection).

mfa_tools_dir="$(pwd)/.tools"
mfa_prism_version="5.16.0"
mfa_twilio_oai_package="@twilio-alpha/mcp@0.7.0"
mfa_prism_bin="${mfa_tools_dir}/node_modules/.bin/prism"
mfa_twilio_spec="${mfa_tools_dir}/twilio-oai/twilio_api_v2010.json"

mkdir -p "${mfa_tools_dir}"

if [ ! -x "${mfa_prism_bin}" ] \
  || [ "$(node -p "require('${mfa_tools_dir}/node_modules/@stoplight/prism-cli/package.json').version" 2>/dev/null || true)" != "${mfa_prism_version}" ]; then
  echo "installing @stoplight/prism-cli@${mfa_prism_version} into .tools/"
  npm install --prefix "${mfa_tools_dir}" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@${mfa_prism_version}"
fi

if [ ! -s "${mfa_twilio_spec}" ]; then
  echo "extracting twilio_api_v2010.json from ${mfa_twilio_oai_package}"
  mfa_pack_dir="$(mktemp -d)"
  (cd "${mfa_pack_dir}" && npm pack --silent --loglevel=error "${mfa_twilio_oai_package}" >/dev/null)
  mkdir -p "$(dirname "${mfa_twilio_spec}")"
  tar -xzf "${mfa_pack_dir}"/*.tgz -C "${mfa_pack_dir}" package/twilio-oai/spec/json/twilio_api_v2010.json
  mv "${mfa_pack_dir}/package/twilio-oai/spec/json/twilio_api_v2010.json" "${mfa_twilio_spec}"
  rm -rf "${mfa_pack_dir}"
fi

"${mfa_prism_bin}" --version >/dev/null
export MFA_TEST_PRISM="${mfa_prism_bin}"
export MFA_TEST_TWILIO_SPEC="${mfa_twilio_spec}"
echo "prism: ${MFA_TEST_PRISM}; spec: ${MFA_TEST_TWILIO_SPEC}"
unset mfa_tools_dir mfa_prism_version mfa_twilio_oai_package mfa_prism_bin mfa_twilio_spec mfa_pack_dir
