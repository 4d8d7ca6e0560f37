# Installs the pinned validator into the build tree with `npm ci` (the lock
# file decides every version; node_modules never enters the source tree).
if(NOT NPM OR NOT NODE OR NPM MATCHES "NOTFOUND" OR NODE MATCHES "NOTFOUND")
  message(FATAL_ERROR "Node.js/npm not found: the xAPI validator test cannot run. Run scripts/install-deps.sh "
                      "(it installs nodejs and npm) and re-run cmake.")
endif()
file(MAKE_DIRECTORY ${WORK})
foreach(f package.json package-lock.json validate.js known_good_statement.json broken_statement.json)
  file(COPY_FILE ${SRC}/${f} ${WORK}/${f} ONLY_IF_DIFFERENT)
endforeach()
execute_process(COMMAND ${NPM} ci --no-audit --no-fund WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "npm ci failed in ${WORK} (exit ${rc}); the registry or npm's cache must hold "
                      "@learninglocker/xapi-validation as pinned in package-lock.json\n${out}\n${err}")
endif()
if(NOT EXISTS ${WORK}/node_modules/@learninglocker/xapi-validation/package.json)
  message(FATAL_ERROR "npm ci did not install @learninglocker/xapi-validation in ${WORK}")
endif()
message(STATUS "xAPI validator installed in ${WORK}")
