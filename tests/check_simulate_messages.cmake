# `dermasim check` passes a case whose key contradicts itself; `check
# --simulate` plays the key's own answer, exits 1, and locates each
# contradiction at the key responsible.
execute_process(COMMAND ${DS} check ${FILE} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "plain check should pass the file, got ${rc}")
endif()
execute_process(COMMAND ${DS} check --simulate ${FILE} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "check --simulate should exit 1, got ${rc}")
endif()
foreach(expected
    "contradicting_key.yaml:25:7: error: the key's own answer at 2.5 mm makes the critical error hypodermis_punctures"
    "contradicting_key.yaml:19:3: error: the key's own answer at 3 mm scores"
    "on coverage, below its threshold 50"
    )
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing message:\n  ${expected}\ngot:\n${err}")
  endif()
endforeach()
