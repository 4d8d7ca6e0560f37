# Runs `dermasim check` on a broken file and checks each located message.
execute_process(COMMAND ${DS} check ${FILE} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "check should exit 1 on a broken file, got ${rc}")
endif()
foreach(expected
    "bad_scenario.yaml:9:3: error: unknown key 'fitzpatric' in patient (did you mean 'fitzpatrick'?)"
    "bad_scenario.yaml:6:3: error: missing required key 'fitzpatrick'"
    "bad_scenario.yaml:18:14: error: finding 'nothing_here' names no history item or medication"
    "bad_scenario.yaml:20:26: error: needle_depth_mm high end 3.5 goes outside the device's range 0.25..3.0 mm"
    )
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing message:\n  ${expected}\ngot:\n${err}")
  endif()
endforeach()
