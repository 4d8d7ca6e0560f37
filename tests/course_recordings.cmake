# The fixture of the course records tests: `simulate` of the course case with
# its good script (passes) and with sessions a week apart (fails the series).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
foreach(pair "good;good" "sessions_a_week_apart;failing")
  list(GET pair 0 script)
  list(GET pair 1 name)
  execute_process(COMMAND ${DS} simulate --scenario ${SCEN} --script ${SCRIPTS}/${script}.yaml --out ${WORK}/${name}.dscrs
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "simulate ${script} failed (${rc}):\n${out}\n${err}")
  endif()
endforeach()
