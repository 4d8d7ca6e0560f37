# Issue 14: a treatment course's statements, checked by the independent
# validator: told from a passing and a failing course recording (`records
# statements --session`), and queued in a progress database's outbox.
include(${CMAKE_CURRENT_LIST_DIR}/isolated_env.cmake)

include(${CMAKE_CURRENT_LIST_DIR}/cli_run.cmake)

set(files)
foreach(name good failing)
  run(${DS} records statements --session ${COURSES}/${name}.dscrs --scenario ${SCEN} --trainee "trainee.${name}@clinic.example")
  if(NOT out MATCHES "/scenarios/course_postpartum_rubra_series/visits/4\"")
    message(FATAL_ERROR "no statement for visit 4:\n${out}")
  endif()
  file(WRITE ${WORK}/${name}.json "${out}")
  list(APPEND files ${WORK}/${name}.json)
  run(${DS} records add --session ${COURSES}/${name}.dscrs --scenario ${SCEN} --trainee "trainee.${name}@clinic.example"
      --db ${WORK}/progress.db)
endforeach()
run(${DS} records statements --db ${WORK}/progress.db)
file(WRITE ${WORK}/outbox.json "${out}")
list(APPEND files ${WORK}/outbox.json)

execute_process(COMMAND ${NODE} ${VALIDATOR} ${files} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dermasim's course xAPI statements are INVALID:\n${err}")
endif()
